import type { ArticleContent } from '../../shared/articleModel';

/** Article content with one body paragraph; overrides replace whole fields. */
export function sampleContent(overrides: Partial<ArticleContent> = {}): ArticleContent {
  return {
    status: 'draft',
    publicationDate: '2022-07-08',
    title: 'Hội nghị sơ kết',
    sapo: 'Ngày 05/7/2022, tại Trung tâm đã diễn ra Hội nghị.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đoạn thân bài.' }] }] },
    bylineRole: 'news',
    bylineName: 'Ngọc Sơn',
    photoCredit: 'Văn Đốc',
    photoCreditMode: 'manual',
    coverMediaId: null,
    ...overrides,
  };
}
