import { commentRecordSchema, type CommentRecord } from '../../../shared/commentModel';
import { libraryFolderLayout } from '../library/libraryLayout';
import { ArticleRecordLog } from './ArticleRecordLog';
import type { DurableWriteOptions } from './writeFileDurably';

/** The comments of each article: one file per comment, reply, resolution or reopening (see ArticleRecordLog). */
export type CommentLog = ArticleRecordLog<CommentRecord>;

/** The kind and version of its files. */
export const commentFormat = { kind: 'ban-thao/comment', version: 1 };

export function createCommentLog(libraryFolder: string, writeOptions: DurableWriteOptions = {}): CommentLog {
  return new ArticleRecordLog({
    fileOf: libraryFolderLayout(libraryFolder).commentFile,
    format: commentFormat,
    schema: commentRecordSchema,
    writeOptions,
  });
}
