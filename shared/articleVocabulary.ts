/** Where an article is in the editorial flow. Kept free of zod so the renderer bundle stays small. */
export const articleStatuses = ['draft', 'review', 'approved'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** "Tin: X" (news by X) or "Tin và ảnh: X" (news and photos by X). */
export const bylineRoles = ['news', 'newsAndPhotos'] as const;
export type BylineRole = (typeof bylineRoles)[number];
