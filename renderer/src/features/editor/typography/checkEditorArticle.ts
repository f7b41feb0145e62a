import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { ArticleContent } from '../../../../../shared/articleModel';
import { checkArticleTypography, type ArticleTypographyFinding } from '../../../../../shared/checkArticleTypography';
import { checkEndMark } from '../../../../../shared/checkEndMark';
import { checkTypography } from '../../../../../shared/checkTypography';
import type { HouseStyle } from '../../../../../shared/houseStyle';
import { sortFindings, type TypographyFinding } from '../../../../../shared/typographyFinding';
import { editorTextBlocks, type EditorTextBlock } from '../text/editorTextBlocks';

/** A finding with the text it was found in, so it is applied only to that text (an edit since makes it stale). */
export interface CheckedFinding extends ArticleTypographyFinding {
  /** The whole text of its field or text block when checked. */
  text: string;
}

interface CachedCheck {
  houseStyle: HouseStyle;
  isLastParagraph: boolean;
  findings: TypographyFinding[];
}

// Unchanged blocks keep their node from one document to the next: checking again after a pause in typing reads one
// paragraph, not the whole article (a 10,000-word body takes a third of a second on an office PC).
const checkedBlocks = new WeakMap<ProseMirrorNode, CachedCheck>();

/** One body block's findings, as `checkArticleTypography` checks it (a test holds the two to the same answers). */
function checkBlock(block: EditorTextBlock, houseStyle: HouseStyle, isLastParagraph: boolean): TypographyFinding[] {
  const cached = checkedBlocks.get(block.node);
  if (cached !== undefined && cached.houseStyle === houseStyle && cached.isLastParagraph === isLastParagraph) return cached.findings;
  const findings =
    block.type === 'paragraph'
      ? sortFindings([...checkTypography(block.text, houseStyle), ...checkEndMark(block.text, houseStyle, isLastParagraph)])
      : checkTypography(block.text, houseStyle);
  checkedBlocks.set(block.node, { houseStyle, isLastParagraph, findings });
  return findings;
}

/**
 * The article's typography findings in reading order, for the form's fields and the editor's body as they are now: the
 * fields through `checkArticleTypography` itself (with an empty body), the body block by block with the same rules.
 */
export function checkEditorArticle(fields: Omit<ArticleContent, 'body'>, doc: ProseMirrorNode, houseStyle: HouseStyle): CheckedFinding[] {
  const blocks = editorTextBlocks(doc);
  const fieldText = { title: fields.title, sapo: fields.sapo, byline: fields.bylineName, credit: fields.photoCredit };
  const inFields = checkArticleTypography({ ...fields, body: { type: 'doc', content: [] } }, houseStyle).map((finding) => ({
    ...finding,
    text: fieldText[finding.location.part as keyof typeof fieldText],
  }));
  const paragraphs = blocks.filter((block) => block.type === 'paragraph' && block.text.trim() !== '');
  const lastParagraph = paragraphs[paragraphs.length - 1];
  const inBody = blocks.flatMap((block) =>
    checkBlock(block, houseStyle, block === lastParagraph).map((finding) => ({
      ...finding,
      location: { part: block.part, block: block.index },
      text: block.text,
    })),
  );
  const before = inFields.filter((finding) => finding.location.part === 'title' || finding.location.part === 'sapo');
  const after = inFields.filter((finding) => finding.location.part !== 'title' && finding.location.part !== 'sapo');
  return [...before, ...inBody, ...after];
}
