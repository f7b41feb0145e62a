/**
 * The sync crash test's child: opens a library session over a data folder that has joined a shared library, then
 * edits and syncs in a loop until it is killed: each step retitles one article (`#<counter>` ends the title and the
 * sapo), every fourth step creates an article, every third adds a comment, then syncs. Once a sync has succeeded it
 * prints `synced <json>` with what that sync carried (edited titles, created ids, comment thread ids), so the parent
 * knows what the server acknowledged. Run with `node <bundle> <data folder> <first counter>`; the test kills it with SIGKILL.
 */
import type { Dialogs } from '../../electron/main/application/Dialogs';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { articleContentOf } from '../../shared/articleModel';
import { memorySecretBox } from './memorySecretBox';

const [dataDirectory, firstCounter] = process.argv.slice(2);
if (dataDirectory === undefined || firstCounter === undefined) throw new Error('usage: syncLoopProcess.ts <data folder> <first counter>');

/** What one sync carries to the server: the child prints it once the sync succeeded. */
export interface SyncLoopAck {
  titles: Record<string, string>;
  created: string[];
  threads: Record<string, string[]>;
}

const noDialogs: Dialogs = {
  chooseExportPath: async () => null,
  chooseExportFolder: async () => null,
  askAboutEarlierExport: async () => 'cancel',
  chooseImageFiles: async () => [],
  choosePackagePath: async () => null,
  choosePackageToOpen: async () => null,
  chooseWordFile: async () => null,
};

const session = await LibrarySession.open({
  dataDirectory,
  appVersion: 'test',
  dialogs: noDialogs,
  secretBox: memorySecretBox(),
  // Only the loop syncs: no automatic sync in between.
  sync: { everyMs: 24 * 60 * 60_000, afterMoveMs: 24 * 60 * 60_000 },
  // For the parent's failure message: what went wrong in full (a Git folder rebuilt, a failed sync).
  logError: (context, error) => process.stderr.write(`${context}: ${String(error)}\n`),
});
const handlers = createHandlers(session, { onCloseReady: () => {} });
process.stdout.write('ready\n');

let counter = Number(firstCounter);
for (;;) {
  const ack: SyncLoopAck = { titles: {}, created: [], threads: {} };
  const ids = (await handlers['library:list']({ scope: 'active' })).map((summary) => summary.id).sort();
  if (counter % 4 === 0) {
    const created = await handlers['article:create']({});
    ids.push(created.id);
    ack.created.push(created.id);
  }
  const id = ids[counter % ids.length]!;
  const article = await handlers['article:get']({ id });
  const title = `${article.title.replace(/ #\d+$/, '') || 'Bài mới'} #${counter}`;
  const content = { ...articleContentOf(article), title, sapo: `Sapo lượt #${counter}` };
  await handlers['article:save']({ id, baseRevision: article.revision, content });
  ack.titles[id] = title;
  if (counter % 3 === 0) {
    const thread = await handlers['comment:start']({ id, text: `Góp ý lượt ${counter}`, quote: '' });
    ack.threads[id] = [thread.id];
  }
  const outcome = await session.sync.syncNow();
  if (outcome.status.message !== null) process.stdout.write(`failed ${outcome.status.message}\n`);
  else process.stdout.write(`synced ${JSON.stringify(ack)}\n`);
  counter += 1;
}
