import type { Article, ArticleContent } from '../../shared/articleModel';
import type { ArticleStatus } from '../../shared/articleVocabulary';
import type { Identity } from '../../shared/identity';
import type { HandlerTable } from '../../shared/ipcContract';
import { sampleContent } from './sampleContent';

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

/** A saved article (a draft by the tests' reporter), moved on to `status` by a managing editor when asked. */
export async function addArticle(
  handlers: HandlerTable,
  content: Partial<ArticleContent>,
  status: ArticleStatus = 'draft',
): Promise<string> {
  const created = await handlers['article:create']({});
  await handlers['article:save']({
    id: created.id,
    baseRevision: created.revision,
    content: sampleContent({ ...content, status: 'draft' }),
  });
  if (status !== 'draft') await moveArticlesTo(handlers, [{ id: created.id, status }], { name: 'Minh Anh', role: 'managingEditor' });
  return created.id;
}
