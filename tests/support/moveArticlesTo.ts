import type { Article } from '../../shared/articleModel';
import type { ArticleStatus } from '../../shared/articleVocabulary';
import type { Identity } from '../../shared/identity';
import type { HandlerTable } from '../../shared/ipcContract';

/** The moves that take a draft to each status, in order (a managing editor may make every one of them). */
const pathFromDraft: Record<ArticleStatus, ArticleStatus[]> = {
  draft: [],
  submitted: ['submitted'],
  changesRequested: ['submitted', 'changesRequested'],
  approved: ['submitted', 'approved'],
  published: ['submitted', 'approved', 'published'],
};

/**
 * Moves draft articles to the statuses given, through the workflow as the app does (saves never change a status), as
 * `by` (a managing editor unless said otherwise); the settings' own name and role are put back afterwards.
 */
export async function moveArticlesTo(
  handlers: HandlerTable,
  targets: ReadonlyArray<{ id: string; status: ArticleStatus }>,
  by: Identity = { name: 'Thu Hà', role: 'managingEditor' },
): Promise<Article[]> {
  const before = await handlers['settings:get']({});
  await handlers['settings:update']({ userName: by.name, userRole: by.role });
  const moved: Article[] = [];
  try {
    for (const { id, status } of targets) {
      let article = await handlers['article:get']({ id });
      for (const to of pathFromDraft[status])
        article = await handlers['article:move']({ id, baseRevision: article.revision, to, note: '' });
      moved.push(article);
    }
  } finally {
    await handlers['settings:update']({ userName: before.userName, userRole: before.userRole });
  }
  return moved;
}
