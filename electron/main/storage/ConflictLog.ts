import { conflictRecordSchema, type ConflictRecord } from '../../../shared/conflictModel';
import { libraryFolderLayout } from '../library/libraryLayout';
import { ArticleRecordLog } from './ArticleRecordLog';
import type { DurableWriteOptions } from './writeFileDurably';

/** The conflicts of each article with received packages and their resolutions: one file per record (see ArticleRecordLog). */
export type ConflictLog = ArticleRecordLog<ConflictRecord>;

/** The kind and version of its files. */
export const conflictFormat = { kind: 'ban-thao/article-conflict', version: 1 };

export function createConflictLog(libraryFolder: string, writeOptions: DurableWriteOptions = {}): ConflictLog {
  return new ArticleRecordLog({
    fileOf: libraryFolderLayout(libraryFolder).conflictFile,
    format: conflictFormat,
    schema: conflictRecordSchema,
    writeOptions,
  });
}
