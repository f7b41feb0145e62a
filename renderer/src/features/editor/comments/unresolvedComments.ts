import { api } from '../../../lib/api';

/** How many of the article's threads are still open (detached ones too): an export asks first when there are any. */
export async function unresolvedCommentCount(articleId: string): Promise<number> {
  const threads = await api.commentList({ id: articleId });
  return threads.filter((thread) => thread.resolved === null).length;
}
