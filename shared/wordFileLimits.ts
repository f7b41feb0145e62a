// Apart from the import's schemas (wordImportModel.ts): the library screen checks a dropped file without zod.

/** The largest Word file taken in (a dropped file's bytes cross IPC whole; pictures make large documents). */
export const wordImportLimitBytes = 200 * 1024 * 1024;

/** The extension of the Word files the library takes (an old binary `.doc` is refused with a sentence saying why). */
export const wordFileExtension = 'docx';
