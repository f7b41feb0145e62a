import { tableLimits } from '../../../../../shared/documentLimits';
import { isSafeLinkHref } from '../../../../../shared/isSafeLinkHref';
import { isWordListMarker } from './buildWordLists';
import { styleDeclarations } from './styleDeclarations';

/** Elements left out with everything in them: code, embedded content and drawings, form controls, the page's head. */
const droppedWithContent = new Set(
  (
    'script style template noscript iframe frame frameset object embed applet svg math canvas audio video picture source ' +
    'track map area head meta link title base xml select option datalist input button textarea dialog o:p colgroup col'
  ).split(' '),
);
/** The elements the body's schema reads, kept (without their attributes but href and start). */
const keptTags = new Set([
  'p',
  'br',
  'h2',
  'h3',
  'ul',
  'ol',
  'li',
  'blockquote',
  'strong',
  'em',
  'u',
  'a',
  'hr',
  'div',
  'table',
  'tr',
  'td',
  'th',
]);
/** Renamed to what the schema reads: bold and italic tags, and headings the body has no level for. */
const renamedTags: Readonly<Record<string, string>> = { b: 'strong', i: 'em', h1: 'h2', h4: 'h3', h5: 'h3', h6: 'h3' };
/** Blocks the schema has no node for: kept as <div>, so their text stays in paragraphs of its own. */
const blockTags = new Set(
  (
    'section article header footer main aside nav address center dl dt dd pre figure figcaption details summary caption ' +
    'fieldset legend form'
  ).split(' '),
);
const listTags = new Set(['ul', 'ol']);

/**
 * Leaves only the markup the body's schema uses: paragraphs, line breaks, headings (H1 as H2, H4–H6 as H3), lists,
 * quotes, rules, bold, italic and underline (from tags or from font-weight, font-style and text-decoration), and links
 * to http, https and mailto. Everything else goes: comments (Word's conditional ones), <o:p>, styles, scripts, frames,
 * classes, ids, event handlers; other elements are unwrapped to their text. Tables stay tables of paragraphs (only
 * colspan and rowspan kept); a table nested in a cell, or too big for the body (tableLimits), becomes one paragraph per row.
 * `ownCopy` is HTML copied from this editor (ProseMirror's data-pm-slice): its photos and alignment are kept.
 */
export function keepSchemaMarkup(root: Element, ownCopy: boolean): void {
  const document = root.ownerDocument;
  removeComments(root);
  for (const element of [...root.querySelectorAll('*')]) {
    if (droppedWithContent.has(element.localName) || isWordListMarker(element)) element.remove();
  }
  // Innermost first: a nested table is text in its cell before the table around it is judged.
  for (const table of [...root.querySelectorAll('table')].reverse()) {
    if (table.parentElement?.closest('table') != null || !fitsTableLimits(table)) tableAsParagraphs(table);
    else captionBeforeTable(table);
  }
  for (const element of [...root.querySelectorAll('[style]')]) styleAsTags(element);
  for (const element of [...root.querySelectorAll('*')]) {
    if (!element.isConnected) continue;
    const name = element.localName;
    const ownFigure = ownCopy && ((name === 'figure' && element.hasAttribute('data-media-id')) || name === 'figcaption');
    if (ownFigure) {
      keepAttributes(element, ['data-media-id', 'data-alt', 'data-credit', 'data-pm-slice']);
      continue;
    }
    const tag = renamedTags[name] ?? (blockTags.has(name) ? 'div' : name);
    if (!keptTags.has(tag) || (tag === 'a' && !isSafeLinkHref(element.getAttribute('href') ?? ''))) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    const kept = tag === name ? element : renamed(element, tag);
    const alignment = styleDeclarations(kept.getAttribute('style')).get('text-align');
    keepAttributes(kept, keptAttributes[tag] ?? ['data-pm-slice']);
    for (const span of tag === 'td' || tag === 'th' ? ['colspan', 'rowspan'] : []) {
      if (!/^[1-9]\d{0,2}$/u.test(kept.getAttribute(span) ?? '1')) kept.removeAttribute(span);
    }
    if (ownCopy && alignment !== undefined && /^(?:left|center|right|justify)$/u.test(alignment))
      kept.setAttribute('style', `text-align: ${alignment}`);
    if (tag === 'ol' && !/^\d{1,6}$/u.test(kept.getAttribute('start') ?? '1')) kept.removeAttribute('start');
  }
  // A list written straight inside a list (Google Docs' nesting) belongs to the item before it.
  for (const list of [...root.querySelectorAll('ul, ol')]) {
    if (list.parentElement === null || !listTags.has(list.parentElement.localName)) continue;
    const before = list.previousElementSibling;
    if (before?.localName === 'li') before.append(list);
    else list.replaceWith(wrapped(document, 'li', list));
  }
  for (const cell of [...root.querySelectorAll('td, th')]) cellAsParagraphs(cell);
  for (const row of [...root.querySelectorAll('tr')]) if (row.querySelector('td, th') === null) row.remove();
  for (const table of [...root.querySelectorAll('table')]) if (table.querySelector('tr') === null) table.remove();
  splitAtBlankLines(root);
  if (!ownCopy) removeEmptyBlocks(root);
}

