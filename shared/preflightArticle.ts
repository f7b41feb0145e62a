import type { ArticleContent } from './articleModel';
import { checkEndMark } from './checkEndMark';
import type { DocumentNodeJson } from './documentJson';
import type { HouseStyle } from './houseStyle';
import { isSafeLinkHref } from './isSafeLinkHref';

/** What a preflight finding is about. */
export type PreflightKind =
  | 'missing-title'
  | 'missing-sapo'
  | 'missing-byline'
  | 'photo-without-credit'
  | 'photo-without-alt'
  | 'empty-paragraph'
  | 'end-mark'
  | 'unsafe-link'
  | 'unresolved-comments'
  | 'pending-suggestions';

/** 'block': the export would be wrong as it stands (no title, an uncredited photo…); 'warn': worth a look. Both can be overridden. */
export type PreflightSeverity = 'block' | 'warn';

/**
 * Where a finding is, for "Đến chỗ này": a field of the form; a body text block (`block` as in `ArticleTextLocation`:
 * the index among the body's text blocks, captions included); a photo (its caption's block and its media id); or the
 * article's open comments or pending suggestions.
 */
export type PreflightPlace =
  | { part: 'title' | 'sapo' | 'byline' }
  | { part: 'body'; block: number }
  | { part: 'figure'; block: number; mediaId: string }
  | { part: 'comments' }
  | { part: 'suggestions' };

export interface PreflightFinding {
  kind: PreflightKind;
  severity: PreflightSeverity;
  /** What to fix, in Vietnamese, as the checklist shows it. */
  message: string;
  place: PreflightPlace;
}

/** The review state the article's content does not hold: open comment threads and pending suggestions (tracked changes). */
export interface PreflightReview {
  unresolvedComments: number;
  pendingSuggestions: number;
}

/** The article content a preflight reads (the status and dates play no part). */
export type PreflightContent = Pick<
  ArticleContent,
  'title' | 'sapo' | 'body' | 'bylineRole' | 'bylineName' | 'photoCredit' | 'photoCreditMode'
>;

// The body's text blocks as `articleTextBlocks` counts them (its `block` indexes): these types, or any node with text.
const textBlockTypes = new Set(['paragraph', 'heading', 'figure']);
const tableCellTypes = new Set(['tableCell', 'tableHeader']);

interface BodyTextBlock {
  index: number;
  node: DocumentNodeJson;
  /** The parent's type: a table cell's empty paragraph is an empty cell, not a stray paragraph. */
  parent: string;
  text: string;
}

function inlineText(nodes: readonly DocumentNodeJson[]): string {
  return nodes.map((node) => (node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : '\uFFFC')).join('');
}

/** The body's text blocks in document order, with their nodes (an explicit stack: a hostile nesting cannot overflow it). */
function bodyTextBlocks(body: DocumentNodeJson): BodyTextBlock[] {
  const blocks: BodyTextBlock[] = [];
  const pending: { node: DocumentNodeJson; parent: string }[] = [{ node: body, parent: '' }];
  while (pending.length > 0) {
    const { node, parent } = pending.pop()!;
    if (textBlockTypes.has(node.type) || (node.content?.some((child) => child.type === 'text') ?? false)) {
      blocks.push({ index: blocks.length, node, parent, text: inlineText(node.content ?? []) });
    } else if (node.content !== undefined) {
      for (let index = node.content.length - 1; index >= 0; index -= 1) pending.push({ node: node.content[index]!, parent: node.type });
    }
  }
  return blocks;
}

function stringAttribute(node: DocumentNodeJson, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : '';
}

/** The link targets in a text block the exporter would drop, as it reads them (control characters and outer spaces gone), once each. */
function unsafeHrefsOf(node: DocumentNodeJson): string[] {
  const hrefs: string[] = [];
  for (const child of node.content ?? []) {
    for (const mark of child.marks ?? []) {
      if (mark.type !== 'link') continue;
      const href = mark.attrs?.['href'];
      const cleaned = typeof href === 'string' ? href.replace(/[\u0000-\u001f\u007f]/g, '').trim() : '';
      if (!isSafeLinkHref(cleaned) && !hrefs.includes(cleaned)) hrefs.push(cleaned);
    }
  }
  return hrefs;
}

/** A long address shortened for the checklist. */
function shown(href: string): string {
  return href.length > 60 ? `${href.slice(0, 59)}…` : href;
}

