import { workflowEventSchema, type WorkflowEvent } from '../../../shared/workflowEvent';
import { libraryFolderLayout } from '../library/libraryLayout';
import { ArticleRecordLog } from './ArticleRecordLog';
import type { DurableWriteOptions } from './writeFileDurably';

/** The workflow history of each article: one file per move (see ArticleRecordLog). */
export type WorkflowLog = ArticleRecordLog<WorkflowEvent>;

/** The kind and version of its files. */
export const workflowEventFormat = { kind: 'ban-thao/workflow-event', version: 1 };

export function createWorkflowLog(libraryFolder: string, writeOptions: DurableWriteOptions = {}): WorkflowLog {
  return new ArticleRecordLog({
    fileOf: libraryFolderLayout(libraryFolder).workflowEventFile,
    format: workflowEventFormat,
    schema: workflowEventSchema,
    writeOptions,
  });
}
