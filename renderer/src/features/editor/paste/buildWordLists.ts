import { styleDeclarations } from './styleDeclarations';

/** Whether an element is the number or bullet Word writes before a list paragraph's text (style mso-list:Ignore). */
export function isWordListMarker(element: Element): boolean {
  return styleDeclarations(element.getAttribute('style')).get('mso-list')?.toLowerCase() === 'ignore';
}

interface WordListParagraph {
  element: Element;
  list: string;
  level: number;
  ordered: boolean;
  /** The number Word typed ("3." → 3), when it is one: a list interrupted by a paragraph goes on counting. */
  number: number | null;
}

/** A number, a letter or a roman numeral with its punctuation ("1.", "a)", "iv.", "1.2."): a numbered list. */
const numbering = /^\(?(?:\d+(?:\.\d+)*[.)]?|[a-z][.)]|[ivxlcdm]+[.)])$/iu;

/** A Word list paragraph (style "mso-list:l0 level2 lfo1"): its list, level and kind, its marker removed; or null. */
function readListParagraph(element: Element): WordListParagraph | null {
  const value = styleDeclarations(element.getAttribute('style')).get('mso-list');
  const level = value === undefined ? null : /level(\d+)/iu.exec(value);
  if (value === undefined || level === null) return null;
  let ordered = false;
  let number: number | null = null;
  for (const marker of [...element.querySelectorAll('*')].filter(isWordListMarker)) {
    const text = (marker.textContent ?? '').replace(/[\s\u00a0]+/gu, '');
    ordered ||= numbering.test(text);
    number ??= /^\(?(\d{1,6})[.)]?$/u.test(text) ? Number(/\d+/u.exec(text)![0]) : null;
    marker.remove();
  }
  return { element, list: /^l\d+/iu.exec(value)?.[0] ?? '', level: Math.max(1, Number(level[1])), ordered, number };
}

/**
 * Turns Word's list paragraphs (each a <p> with its level in mso-list and its bullet or number typed in a span) into
 * nested <ul>/<ol>: consecutive list paragraphs make one list, a deeper level a list inside the item before it. Bullets
 * (·, o, §, –) make a bulleted list, numbers, letters and roman numerals a numbered one.
 */
export function buildWordLists(root: Element): void {
  // Paragraphs only: a heading Word numbers stays a heading (its number is dropped with the other markers).
  const paragraphs = [...root.querySelectorAll('p[style]')].map(readListParagraph).filter((found) => found !== null);
  const document = root.ownerDocument;
  let stack: { list: Element; level: number; ordered: boolean; item: Element | null }[] = [];
  let previous: WordListParagraph | null = null;
  for (const paragraph of paragraphs) {
    const follows = previous !== null && previous.element.nextElementSibling === paragraph.element && previous.list === paragraph.list;
    if (!follows) stack = [];
    while (stack.length > 0 && stack.at(-1)!.level > paragraph.level) stack.pop();
    if (stack.length > 0 && stack.at(-1)!.level === paragraph.level && stack.at(-1)!.ordered !== paragraph.ordered) stack.pop();
    const top = stack.at(-1);
    if (top === undefined || top.level < paragraph.level) {
      const list = document.createElement(paragraph.ordered ? 'ol' : 'ul');
      if (paragraph.ordered && paragraph.number !== null && paragraph.number !== 1) list.setAttribute('start', String(paragraph.number));
      if (top === undefined) paragraph.element.before(list);
      else (top.item ?? top.list.appendChild(document.createElement('li'))).append(list);
      stack.push({ list, level: paragraph.level, ordered: paragraph.ordered, item: null });
    }
    const current = stack.at(-1)!;
    const item = document.createElement('li');
    const text = document.createElement('p');
    text.append(...paragraph.element.childNodes);
    item.append(text);
    current.list.append(item);
    current.item = item;
    previous = paragraph;
  }
  // The emptied paragraphs stay until the end: whether the next one follows is read from them.
  for (const { element } of paragraphs) element.remove();
}
