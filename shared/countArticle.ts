import type { ArticleContent } from './articleModel';
import { articleTextBlocks, type ArticleTextPart } from './articleTextBlocks';
import { countText, readingMinutesFor, type TextCounts } from './countText';

/** The parts an article's counts cover: what is read as the article. */
export type CountedPart = Extract<ArticleTextPart, 'title' | 'sapo' | 'body' | 'caption'>;

/** An article's counts, in all and part by part. */
export interface ArticleCounts {
  total: TextCounts;
  parts: Record<CountedPart, TextCounts>;
}

const countedParts: readonly CountedPart[] = ['title', 'sapo', 'body', 'caption'];

/** Counts of several texts added up, the reading time over their words. */
export function sumCounts(counts: readonly TextCounts[]): TextCounts {
  const words = counts.reduce((total, count) => total + count.words, 0);
  return {
    words,
    characters: counts.reduce((total, count) => total + count.characters, 0),
    charactersWithoutSpaces: counts.reduce((total, count) => total + count.charactersWithoutSpaces, 0),
    readingMinutes: readingMinutesFor(words),
  };
}

/**
 * The status bar's counts: title, sapo, body (paragraphs, headings, lists, quotes, the "./." among them) and photo
 * captions, each text counted by `countText` and summed (nothing counted between blocks). The byline, the photo credit,
 * photos' alt texts and credits are not the article's text and are left out. Reading time is over all counted words.
 */
export function countArticle(content: ArticleContent): ArticleCounts {
  const blocks = articleTextBlocks(content);
  const parts = Object.fromEntries(
    countedParts.map((part) => [
      part,
      sumCounts(blocks.filter((block) => block.location.part === part).map((block) => countText(block.text))),
    ]),
  ) as Record<CountedPart, TextCounts>;
  return { total: sumCounts(countedParts.map((part) => parts[part])), parts };
}
