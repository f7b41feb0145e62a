/**
 * Where an article is in the editorial flow: nháp (draft) → chờ duyệt (submitted) → cần sửa (changes requested) or
 * đã duyệt (approved) → đã đăng (published). In workflow order, which is also the library's status sort order.
 * Kept free of zod so the renderer bundle stays small.
 */
export const articleStatuses = ['draft', 'submitted', 'changesRequested', 'approved', 'published'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** "Tin: X" (news by X) or "Tin và ảnh: X" (news and photos by X). */
export const bylineRoles = ['news', 'newsAndPhotos'] as const;
export type BylineRole = (typeof bylineRoles)[number];

/** Who a user of this copy of the app is in the newsroom: phóng viên, biên tập viên, thư ký tòa soạn. */
export const newsroomRoles = ['reporter', 'editor', 'managingEditor'] as const;
export type NewsroomRole = (typeof newsroomRoles)[number];
