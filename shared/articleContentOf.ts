import type { Article, ArticleContent } from './articleModel';

/** The part of an article its editor changes (what a save sends and a version keeps); zod-free, for the renderer too. */
export function articleContentOf(article: Article): ArticleContent {
  const { status, publicationDate, title, sapo, body, bylineRole, bylineName, photoCredit, photoCreditMode, coverMediaId } = article;
  return { status, publicationDate, title, sapo, body, bylineRole, bylineName, photoCredit, photoCreditMode, coverMediaId };
}
