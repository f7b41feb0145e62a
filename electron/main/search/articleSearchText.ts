import type { Article, ArticleContent } from '../../../shared/articleModel';
import type { DocumentNodeJson } from '../../../shared/documentJson';

/** The text of a stored body: block texts on their own lines, figure captions and credits included. */
function bodyText(body: DocumentNodeJson): string {
  const lines: string[] = [];
  let line = '';
  // An explicit stack: a hostile body nested very deep must not overflow the call stack.
  const pending: (DocumentNodeJson | null)[] = [body];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null) {
      if (line.trim() !== '') lines.push(line.trim());
      line = '';
      continue;
    }
    if (node === undefined) continue;
    if (node.type === 'text') line += node.text ?? '';
    else if (node.type === 'hardBreak') line += ' ';
    if (node.type === 'figure') {
      const alt = node.attrs?.alt;
      const credit = node.attrs?.credit;
      if (typeof alt === 'string' && alt !== '') lines.push(alt);
      if (typeof credit === 'string' && credit !== '') lines.push(credit);
    }
    if (node.content !== undefined) {
      // null marks the end of a block, so paragraphs do not run into each other.
      if (node.type !== 'text') pending.push(null);
      for (let index = node.content.length - 1; index >= 0; index -= 1) pending.push(node.content[index]!);
    }
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines.join('\n');
}

/** Everything search looks at besides the title: sapo, body (captions, photo credits), byline and credit. */
export function articleSearchText(article: Pick<Article, 'sapo' | 'body' | 'bylineName' | 'photoCredit'> | ArticleContent): string {
  return [article.sapo, bodyText(article.body), article.bylineName, article.photoCredit].filter((part) => part !== '').join('\n');
}
