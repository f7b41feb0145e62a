import { createHash } from 'node:crypto';
import type { ArticleContent } from '../../shared/articleModel';
import { sampleContent } from './sampleContent';

/** Fixed ids, so every run of the crash-test child finds the articles the previous (killed) run saved. */
export const autosaveArticleIds = { main: 'c0ffee00-0000-4000-8000-000000000001', second: 'c0ffee00-0000-4000-8000-000000000002' } as const;

/** The content the crash-test child saves as a given revision of an article: a pure function, so any survivor can be checked. */
export function autosaveContent(role: 'main' | 'second', revision: number): ArticleContent {
  // Grows with each save (up to ~120 paragraphs, then starts small again) so saves of varied size get cut short.
  const paragraphs = Array.from({ length: 1 + (revision % 120) }, (_, index) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `Đoạn ${index + 1} của bản ${revision} (${role}): Hội nghị sơ kết công tác 6 tháng đầu năm.` }],
  }));
  return sampleContent({
    title: `Bài ${role}, bản ${revision}`,
    sapo: `Sa-pô của bản ${revision}.`,
    body: { type: 'doc', content: paragraphs },
  });
}

/** The hash the child reports for an acknowledged save and the test recomputes from what survived. */
export function contentHash(content: Pick<ArticleContent, 'title' | 'sapo' | 'body'>): string {
  return createHash('sha256')
    .update(JSON.stringify({ title: content.title, sapo: content.sapo, body: content.body }))
    .digest('hex')
    .slice(0, 16);
}
