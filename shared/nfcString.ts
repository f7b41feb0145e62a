import { z } from 'zod';

/** A string schema that stores text in Unicode NFC, whatever form it was typed or pasted in. */
export function nfcString(maximumLength: number) {
  return z
    .string()
    .max(maximumLength)
    .transform((text) => text.normalize('NFC'));
}
