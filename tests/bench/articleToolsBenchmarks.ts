import type { DocumentNodeJson } from '../../shared/documentJson';
import { parseDocument } from '../../shared/documentSchema';
import { defaultHouseStyle } from '../../shared/houseStyle';
import { countEditorArticle } from '../../renderer/src/features/editor/counts/countEditorArticle';
import { findInArticle } from '../../renderer/src/features/editor/find/findInArticle';
import { checkEditorArticle } from '../../renderer/src/features/editor/typography/checkEditorArticle';
import { seedArticleParts } from '../fixtures/seedArticle';
import { sampleContent } from '../support/sampleContent';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** A 10,000-word article body: the seed article's paragraphs over and over, each a new node (as typed, not shared). */
function tenThousandWordBody(): DocumentNodeJson {
  const { paragraphs } = seedArticleParts();
  const content: DocumentNodeJson[] = [];
  for (let index = 0, words = 0; words < 10_000; index += 1) {
    const text = `${paragraphs[index % paragraphs.length]!} (${index})`;
    words += text.split(/\s+/u).length;
    content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
  }
  return { type: 'doc', content };
}

/**
 * The editor's tools on a 10,000-word article: the status bar's counts, find ("bỏ qua dấu" on) and the typography
 * check, each read cold (the first time), and again after one paragraph was typed into (what a pause in typing costs).
 */
export async function benchmarkArticleTools(): Promise<Record<string, number>> {
  const fields = sampleContent();
  const options = { matchCase: false, wholeWord: false, ignoreDiacritics: true };
  const figures: Record<string, number[]> = {
    countsColdMs: [],
    countsAfterTypingMs: [],
    findColdMs: [],
    findAfterTypingMs: [],
    findNewQueryMs: [],
    typographyColdMs: [],
    typographyAfterTypingMs: [],
  };
  for (let run = 0; run < 5; run += 1) {
    const doc = parseDocument(tenThousandWordBody());
    const middle = Math.floor(doc.childCount / 2);
    const paragraph = doc.child(middle);
    const typed = doc.copy(doc.content.replaceChild(middle, paragraph.copy(paragraph.content.append(paragraph.content.cut(0, 1)))));
    figures.countsColdMs!.push(timed(() => countEditorArticle(fields, doc)));
    figures.countsAfterTypingMs!.push(timed(() => countEditorArticle(fields, typed)));
    figures.findColdMs!.push(timed(() => findInArticle(fields, doc, 'trung tam', options)));
    figures.findAfterTypingMs!.push(timed(() => findInArticle(fields, typed, 'trung tam', options)));
    figures.findNewQueryMs!.push(timed(() => findInArticle(fields, typed, 'trung tam ', options)));
    figures.typographyColdMs!.push(timed(() => checkEditorArticle(fields, doc, defaultHouseStyle)));
    figures.typographyAfterTypingMs!.push(timed(() => checkEditorArticle(fields, typed, defaultHouseStyle)));
  }
  return Object.fromEntries(Object.entries(figures).map(([name, values]) => [name, Math.round(median(values) * 10) / 10]));
}
