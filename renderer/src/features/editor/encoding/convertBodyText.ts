import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { decodeLegacy } from '../../../../../shared/legacyEncodings/decodeLegacy';
import { unicodeOnlyLetter } from '../../../../../shared/legacyEncodings/detectLegacyEncoding';
import type { LegacyEncoding } from '../../../../../shared/legacyEncodings/LegacyEncoding';

/** One paragraph (or field) as it reads before a conversion and after: what the preview shows. */
export interface ConvertedLine {
  before: string;
  after: string;
}

/** A span of the body, or null for the whole body. */
export type BodyRange = { from: number; to: number } | null;

/**
 * The text a conversion is applied to, unless the user chose it: legacy text never holds a letter only Unicode has
 * (ơ, ư, đ, ạ …), so a paragraph with one is already Unicode and would only be garbled ("á" is TCVN3's "ỏ").
 */
export function isConvertible(text: string, chosen: boolean): boolean {
  return chosen || !unicodeOnlyLetter.test(text);
}

/**
 * The transaction converting the body's text from a legacy encoding, with the paragraphs it changes. A range converts
 * exactly the text in it; the whole body converts every paragraph and caption not already Unicode, and the photos'
 * credits and descriptions. Marks stay on the characters they were on; the whole change is one undo step.
 */
export function convertBodyText(
  state: EditorState,
  encoding: LegacyEncoding,
  range: BodyRange,
): { tr: Transaction; lines: ConvertedLine[] } {
  const { doc, schema } = state;
  const tr = state.tr;
  const from = range?.from ?? 0;
  const to = range?.to ?? doc.content.size;
  const changes: { position: number; apply: () => void }[] = [];
  const lines: ConvertedLine[] = [];
  const convert = (text: string) => (isConvertible(text, range !== null) ? decodeLegacy(text, encoding) : text);

  doc.nodesBetween(from, to, (node, position) => {
    if (node.type.name === 'figure' && range === null) {
      const credit = node.attrs['credit'] as string;
      const alt = node.attrs['alt'] as string;
      const attributes = { ...node.attrs, credit: convert(credit), alt: convert(alt) };
      for (const name of ['credit', 'alt'] as const) {
        if (attributes[name] !== node.attrs[name]) lines.push({ before: node.attrs[name] as string, after: attributes[name] });
      }
      if (attributes.credit !== credit || attributes.alt !== alt) {
        changes.push({ position, apply: () => tr.setNodeMarkup(position, undefined, attributes) });
      }
    }
    if (!node.isTextblock) return true;
    if (!isConvertible(node.textContent, range !== null)) return false;
    const line = convertTextblock(node, position, from, to, encoding, (start, end, text, marks) =>
      changes.push({
        position: start,
        apply: () => (text === '' ? tr.delete(start, end) : tr.replaceWith(start, end, schema.text(text, marks))),
      }),
    );
    if (line.before !== line.after) lines.push(line);
    return false;
  });
  // Last first: each change leaves the positions before it as they were.
  for (const { apply } of changes.sort((a, b) => b.position - a.position)) apply();
  return { tr, lines };
}

/** Converts the text of one paragraph that lies between from and to; tells each changed piece to `replace`. */
function convertTextblock(
  node: ProseMirrorNode,
  position: number,
  from: number,
  to: number,
  encoding: LegacyEncoding,
  replace: (start: number, end: number, text: string, marks: ProseMirrorNode['marks']) => void,
): ConvertedLine {
  let before = '';
  let after = '';
  node.forEach((child, offset) => {
    const text = child.isText ? (child.text ?? '') : child.textContent;
    before += text;
    const start = position + 1 + offset;
    const sliceFrom = Math.max(0, from - start);
    const sliceTo = Math.min(text.length, to - start);
    if (!child.isText || sliceFrom >= sliceTo) {
      after += text;
      return;
    }
    const middle = text.slice(sliceFrom, sliceTo);
    const decoded = decodeLegacy(middle, encoding);
    after += text.slice(0, sliceFrom) + decoded + text.slice(sliceTo);
    if (decoded !== middle) replace(start + sliceFrom, start + sliceTo, decoded, child.marks);
  });
  return { before, after };
}
