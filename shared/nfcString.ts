import { z } from 'zod';

/** A string schema that stores text in Unicode NFC, whatever form it was typed or pasted in. */
export function nfcString(maximumLength: number) {
  // Measured after normalizing: decomposed text (macOS, "Unicode tổ hợp") is longer than what is stored.
  return z
    .string()
    .transform((text) => text.normalize('NFC'))
    .pipe(z.string().max(maximumLength));
}
