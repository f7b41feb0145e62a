import type { Locator, Page } from 'playwright-core';

/** The article body's editor, by its accessible name. */
export function editorBody(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Nội dung bài', exact: true });
}

interface Point {
  x: number;
  y: number;
}

/**
 * Where a phrase of the body is on screen, after scrolling it into view as a reader would: just inside its first
 * character's left edge and its last character's right edge (a click there puts the caret before the first character
 * and after the last). The phrase must occur once in the body, inside one run of text.
 */
async function phraseEdges(page: Page, phrase: string): Promise<{ start: Point; end: Point }> {
  const edges = await editorBody(page).evaluate((body, wanted) => {
    const found: { node: Text; index: number }[] = [];
    const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let index = text.indexOf(wanted); index >= 0; index = text.indexOf(wanted, index + 1)) found.push({ node: node as Text, index });
    }
    if (found.length !== 1) return `found ${found.length} times in the body's text runs`;
    const { node, index } = found[0]!;
    node.parentElement?.scrollIntoView({ block: 'center' });
    const range = body.ownerDocument.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    const first = range.getBoundingClientRect();
    range.setStart(node, index + wanted.length - 1);
    range.setEnd(node, index + wanted.length);
    const last = range.getBoundingClientRect();
    return {
      start: { x: first.left + 1, y: first.top + first.height / 2 },
      end: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, phrase.normalize('NFC'));
  if (typeof edges === 'string') throw new Error(`“${phrase}” ${edges}`);
  return edges;
}

/** The text the window has selected now. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/** Selects a phrase of the body with the mouse: a click before its first character, a Shift+click after its last. */
export async function selectInBody(page: Page, phrase: string): Promise<void> {
  const { start, end } = await phraseEdges(page, phrase);
  await page.mouse.click(start.x, start.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(end.x, end.y);
  await page.keyboard.up('Shift');
  const selected = await selectedText(page);
  if (selected !== phrase.normalize('NFC')) throw new Error(`Selecting “${phrase}” in the body selected “${selected}”`);
}

/** Puts the caret right after a phrase of the body with a click, ready to type there. */
export async function clickAfterInBody(page: Page, phrase: string): Promise<void> {
  const { end } = await phraseEdges(page, phrase);
  await page.mouse.click(end.x, end.y);
}

/** The body's paragraphs' text as shown (suggested insertions and deletions alike). */
export function bodyParagraphs(page: Page): Promise<string[]> {
  return editorBody(page).locator('p').allTextContents();
}
