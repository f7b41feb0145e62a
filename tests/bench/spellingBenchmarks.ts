import { EditorState } from '@tiptap/pm/state';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { parseDocument } from '../../shared/documentSchema';
import { rememberingCheck } from '../../shared/spelling/findMisspellings';
import { libraryWordsOf } from '../../shared/spelling/libraryWordsOf';
import { suggestSpellings } from '../../shared/spelling/suggestSpellings';
import { createBlockChecker } from '../../renderer/src/features/editor/spelling/checkTextBlocks';
import { blocksIn } from '../../renderer/src/features/editor/spelling/spellingPlugin';
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

/** What the per-keystroke figure types: words growing letter by letter, with and without marks, and spaces. */
const typedText = 'Các đại biểu thong nhat kiến nghị tăng cường kiểm tra ';

// Typos as reporters make them: a mark forgotten or misplaced, a letter doubled, a word typed without its marks.
const typos = ['nguời', 'hôij', 'Viêt', 'thàng', 'nguoi', 'đươc', 'khong', 'trươngg'];

/** A 10,000-word article body: the seed article's paragraphs over and over, one typo in every paragraph. */
export function tenThousandWordBody(): { body: DocumentNodeJson; words: number } {
  const { paragraphs } = seedArticleParts();
  const content: DocumentNodeJson[] = [];
  let words = 0;
  for (let index = 0; words < 10_000; index += 1) {
    const text = `${paragraphs[index % paragraphs.length]!} ${typos[index % typos.length]!}`;
    words += text.split(/\s+/u).length;
    content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
  }
  return { body: { type: 'doc', content }, words };
}

/**
 * The spell check of a 10,000-word article: the worker's full check (cold: a new worker; warm: its verdicts
 * remembered), the page's share of it (reading the blocks' text), a one-paragraph check after typing, a right-click's
 * suggestions, and the library's words read from one article (main does it for every article, once per session).
 */
export async function benchmarkSpelling(): Promise<Record<string, number>> {
  const { body, words } = tenThousandWordBody();
  const doc = parseDocument(body);
  const whole = [[0, doc.content.size]] as const;
  const cold: number[] = [];
  const warm: number[] = [];
  const gather: number[] = [];
  let misspelled = 0;
  for (let run = 0; run < 5; run += 1) {
    const checker = createBlockChecker();
    cold.push(timed(() => (misspelled = checker.check(blocksIn(doc, whole)).reduce((sum, block) => sum + block.found.length, 0))));
    warm.push(timed(() => checker.check(blocksIn(doc, whole))));
    gather.push(timed(() => blocksIn(doc, whole)));
  }
  const checker = createBlockChecker();
  checker.check(blocksIn(doc, whole));
  let middle = 0;
  doc.forEach((_node, offset, index) => {
    if (index === Math.floor(doc.childCount / 2)) middle = offset + 1;
  });
  const paragraph: number[] = [];
  for (let run = 0; run < 50; run += 1) paragraph.push(timed(() => checker.check(blocksIn(doc, [[middle, middle + 1]]))));
  // Per keystroke: 200 characters typed one by one at the end of the middle paragraph, each followed by what the
  // checker does for it (the changed block's text read, its words judged; new partial words like "thon" get verdicts).
  const keystrokes: number[] = [];
  let state = EditorState.create({ doc });
  let caret = doc.resolve(middle).end();
  for (let index = 0; index < 200; index += 1) {
    state = state.apply(state.tr.insertText(typedText[index % typedText.length]!, caret));
    caret += 1;
    const typedDoc = state.doc;
    keystrokes.push(timed(() => checker.check(blocksIn(typedDoc, [[caret - 1, caret]]))));
  }
  const suggest: number[] = [];
  for (const typo of typos) suggest.push(timed(() => suggestSpellings(typo)));
  const check = rememberingCheck();
  const article = sampleContent({ body: { type: 'doc', content: body.content!.slice(0, 40) } });
  const articleWords = articleTextWords(article.body);
  const perArticle: number[] = [];
  for (let run = 0; run < 50; run += 1) perArticle.push(timed(() => libraryWordsOf(article, check)));
  return {
    articleWords: words,
    misspelledFound: misspelled,
    fullCheckColdMs: median(cold),
    fullCheckWarmMs: median(warm),
    fullCheckPageShareMs: median(gather),
    paragraphRecheckMs: median(paragraph),
    keystrokeCheckMedianMs: median(keystrokes),
    keystrokeCheckP95Ms: [...keystrokes].sort((a, b) => a - b)[Math.floor(0.95 * keystrokes.length)]!,
    suggestionsMs: median(suggest),
    libraryWordsArticleWords: articleWords,
    libraryWordsPerArticleMs: median(perArticle),
  };
}

function articleTextWords(body: DocumentNodeJson): number {
  return JSON.stringify(body)
    .split('"text":"')
    .slice(1)
    .reduce((sum, part) => sum + part.split('"')[0]!.split(/\s+/u).length, 0);
}
