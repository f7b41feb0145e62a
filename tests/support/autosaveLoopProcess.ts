/**
 * The crash test's child: opens the real ArticleStore of a data folder and autosaves in a loop, printing
 * `ack <role> <id> <revision> <hash>` only once each save has resolved (is acknowledged). Run with
 * `node --import tsx tests/support/autosaveLoopProcess.ts <data folder>`; the test kills it with SIGKILL.
 */
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { ArticleStore } from '../../electron/main/storage/ArticleStore';
import { autosaveArticleIds, autosaveContent, contentHash } from './autosaveContent';

const dataDirectory = process.argv[2];
if (dataDirectory === undefined) throw new Error('usage: autosaveLoopProcess.ts <data folder>');

let nextId = '';
// A short index delay, so kills also land in the middle of index rewrites.
const store = await ArticleStore.open({
  directory: libraryLayout(dataDirectory).library.folder,
  dataDirectory,
  indexWriteDelayMs: 5,
  newId: () => nextId,
});
const roles = ['main', 'second'] as const;
const known = new Set(store.list('active').map((summary) => summary.id));
for (const role of roles) {
  nextId = autosaveArticleIds[role];
  if (!known.has(nextId)) await store.create();
}
process.stdout.write('ready\n');

for (let step = 0; ; step += 1) {
  // Mostly the main article; every fourth save the second one, as when a reporter switches between two.
  const role = step % 4 === 3 ? 'second' : 'main';
  const id = autosaveArticleIds[role];
  const stored = await store.get(id);
  const content = autosaveContent(role, stored.revision + 1);
  const { revision } = await store.save(id, stored.revision, content);
  process.stdout.write(`ack ${role} ${id} ${revision} ${contentHash(content)}\n`);
}