/** The attributes each kept element may carry besides data-pm-slice: a link's target, a list's start, a cell's spans. */
const keptAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'data-pm-slice'],
  ol: ['start', 'data-pm-slice'],
  td: ['colspan', 'rowspan', 'data-pm-slice'],
  th: ['colspan', 'rowspan', 'data-pm-slice'],
};

/** A table's own rows (not a nested table's) and their cells. */
function rowsOf(table: Element): Element[] {
  return [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table);
}

function cellsOf(row: Element): Element[] {
  return [...row.children].filter((cell) => cell.localName === 'td' || cell.localName === 'th');
}

/** Whether the body can hold the table (its rows, cells and widest row within tableLimits). */
function fitsTableLimits(table: Element): boolean {
  const rows = rowsOf(table);
  const cells = rows.reduce((sum, row) => sum + cellsOf(row).length, 0);
  const widest = Math.max(
    0,
    ...rows.map((row) =>
      cellsOf(row).reduce((sum, cell) => sum + Math.max(1, Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1), 0),
    ),
  );
  return rows.length <= tableLimits.maximumRows && cells <= tableLimits.maximumCells && widest <= tableLimits.maximumColumns;
}

/** A table's <caption> becomes the paragraph above it: a table holds rows only. */
function captionBeforeTable(table: Element): void {
  for (const caption of [...table.children].filter((child) => child.localName === 'caption')) {
    table.before(wrapped(table.ownerDocument, 'p', ...caption.childNodes));
    caption.remove();
  }
}

/** A cell holds paragraphs only: its headings, list items, quotes and blocks become paragraphs, its rules go. */
function cellAsParagraphs(cell: Element): void {
  for (const element of [...cell.querySelectorAll('h2, h3, li, div, blockquote, ul, ol, hr')].reverse()) {
    const name = element.localName;
    if (name === 'hr') element.remove();
    else if (name === 'ul' || name === 'ol' || name === 'blockquote') element.replaceWith(...element.childNodes);
    else element.replaceWith(wrapped(cell.ownerDocument, 'p', ...element.childNodes));
  }
  // A paragraph left inside another one (a list item's paragraph) stands on its own.
  for (const paragraph of [...cell.querySelectorAll('p p')]) paragraph.parentElement!.replaceWith(...paragraph.parentElement!.childNodes);
}

/** A web page's blank line (two <br> or more in a row) ends a paragraph; a single <br> stays a line break. */
function splitAtBlankLines(root: Element): void {
  for (const block of [...root.querySelectorAll('p, div')]) {
    let current: Element = block;
    for (let run = firstBlankLine(current); run !== null; run = firstBlankLine(current)) {
      const rest: Element = current.ownerDocument.createElement(current.localName);
      rest.append(...followingSiblings(run.at(-1)!));
      for (const node of run) node.remove();
      current.after(rest);
      current = rest;
    }
  }
}

/** The first run of two <br> or more among an element's children (with the whitespace between them), or null. */
function firstBlankLine(element: Element): ChildNode[] | null {
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeName !== 'BR') continue;
    const run: ChildNode[] = [node];
    for (let next = node.nextSibling; next !== null && (next.nodeName === 'BR' || isBlankText(next)); next = next.nextSibling)
      run.push(next);
    if (run.filter((item) => item.nodeName === 'BR').length >= 2) return run;
  }
  return null;
}

