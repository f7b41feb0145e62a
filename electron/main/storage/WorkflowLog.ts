import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { workflowEventSchema, type WorkflowEvent } from '../../../shared/workflowEvent';
import { libraryFolderLayout } from '../library/libraryLayout';
import { errorCodeOf, toStorageError } from './fileSystemErrors';
import { decodeStoredJson, encodeStoredJson } from './storedJson';
import { writeFileDurably, type DurableWriteOptions } from './writeFileDurably';

const format = { kind: 'ban-thao/workflow-event', version: 1 };

/** A new event id: the time (sortable, no colons for Windows) then random hex, unique across machines. */
export function newWorkflowEventId(at: Date): string {
  return `${at.toISOString().replaceAll(':', '-')}-${randomBytes(6).toString('hex')}`;
}

/**
 * The workflow history of each article: one small immutable file per move in the article's own records folder, so
 * two machines (a later team library, a review package) each add theirs without rewriting the other's.
 */
export class WorkflowLog {
  readonly #layout: ReturnType<typeof libraryFolderLayout>;
  readonly #writeOptions: DurableWriteOptions;

  constructor(libraryFolder: string, writeOptions: DurableWriteOptions = {}) {
    this.#layout = libraryFolderLayout(libraryFolder);
    this.#writeOptions = writeOptions;
  }

  /** Writes one event durably. */
  async append(event: WorkflowEvent): Promise<void> {
    const path = this.#layout.workflowEventFile(event.articleId, event.id);
    await writeFileDurably(path, encodeStoredJson(format, workflowEventSchema.parse(event)), this.#writeOptions).catch((error: unknown) => {
      throw toStorageError(error, path);
    });
  }

  /** An article's events, oldest first; a file that cannot be read is left where it is and skipped. */
  async list(articleId: string): Promise<{ events: WorkflowEvent[]; unreadable: number }> {
    const folder = dirname(this.#layout.workflowEventFile(articleId, 'x'));
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return { events: [], unreadable: 0 };
      throw error;
    }
    const events: WorkflowEvent[] = [];
    let unreadable = 0;
    for (const name of names.filter((candidate) => candidate.endsWith('.json') && !candidate.startsWith('.')).sort()) {
      const path = this.#layout.workflowEventFile(articleId, name.slice(0, -'.json'.length));
      try {
        const event = decodeStoredJson(await readFile(path), format, workflowEventSchema, path);
        // A file copied under another article's folder, or renamed, is not this article's history.
        if (event.articleId === articleId && `${event.id}.json` === name) events.push(event);
        else unreadable += 1;
      } catch {
        unreadable += 1;
      }
    }
    return { events: events.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)), unreadable };
  }
}
