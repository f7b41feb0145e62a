import { decodeLegacy } from '../../../../../shared/legacyEncodings/decodeLegacy';
import { detectLegacyEncoding } from '../../../../../shared/legacyEncodings/detectLegacyEncoding';
import type { LegacyEncoding } from '../../../../../shared/legacyEncodings/LegacyEncoding';
import { legacyEncodingOfFont } from '../../../../../shared/legacyEncodings/legacyEncodingOfFont';
import type { FontRules } from './readFontRules';
import { firstFontFamily, styleDeclarations } from './styleDeclarations';

/** What a conversion did: from which encodings, and how many paragraphs (blocks) it changed. */
export interface LegacyConversion {
  encodings: LegacyEncoding[];
  paragraphs: number;
}

/** The elements a paragraph count counts, and whose text is read as one run of words. */
const blockTags = new Set('p li h1 h2 h3 h4 h5 h6 blockquote div td th pre figcaption dt dd section article header footer body'.split(' '));
/** Elements whose text is never shown: not converted, not counted. */
const unreadTags = new Set(['style', 'script', 'template', 'title', 'noscript', 'xml', 'head']);

interface TextRun {
  node: Text;
  block: Element;
}

/**
 * Converts the text nodes under `root` that are in a legacy encoding to Unicode, in place, before anything else touches
 * them (TCVN3's "ư" is U+00AD, which a later clean-up would strip as a soft hyphen). Each text node takes the font in
 * effect on it (a style's font-family, a class rule from the page's <style>, <font face>); runs in a legacy font are
 * converted when their text reads better converted, and the runs in no legacy font are scored together and converted
 * when their words turn out to be legacy Vietnamese. `skip` leaves elements out (Word's list numbers).
 */
export function convertLegacyText(root: Element, fontRules: FontRules, skip: (element: Element) => boolean): LegacyConversion | null {
  const fonts = new Map<Element, string | null>();
  const fontOf = (element: Element | null): string | null => {
    if (element === null) return null;
    const known = fonts.get(element);
    if (known !== undefined) return known;
    const declared = styleDeclarations(element.getAttribute('style')).get('font-family');
    const face = element.localName === 'font' ? element.getAttribute('face') : null;
    const own = declared !== undefined ? firstFontFamily(declared) : (fontRules(element) ?? (face === null ? null : firstFontFamily(face)));
    const font = own ?? (element === root ? null : fontOf(element.parentElement));
    fonts.set(element, font);
    return font;
  };

  const groups = new Map<LegacyEncoding | 'unnamed', { runs: TextRun[]; fontNames: string[] }>();
  for (const run of readableRuns(root, skip)) {
    const font = fontOf(run.node.parentElement);
    const named = font === null ? null : legacyEncodingOfFont(font);
    const group = groups.get(named ?? 'unnamed') ?? { runs: [], fontNames: [] };
    group.runs.push(run);
    if (font !== null && named !== null) group.fontNames.push(font);
    groups.set(named ?? 'unnamed', group);
  }

  const encodings = new Set<LegacyEncoding>();
  const blocks = new Set<Element>();
  for (const { runs, fontNames } of groups.values()) {
    const guess = detectLegacyEncoding({ text: textOf(runs), fontNames });
    if (guess === null) continue;
    for (const { node, block } of runs) {
      const decoded = decodeLegacy(node.data, guess.encoding);
      if (decoded === node.data.normalize('NFC')) continue;
      node.data = decoded;
      encodings.add(guess.encoding);
      blocks.add(block);
    }
  }
  return blocks.size === 0 ? null : { encodings: [...encodings], paragraphs: blocks.size };
}

/** The text nodes with something besides whitespace, each with its block, in document order. */
function readableRuns(root: Element, skip: (element: Element) => boolean): TextRun[] {
  const runs: TextRun[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    if (!/\S/u.test(text.data)) continue;
    let block: Element | null = null;
    let shown = true;
    for (let element = text.parentElement; element !== null && shown; element = element === root ? null : element.parentElement) {
      if (unreadTags.has(element.localName) || skip(element)) shown = false;
      else if (block === null && blockTags.has(element.localName)) block = element;
    }
    if (shown) runs.push({ node: text, block: block ?? root });
  }
  return runs;
}

/** The runs' text as words: runs of one block joined as they are (a word may span two), blocks apart. */
function textOf(runs: readonly TextRun[]): string {
  return runs.map(({ node, block }, index) => (index > 0 && runs[index - 1]!.block !== block ? ' ' : '') + node.data).join('');
}