function followingSiblings(node: ChildNode): ChildNode[] {
  const siblings: ChildNode[] = [];
  for (let next = node.nextSibling; next !== null; next = next.nextSibling) siblings.push(next);
  return siblings;
}

function isBlankText(node: Node): boolean {
  return node.nodeType === 3 && !/\S/u.test(node.textContent ?? '');
}

function removeComments(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) comments.push(node);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** One paragraph per row, its cells' text separated by " | ": a nested table, or one too big for the body. */
function tableAsParagraphs(table: Element): void {
  const paragraphs = [...table.querySelectorAll('tr')]
    .filter((row) => row.closest('table') === table)
    .map((row) => {
      const paragraph = table.ownerDocument.createElement('p');
      paragraph.textContent = [...row.children]
        .filter((cell) => cell.localName === 'td' || cell.localName === 'th')
        .map((cell) => (cell.textContent ?? '').replace(/\s+/gu, ' ').trim())
        .join(' | ');
      return paragraph;
    });
  table.replaceWith(...paragraphs);
}

/** Bold, italic and underline set by style become tags; Google Docs' wrapping <b style="font-weight:normal"> goes. */
function styleAsTags(element: Element): void {
  const style = styleDeclarations(element.getAttribute('style'));
  const weight = style.get('font-weight')?.toLowerCase();
  const name = element.localName;
  const boldTag = name === 'b' || name === 'strong';
  if (boldTag && weight !== undefined && /^(?:normal|lighter|[1-5]00)$/u.test(weight)) {
    element.replaceWith(...element.childNodes);
    return;
  }
  const wraps: string[] = [];
  if (!boldTag && weight !== undefined && /^(?:bold|bolder|[6-9]00)$/u.test(weight)) wraps.push('strong');
  if (name !== 'i' && name !== 'em' && /^(?:italic|oblique)/u.test(style.get('font-style')?.toLowerCase() ?? '')) wraps.push('em');
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`.toLowerCase();
  // A link's own underline (Google Docs writes one on every link) is not the text's.
  if (name !== 'u' && decoration.includes('underline') && element.closest('a') === null) wraps.push('u');
  for (const tag of wraps) element.append(wrapped(element.ownerDocument, tag, ...element.childNodes));
}

function wrapped(document: Document, tag: string, ...children: Node[]): Element {
  const wrapper = document.createElement(tag);
  wrapper.append(...children);
  return wrapper;
}

function renamed(element: Element, tag: string): Element {
  const replacement = wrapped(element.ownerDocument, tag, ...element.childNodes);
  // Only the attributes that may stay: a hostile name ("<script") would make setAttribute throw.
  for (const name of ['style', 'data-pm-slice']) {
    const value = element.getAttribute(name);
    if (value !== null) replacement.setAttribute(name, value);
  }
  element.replaceWith(replacement);
  return replacement;
}

function keepAttributes(element: Element, kept: readonly string[]): void {
  for (const { name } of [...element.attributes]) if (!kept.includes(name)) element.removeAttribute(name);
}

/** Empty paragraphs (Word's blank lines, a lone <br> between Google Docs' paragraphs) are not kept. */
function removeEmptyBlocks(root: Element): void {
  for (const block of [...root.querySelectorAll('p, div, h2, h3')].reverse()) {
    if ((block.textContent ?? '').replace(/[\s\u00a0]+/gu, '') === '' && block.querySelector('hr') === null) block.remove();
  }
  for (const lineBreak of [...root.querySelectorAll('br')]) {
    const parent = lineBreak.parentElement;
    const betweenBlocks = parent === root || ['div', 'li', 'blockquote', 'td', 'th'].includes(parent?.localName ?? '');
    if (betweenBlocks && !hasTextBeside(lineBreak)) lineBreak.remove();
  }
}

/** Whether inline text (not just whitespace) sits right before or after a node among its siblings. */
function hasTextBeside(node: Node): boolean {
  const inline = (sibling: Node | null): boolean =>
    sibling !== null &&
    ((sibling.nodeType === 3 && /\S/u.test(sibling.textContent ?? '')) ||
      (sibling.nodeType === 1 && !keptBlock((sibling as Element).localName)));
  return inline(node.previousSibling) || inline(node.nextSibling);
}

function keptBlock(name: string): boolean {
  return ['p', 'div', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br'].includes(name);
}
