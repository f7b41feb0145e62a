import type { Dialogs } from '../../electron/main/application/Dialogs';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { wordDraftBody } from '../../renderer/src/features/library/wordDraftBody';
import { articleContentOf } from '../../shared/articleContentOf';
import { answeredDialogs, sampleResidentMemory } from './benchProcessSupport';

/** What the forked process reports back to wordImportBenchmarks. */
export interface WordImportReport {
  /** "Nhập từ Word…" to the draft shown for confirmation: the file read, converted, its pictures stored as photos. */
  readMs: number;
  /** "Tạo bài": the article created and saved with the draft's body, as the library screen does it. */
  createMs: number;
  totalMs: number;
  /** Resident memory once the library is open, just before the import. */
  rssBefore: number;
  /** The kernel's resident high-water mark (VmHWM) right after the import, else the sampled peak. */
  peakRss: number;
  sampledPeakRss: number;
  /** What the draft held, to check the document was read whole. */
  paragraphs: number;
  headings: number;
  listItems: number;
  photos: number;
  skippedPictures: number;
}

/** Dialogs answered in advance with the file this run works on; the rest are cancelled. */
function dialogsFor(wordPath: string): Dialogs {
  return answeredDialogs({ chooseWordFile: async () => wordPath });
}

/**
 * Runs in a fresh process (forked by wordImportBenchmarks, so building the document does not count): opens a library
 * as main does and imports a Word file through the handler table as the library screen does — `word:openFromDialog`
 * (WordImportService: the file read, legacy text converted, each picture stored through MediaStore.importImage), then
 * `article:create` and `article:save` with the confirmed draft's body (wordDraftBody, the guessed title and sapo kept).
 * No test support is imported (it would load vitest into the measured process).
 * Arguments: <data folder> <.docx path>
 */
async function main(): Promise<void> {
  const [dataDirectory, wordPath] = process.argv.slice(2);
  if (dataDirectory === undefined || wordPath === undefined || process.send === undefined) {
    throw new Error('usage: fork with <data folder> <.docx path>');
  }
  const session = await LibrarySession.open({ dataDirectory, appVersion: 'bench', dialogs: dialogsFor(wordPath) });
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  await session.library.search.ready;
  await session.flush();
  await session.backupService.settled();
  const memory = sampleResidentMemory();
  const { rssBefore } = memory;
  const started = performance.now();
  const outcome = await handlers['word:openFromDialog']({});
  if (outcome.status !== 'read') throw new Error(`the Word file was not read: ${outcome.status}`);
  const { draft } = outcome;
  const read = performance.now();
  const article = await handlers['article:create']({});
  const content = {
    ...articleContentOf(article),
    title: draft.title,
    sapo: draft.sapo,
    body: wordDraftBody(draft, draft.title, draft.sapo),
  };
  await handlers['article:save']({ id: article.id, baseRevision: article.revision, content });
  const finished = performance.now();
  const { sampledPeakRss, peakRss } = await memory.stop();
  const { paragraphs, headings, listItems, photos, skippedPictures } = draft.summary;
  const report: WordImportReport = {
    readMs: read - started,
    createMs: finished - read,
    totalMs: finished - started,
    rssBefore,
    peakRss,
    sampledPeakRss,
    paragraphs,
    headings,
    listItems,
    photos,
    skippedPictures,
  };
  await session.close();
  process.send(report, undefined, {}, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
