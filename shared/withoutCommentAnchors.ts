import { canonicalJson } from './canonicalJson';
import type { ArticleContent } from './articleModel';
import type { DocumentNodeJson } from './documentJson';

/** A body with every comment anchor mark taken off (the body's own text and formatting unchanged). */
export function bodyWithoutAnchors(node: DocumentNodeJson): DocumentNodeJson {
  const marks = node.marks?.filter((mark) => mark.type !== 'commentAnchor');
  const copy: DocumentNodeJson = { ...node };
  if (marks === undefined || marks.length === 0) delete copy.marks;
  else copy.marks = marks;
  // The body passed the document limits (depth ≤ 64) before it gets here, so recursion stays shallow.
  if (node.content !== undefined) copy.content = joinTextRuns(node.content.map(bodyWithoutAnchors));
  return copy;
}

/** Adjacent text nodes with the same marks as one (an anchor split a run of text in two). */
function joinTextRuns(nodes: DocumentNodeJson[]): DocumentNodeJson[] {
  const joined: DocumentNodeJson[] = [];
  for (const node of nodes) {
    const previous = joined[joined.length - 1];
    if (previous?.type === 'text' && node.type === 'text' && canonicalJson(previous.marks ?? []) === canonicalJson(node.marks ?? [])) {
      joined[joined.length - 1] = { ...previous, text: `${previous.text ?? ''}${node.text ?? ''}` };
    } else {
      joined.push(node);
    }
  }
  return joined;
}

/** Whether two versions of an article's content differ only by comment anchors: commenting approved text is not editing it. */
export function differOnlyByCommentAnchors(before: ArticleContent, after: ArticleContent): boolean {
  return (
    canonicalJson({ ...before, body: bodyWithoutAnchors(before.body) }) ===
    canonicalJson({ ...after, body: bodyWithoutAnchors(after.body) })
  );
}
