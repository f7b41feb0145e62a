import { z } from 'zod';
import { identitySchema } from '../identity';

/** The longest word the user's dictionary takes (longer is no word: a pasted sentence or a code). */
export const dictionaryWordMaximumLength = 64;

// Letters and their marks only: the spelling check splits text into such words, so nothing else could ever match.
const oneWord = /^[\p{L}\p{M}]+$/u;

/** A word to add to the dictionary: NFC, trimmed, one word of letters, at most 64 characters. */
export const dictionaryWordSchema = z
  .string()
  .transform((text) => text.normalize('NFC').trim())
  .pipe(z.string().min(1, 'Từ trống').max(dictionaryWordMaximumLength, 'Từ quá dài').regex(oneWord, 'Chỉ thêm được một từ, gồm chữ cái'));

/** One word of the library's dictionary as stored (one file per word): the word, who added it and when. */
export const dictionaryEntrySchema = z
  .object({ word: dictionaryWordSchema, addedBy: identitySchema.nullable(), addedAt: z.iso.datetime({ offset: true }) })
  .strict();
export type DictionaryEntry = z.infer<typeof dictionaryEntrySchema>;
