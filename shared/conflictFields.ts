// The three-way view's field names and sides, apart from the records' schemas: the renderer uses them without zod.

/**
 * The parts of an article a conflict is settled by, each chosen whole from one side: the body with its photos and
 * cover, the byline (role and name), the photo credit (mode and line). The status is not among them: it changes only
 * through the editorial flow, and the local one stays.
 */
export const conflictFieldNames = ['title', 'sapo', 'body', 'byline', 'credit', 'publicationDate'] as const;
export type ConflictFieldName = (typeof conflictFieldNames)[number];

/** The fields whose text may also be typed by hand in the three-way view. */
export const handEditableConflictFields = ['title', 'sapo', 'byline', 'credit'] as const;
export type HandEditableConflictField = (typeof handEditableConflictFields)[number];

/** Keep the local text ("Bản trong máy") or take the package's ("Bản trong gói"). */
export const conflictSides = ['mine', 'theirs'] as const;
export type ConflictSide = (typeof conflictSides)[number];
