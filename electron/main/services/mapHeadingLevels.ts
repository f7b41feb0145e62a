import type { DocumentNodeJson } from '../../../shared/documentJson';

/**
 * Gives Word's headings the body's two levels by rank, not by number: the highest Word level used becomes H2 and every
 * lower one H3 (a document whose title was its only Heading 1 keeps its Heading 2 sections as H2). Word's Title style
 * is level 0, above Heading 1.
 */
export function mapHeadingLevels(blocks: readonly DocumentNodeJson[]): DocumentNodeJson[] {
  const levels = blocks.filter((block) => block.type === 'heading').map((block) => Number(block.attrs?.['level']));
  const highest = Math.min(...levels);
  return blocks.map((block) =>
    block.type === 'heading' ? { ...block, attrs: { ...block.attrs, level: Number(block.attrs?.['level']) === highest ? 2 : 3 } } : block,
  );
}