/**
 * The checklist before an export, top to bottom as the article reads: missing title, sapo or byline; each photo without
 * a credit (unless the byline or a typed credit line covers every photo) or without a description (alt text); empty
 * body paragraphs; a last paragraph not closed by "./." when the house style requires it; links the export cannot
 * keep (not http, https or mailto: the exporter drops them, text kept); then open comments and pending
 * suggestions. Empty when there is nothing to look at. Pure: the renderer and main may both call it.
 */
export function preflightArticle(
  content: PreflightContent,
  houseStyle: HouseStyle,
  review: PreflightReview = { unresolvedComments: 0, pendingSuggestions: 0 },
): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const add = (kind: PreflightKind, severity: PreflightSeverity, message: string, place: PreflightPlace) =>
    findings.push({ kind, severity, message, place });

  if (content.title.trim() === '') add('missing-title', 'block', 'Bài chưa có tiêu đề.', { part: 'title' });
  if (content.sapo.trim() === '') add('missing-sapo', 'warn', 'Bài chưa có sapo.', { part: 'sapo' });

  const blocks = bodyTextBlocks(content.body);
  const hasByline = content.bylineName.trim() !== '';
  // The footer's "Ảnh: …" line (or "Tin và ảnh") credits every photo of the article at once.
  const creditedByLine =
    (content.bylineRole === 'newsAndPhotos' && hasByline) || (content.photoCreditMode === 'manual' && content.photoCredit.trim() !== '');
  const paragraphs = blocks.filter((block) => block.node.type === 'paragraph' && !tableCellTypes.has(block.parent));
  const paragraphSet = new Set(paragraphs);
  const lastParagraph = paragraphs.filter((block) => block.text.trim() !== '').at(-1);
  let photoNumber = 0;
  let paragraphNumber = 0;
  for (const block of blocks) {
    const isFigure = block.node.type === 'figure';
    if (isFigure) photoNumber += 1;
    else paragraphNumber += 1;
    const place: PreflightPlace = isFigure
      ? { part: 'figure', block: block.index, mediaId: stringAttribute(block.node, 'mediaId') }
      : { part: 'body', block: block.index };
    if (isFigure && stringAttribute(block.node, 'credit').trim() === '' && !creditedByLine)
      add('photo-without-credit', 'block', `Ảnh ${photoNumber} chưa ghi nguồn ảnh (người chụp).`, place);
    if (isFigure && stringAttribute(block.node, 'alt').trim() === '')
      add('photo-without-alt', 'warn', `Ảnh ${photoNumber} chưa có mô tả ảnh cho người không xem được ảnh.`, place);
    if (paragraphSet.has(block) && block.text.trim() === '') add('empty-paragraph', 'warn', `Đoạn ${paragraphNumber} để trống.`, place);
    if (block === lastParagraph && houseStyle.endMark === 'required' && checkEndMark(block.text, houseStyle, true).length > 0)
      add('end-mark', 'warn', 'Bài chưa kết thúc bằng dấu ./. theo quy cách của tòa soạn.', place);
    const where = isFigure ? `chú thích ảnh ${photoNumber}` : `đoạn ${paragraphNumber}`;
    for (const href of unsafeHrefsOf(block.node)) {
      const message =
        href === ''
          ? `Liên kết trống ở ${where}: tệp xuất sẽ không giữ liên kết này.`
          : `Liên kết “${shown(href)}” ở ${where} không phải http, https hay mailto: tệp xuất sẽ không giữ liên kết này.`;
      add('unsafe-link', 'block', message, place);
    }
  }

  if (!hasByline) add('missing-byline', 'block', 'Bài chưa ghi tên tác giả.', { part: 'byline' });
  if (review.unresolvedComments > 0) {
    const message = `Bài còn ${review.unresolvedComments} bình luận chưa xử lý. Bình luận không bao giờ có trong tệp xuất.`;
    add('unresolved-comments', 'warn', message, { part: 'comments' });
  }
  if (review.pendingSuggestions > 0)
    add(
      'pending-suggestions',
      'block',
      `Bài còn ${review.pendingSuggestions} đề xuất sửa chưa xử lý. Tệp xuất giữ chữ như khi từ chối mọi đề xuất.`,
      { part: 'suggestions' },
    );
  return findings;
}
