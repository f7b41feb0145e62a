/** The extension of a review package file (`.banthao`). Kept free of zod: the renderer checks dropped file names. */
export const reviewPackageExtension = 'banthao';
