import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { spellingKey } from '../../../../../shared/spelling/findMisspellings';

/** The lookup forms of every word of the body: the words the article already uses rank first among suggestions. */
export function wordsOfDocument(doc: ProseMirrorNode): Set<string> {
  const words = new Set<string>();
  for (const [word] of doc.textBetween(0, doc.content.size, ' ', ' ').matchAll(/[\p{L}\p{M}]+/gu)) words.add(spellingKey(word));
  return words;
}
