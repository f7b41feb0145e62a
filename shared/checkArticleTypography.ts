import type { ArticleContent } from './articleModel';
import { articleTextBlocks, type ArticleTextLocation } from './articleTextBlocks';
import { checkEndMark } from './checkEndMark';
import { checkTitleTypography } from './checkTitleTypography';
import { checkTypography } from './checkTypography';
import type { HouseStyle } from './houseStyle';
import { sortFindings, type TypographyFinding } from './typographyFinding';

/** A finding in an article: which text it is in (see `ArticleTextLocation` for mapping to editor positions) and where. */
export interface ArticleTypographyFinding extends TypographyFinding {
  location: ArticleTextLocation;
}

/**
 * The typography suggestions of a whole article, top to bottom: the title with its own rules, then sapo, body
 * paragraphs and headings, captions, byline and a typed photo credit. The end mark is checked on the body's last
 * non-empty paragraph (headings and captions never carry it). Offsets are within each text, so findings of one text
 * go to `applyFindings` together.
 */
export function checkArticleTypography(content: ArticleContent, houseStyle: HouseStyle): ArticleTypographyFinding[] {
  const blocks = articleTextBlocks(content);
  const paragraphs = blocks.filter((block) => block.node === 'paragraph' && block.text.trim() !== '');
  const lastParagraph = paragraphs[paragraphs.length - 1];
  return blocks.flatMap((block) => {
    let findings: TypographyFinding[];
    if (block.location.part === 'title') findings = checkTitleTypography(block.text, houseStyle);
    else if (block.node === 'paragraph')
      findings = sortFindings([
        ...checkTypography(block.text, houseStyle),
        ...checkEndMark(block.text, houseStyle, block === lastParagraph),
      ]);
    else findings = checkTypography(block.text, houseStyle);
    return findings.map((finding) => ({ ...finding, location: block.location }));
  });
}
