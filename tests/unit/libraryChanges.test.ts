import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeIsBackedUp } from '../../electron/main/application/backupsFollowChanges';
import { libraryChangeKinds, type LibraryChange, type LibraryChangeKind } from '../../electron/main/application/LibraryChange';
import { listFilesUnder } from '../../electron/main/backup/listFilesUnder';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import type { IpcChannel } from '../../shared/ipcChannels';
import { ipcChannels } from '../../shared/ipcChannels';
import type { RequestOf } from '../../shared/ipcContract';
import { bodyWithPhoto } from '../support/bodyWithPhoto';
import { buildDocx } from '../support/docxFixtures';
import { cannedDialogs, openTestSession, type TestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { memberPassword, startSharedNewsroom, type SharedNewsroom } from '../support/sharedNewsroom';
import { memorySecretBox } from '../support/memorySecretBox';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { twoColourJpeg } from './media/photoFixtures';

/** A library as a user leaves it: a saved article with a photo, a trashed one, a snapshot, a photo on a card. */
interface Prepared {
  session: TestSession;
  dataDirectory: string;
  withPhoto: string;
  trashed: string;
  photoId: string;
  snapshotId: string;
  /** The version the first save of `withPhoto` took. */
  versionId: string;
  /** A comment thread on `withPhoto`. */
  threadId: string;
  /** A review package of an article this library no longer has (sent, then trashed and the trash emptied). */
  packagePath: string;
  packageBytes: Uint8Array;
  /** An article with a conflict kept from a received package, and that conflict's id. */
  inConflict: string;
  conflictId: string;
  /** A Word document with a picture this library does not have. */
  docxBytes: Uint8Array;
}

/** A request for each channel over the prepared library; the Record type makes a new channel fail to compile here. */
const requests: { [Channel in IpcChannel]: (library: Prepared) => RequestOf<Channel> } = {
  'library:list': () => ({ scope: 'active' }),
  'library:search': () => ({ query: 'hoi nghi', scope: 'active' }),
  'article:create': () => ({}),
  'article:get': ({ withPhoto }) => ({ id: withPhoto }),
  'article:save': ({ withPhoto, photoId }) => ({
    id: withPhoto,
    baseRevision: 2,
    content: sampleContent({ title: 'Sửa lần hai', body: bodyWithPhoto(photoId) }),
  }),
  'article:duplicate': ({ withPhoto }) => ({ id: withPhoto }),
  'article:trash': ({ withPhoto }) => ({ id: withPhoto }),
  'article:restore': ({ trashed }) => ({ id: trashed }),
  'article:move': ({ withPhoto }) => ({ id: withPhoto, baseRevision: 2, to: 'submitted', note: 'Nhờ anh xem' }),
  'article:history': ({ withPhoto }) => ({ id: withPhoto }),
  'version:list': ({ withPhoto }) => ({ id: withPhoto }),
  'version:get': ({ withPhoto, versionId }) => ({ id: withPhoto, versionId }),
  'version:save': ({ withPhoto }) => ({ id: withPhoto, label: 'Bản gửi tòa soạn' }),
  'version:compare': ({ withPhoto, versionId }) => ({ id: withPhoto, from: versionId, to: null }),
  'version:restore': ({ withPhoto, versionId }) => ({ id: withPhoto, versionId, baseRevision: 2 }),
  'version:sinceMyReview': ({ withPhoto }) => ({ id: withPhoto }),
  'comment:list': ({ withPhoto }) => ({ id: withPhoto }),
  'comment:start': ({ withPhoto }) => ({ id: withPhoto, text: 'Nguồn số liệu?', quote: 'Hội nghị' }),
  'comment:reply': ({ withPhoto, threadId }) => ({ id: withPhoto, threadId, text: 'Sở Công Thương' }),
  'comment:resolve': ({ withPhoto, threadId }) => ({ id: withPhoto, threadId, resolved: true }),
  'article:exportHtml': ({ withPhoto }) => ({ id: withPhoto }),
  'article:exportFolder': ({ withPhoto }) => ({ id: withPhoto }),
  'article:preview': ({ withPhoto }) => ({ id: withPhoto }),
  'article:copyForCms': ({ withPhoto }) => ({ id: withPhoto }),
  'article:saveCmsPhotos': ({ withPhoto }) => ({ id: withPhoto }),
  'clipboard:write': () => ({ text: 'Hội nghị', html: '<p>Hội nghị</p>' }),
  'article:exportDocx': ({ withPhoto }) => ({ id: withPhoto }),
  'article:print': ({ withPhoto }) => ({ id: withPhoto }),
  'batch:export': ({ withPhoto }) => ({ ids: [withPhoto], form: 'html' }),
  'batch:progress': () => ({}),
  'batch:cancel': () => ({}),
  'batch:openFolder': () => ({}),
  'trash:empty': () => ({}),
  'media:importFromDialog': () => ({}),
  'media:importBytes': () => ({ fileName: 'khac.jpg', bytes: new Uint8Array(photoBytes.other) }),
  'media:get': ({ photoId }) => ({ id: photoId }),
  'media:importProgress': () => ({}),
  'package:send': ({ withPhoto }) => ({ id: withPhoto }),
  'package:openFromDialog': () => ({}),
  'package:receiveBytes': ({ packageBytes }) => ({ fileName: 'goi.banthao', bytes: new Uint8Array(packageBytes) }),
  'package:readyToReceive': () => ({ requestId: 1 }),
  'word:openFromDialog': () => ({}),
  'word:readBytes': ({ docxBytes }) => ({ fileName: 'bai.docx', bytes: new Uint8Array(docxBytes) }),
  'word:progress': () => ({}),
  'conflict:list': () => ({}),
  'conflict:get': ({ inConflict }) => ({ id: inConflict }),
  'conflict:resolve': ({ inConflict, conflictId }) => ({
    id: inConflict,
    conflictId,
    baseRevision: 2,
    choices: {
      title: { side: 'theirs', text: null },
      sapo: { side: 'mine', text: 'Sapo gộp tay' },
      body: { side: 'mine' },
      byline: { side: 'mine', text: null },
      credit: { side: 'mine', text: null },
      publicationDate: { side: 'mine' },
    },
  }),
  'people:names': () => ({}),
  'dictionary:list': () => ({}),
  'dictionary:add': () => ({ word: 'email' }),
  'dictionary:remove': () => ({ word: 'Müller' }),
  'spelling:knownWords': ({ withPhoto }) => ({ id: withPhoto }),
  'settings:get': () => ({}),
  'settings:update': () => ({ exportJpegQuality: 70 }),
  // Each asks through a dialog (none answers here) and stores nothing.
  'template:chooseLogo': () => ({}),
  'template:chooseStylesheet': () => ({}),
  'template:preview': () => ({
    exportTemplate: { use: 'agency', headerText: 'Báo', logo: '', partOrder: ['title', 'date', 'sapo', 'byline'], stylesheet: '' },
  }),
  // This machine's connection, beside the library: it changes no library data.
  'sharedLibrary:get': () => ({}),
  'sharedLibrary:save': () => ({ address: 'https://git.toasoan.vn/thu-vien.git', userName: 'son', allowPlainHttp: false }),
  // Port 9 (discard) on loopback: refused at once, so the test runs without any server.
  'sharedLibrary:testConnection': () => ({ address: 'http://127.0.0.1:9/thu-vien.git', userName: 'son', allowPlainHttp: false }),
  'sharedLibrary:status': () => ({}),
  // Joins the newsroom's shared library, where Thu Hà has pushed an article of hers: it comes in, this library goes out.
  'sharedLibrary:join': () => ({}),
  // Not joined yet: says so in the status, changes nothing.
  'sharedLibrary:syncNow': () => ({}),
  'backup:list': () => ({}),
  'backup:createNow': () => ({}),
  'backup:restore': ({ snapshotId }) => ({ id: snapshotId }),
  'backup:status': () => ({}),
  'app:info': () => ({}),
  'app:closeReady': () => ({}),
  'app:notices': () => ({}),
  'app:startup': () => ({}),
  'app:retryOpen': () => ({}),
};

/** What each channel announces over the prepared library; every kind of change is announced by some channel. */
const expectedKinds: { [Channel in IpcChannel]: LibraryChangeKind[] } = {
  'library:list': [],
  'library:search': [],
  'article:create': ['article-created'],
  'article:get': [],
  'article:save': ['article-saved'],
  'article:duplicate': ['article-duplicated'],
  'article:trash': ['article-trashed'],
  'article:restore': ['article-restored'],
  'article:move': ['article-moved', 'version-saved'],
  'article:history': [],
  'version:list': [],
  'version:get': [],
  'version:save': ['version-saved'],
  'version:compare': [],
  'version:restore': ['article-saved', 'version-saved'],
  'version:sinceMyReview': [],
  'comment:list': [],
  'comment:start': ['comment-added'],
  'comment:reply': ['comment-added'],
  'comment:resolve': ['comment-added'],
  'article:exportHtml': ['article-exported', 'version-saved'],
  'article:exportFolder': ['article-exported', 'version-saved'],
  'article:preview': [],
  // Handing the text to the clipboard is an export: a version is taken, as for the other forms.
  'article:copyForCms': ['article-exported', 'version-saved'],
  // Written outside the library, like an export folder, but not the article's text: no version.
  'article:saveCmsPhotos': [],
  'clipboard:write': [],
  'article:exportDocx': ['article-exported', 'version-saved'],
  // Printed (or saved as PDF) through the system dialog: an export, so a version is taken.
  'article:print': ['article-exported', 'version-saved'],
  // Each article of the batch is exported as a single export is: a version is taken.
  'batch:export': ['article-exported', 'version-saved'],
  'batch:progress': [],
  'batch:cancel': [],
  // Shows a folder already written: nothing in the library changes.
  'batch:openFolder': [],
  'trash:empty': ['trash-emptied'],
  'media:importFromDialog': ['photos-imported'],
  'media:importBytes': ['photos-imported'],
  'media:get': [],
  'media:importProgress': [],
  // Written outside the library: nothing of the library changed.
  'package:send': [],
  'package:openFromDialog': ['package-received'],
  'package:receiveBytes': ['package-received'],
  'package:readyToReceive': [],
  // The document's pictures are stored as photos; the article is created afterwards by article:create and article:save.
  'word:openFromDialog': ['photos-imported'],
  'word:readBytes': ['photos-imported'],
  'word:progress': [],
  'conflict:list': [],
  'conflict:get': [],
  // The merged text saved, then its 'merge' version (the local text was the newest version's: none kept before).
  'conflict:resolve': ['conflict-resolved', 'version-saved'],
  'people:names': [],
  'dictionary:list': [],
  'dictionary:add': ['dictionary-word-added'],
  'dictionary:remove': ['dictionary-word-removed'],
  'spelling:knownWords': [],
  'settings:get': [],
  'settings:update': ['settings-changed'],
  'template:chooseLogo': [],
  'template:chooseStylesheet': [],
  'template:preview': [],
  'sharedLibrary:get': [],
  'sharedLibrary:save': [],
  'sharedLibrary:testConnection': [],
  'sharedLibrary:status': [],
  'sharedLibrary:join': ['article-synced', 'library-synced'],
  'sharedLibrary:syncNow': [],
  'backup:list': [],
  'backup:createNow': [],
  'backup:restore': ['library-restored'],
  'backup:status': [],
  'app:info': [],
  'app:closeReady': [],
  'app:notices': [],
  'app:startup': [],
  'app:retryOpen': [],
};

const photoBytes: Record<'first' | 'other' | 'onCard', Uint8Array> = {
  first: new Uint8Array(),
  other: new Uint8Array(),
  onCard: new Uint8Array(),
};

/** Every file a snapshot holds (articles with their generations, photos, settings), by content. */
async function fingerprintOfData(dataDirectory: string): Promise<Map<string, string>> {
  const layout = libraryLayout(dataDirectory);
  const files = new Map<string, string>();
  for (const folder of [layout.library.articles, layout.library.media, layout.library.dictionary]) {
    for (const relative of await listFilesUnder(folder)) {
      const bytes = await readFile(join(folder, relative));
      files.set(join(folder, relative), createHash('sha256').update(bytes).digest('hex'));
    }
  }
  const settings = await readFile(layout.settings).catch(() => null);
  if (settings !== null) files.set(layout.settings, createHash('sha256').update(settings).digest('hex'));
  return files;
}

async function prepare(temporaryDirectory: () => Promise<string>): Promise<Prepared> {
  const dataDirectory = await temporaryDirectory();
  const outside = await temporaryDirectory();
  await writeFile(join(outside, 'the.jpg'), photoBytes.onCard);
  const docxBytes = buildDocx({
    blocks: [{ parts: [{ text: 'Hội nghị' }] }, { parts: [{ picture: 'anh' }] }],
    pictures: { anh: { bytes: photoBytes.other, extension: 'jpeg' } },
  });
  await writeFile(join(outside, 'bai.docx'), docxBytes);
  const session = await openTestSession(dataDirectory, {
    secretBox: memorySecretBox(),
    dialogs: cannedDialogs({
      exportPath: join(outside, 'bai.html'),
      exportFolder: outside,
      imageFiles: [join(outside, 'the.jpg')],
      earlierExport: 'replace',
      packagePath: (suggestedFileName) => join(outside, suggestedFileName),
      packageToOpen: join(outside, 'goi-gui-di.banthao'),
      wordFile: join(outside, 'bai.docx'),
    }),
  });
  const { handlers } = session;
  await handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: 'reporter' });
  // The newsroom's shared library, saved but not joined (joining is the 'sharedLibrary:join' channel's change).
  await handlers['sharedLibrary:save']({ address: newsroom.address, userName: 'son', secret: memberPassword, allowPlainHttp: false });
  // An article sent away and then deleted here: receiving its package creates it again.
  const sent = await handlers['article:create']({});
  await handlers['article:save']({ id: sent.id, baseRevision: 1, content: sampleContent({ title: 'Gói gửi đi' }) });
  const sentPackage = await handlers['package:send']({ id: sent.id });
  if (sentPackage.status !== 'saved') throw new Error('the package was not written');
  await handlers['article:trash']({ id: sent.id });
  await handlers['trash:empty']({});
  const photo = await handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(photoBytes.first) });
  const withPhoto = await handlers['article:create']({});
  await handlers['article:save']({
    id: withPhoto.id,
    baseRevision: 1,
    content: sampleContent({ title: 'Hội nghị', body: bodyWithPhoto(photo.id) }),
  });
  const trashed = await handlers['article:create']({});
  await handlers['article:trash']({ id: trashed.id });
  await session.backupService.settled();
  const snapshot = await handlers['backup:createNow']({});
  // Created after the snapshot, so restoring it changes the library.
  await handlers['article:create']({});
  await session.flush();
  await session.backupService.settled();
  // Both sides changed it since their common version: a conflict kept from their package, as receiving keeps one.
  const inConflict = await handlers['article:create']({});
  await handlers['article:save']({ id: inConflict.id, baseRevision: 1, content: sampleContent({ title: 'Bản trong máy' }) });
  await session.flush();
  const [common] = await handlers['version:list']({ id: inConflict.id });
  const conflict = await session.run((application) =>
    application.conflicts.keep({
      articleId: inConflict.id,
      source: 'package',
      sentBy: { name: 'Minh Anh', role: 'editor' },
      sentAt: '2026-03-10T08:00:00.000Z',
      baseVersionId: common!.id,
      localVersionId: common!.id,
      theirs: sampleContent({ title: 'Bản trong gói' }),
    }),
  );
  await session.flush();
  await session.backupService.settled();
  // A word of the dictionary, for "dictionary:remove" to take out.
  await handlers['dictionary:add']({ word: 'Müller' });
  await session.backupService.settled();
  const [version] = await handlers['version:list']({ id: withPhoto.id });
  const thread = await handlers['comment:start']({ id: withPhoto.id, text: 'Kiểm tra tít', quote: 'Hội nghị' });
  return {
    session,
    dataDirectory,
    withPhoto: withPhoto.id,
    trashed: trashed.id,
    photoId: photo.id,
    snapshotId: snapshot.id,
    versionId: version!.id,
    threadId: thread.id,
    packagePath: sentPackage.path,
    packageBytes: new Uint8Array(await readFile(sentPackage.path)),
    inConflict: inConflict.id,
    conflictId: conflict.id,
    docxBytes,
  };
}

/** The search index holds every article at the revision and trash state the store has, and nothing else of `seen`. */
async function expectSearchInStepWithStore(session: TestSession, seen: Iterable<string>): Promise<void> {
  const { store, search } = await session.opened();
  await search.ready;
  const stored = [...store.list('active'), ...store.list('trash')];
  for (const summary of stored) {
    expect(search.indexed(summary.id), `search entry of ${summary.id}`).toEqual({
      revision: summary.revision,
      trashed: summary.trashedAt !== null,
    });
  }
  const storedIds = new Set(stored.map((summary) => summary.id));
  for (const id of seen) if (!storedIds.has(id)) expect(search.indexed(id), `search entry of removed ${id}`).toBeNull();
}

/** Every article id a change names. */
function idsIn(change: LibraryChange): string[] {
  if ('article' in change) return [change.article.id];
  if ('summary' in change) return [change.summary.id];
  if (change.kind === 'trash-emptied') return change.removedArticleIds;
  return 'id' in change ? [change.id] : [];
}

let newsroom: SharedNewsroom;
let newsroomFolder: string;

beforeAll(async () => {
  // Thu Hà's library, with one article, is the shared library's first: every join below takes her article in.
  newsroomFolder = await mkdtemp(join(tmpdir(), 'banthao-newsroom-'));
  let made = 0;
  newsroom = await startSharedNewsroom(async () => join(newsroomFolder, String((made += 1))));
  const editor = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
  const article = await editor.session.handlers['article:create']({});
  await editor.session.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title: 'Bài của Thu Hà' }) });
  const joined = await editor.session.handlers['sharedLibrary:join']({});
  if (joined.status.message !== null) throw new Error(joined.status.message);
  await editor.session.close();
});

afterAll(async () => {
  await newsroom.close();
  await rm(newsroomFolder, { recursive: true, force: true });
});

describe('every change to the library reaches every subscriber', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('has a channel announcing each kind of change', () => {
    expect(new Set(Object.values(expectedKinds).flat())).toEqual(new Set(libraryChangeKinds));
  });

  it.each([...ipcChannels])('%s: announces what it changed, the search index follows and backups are told', async (channel) => {
    photoBytes.first = await twoColourJpeg({ width: 400 });
    photoBytes.other = await twoColourJpeg({ width: 402 });
    photoBytes.onCard = await twoColourJpeg({ width: 404 });
    const library = await prepare(temporaryDirectory);
    const { session, dataDirectory } = library;
    const announced: LibraryChange[] = [];
    session.subscribe((change) => void announced.push(change));
    const noteChange = vi.spyOn(session.backupService, 'noteChange');
    const snapshotsBefore = (await session.listBackups()).length;
    const before = await fingerprintOfData(dataDirectory);

    const handler = session.handlers[channel] as (request: unknown) => Promise<unknown>;
    await handler(requests[channel](library));
    await session.flush();
    await session.backupService.settled();

    const changedData = JSON.stringify([...(await fingerprintOfData(dataDirectory))].sort()) !== JSON.stringify([...before].sort());
    const kinds = announced.map((change) => change.kind);
    expect(kinds).toEqual(expectedKinds[channel]);
    // A channel that changes what the user made must say so; one that says so must have changed it.
    if (changedData) expect(kinds, `${channel} changed library data without announcing it`).not.toEqual([]);
    if (announced.some(changeIsBackedUp)) expect(changedData, `${channel} announced a change that left the data as it was`).toBe(true);
    // Backups: told of every change they hold; a restore takes its own before-restore snapshot instead.
    if (channel === 'backup:restore') expect((await session.listBackups()).map((entry) => entry.kind)).toContain('before-restore');
    else if (changedData) expect(noteChange).toHaveBeenCalled();
    else expect(noteChange).not.toHaveBeenCalled();
    // Search: in step with the store after every channel.
    await expectSearchInStepWithStore(session, [library.withPhoto, library.trashed, ...announced.flatMap(idsIn)]);
    if (!changedData && channel !== 'backup:createNow' && channel !== 'backup:restore')
      expect((await session.listBackups()).length).toBe(snapshotsBefore);
  });

  it('announces nothing for channels that only read, and an export outside the library as an export', async () => {
    photoBytes.first = await twoColourJpeg({ width: 400 });
    photoBytes.onCard = await twoColourJpeg({ width: 404 });
    const library = await prepare(temporaryDirectory);
    const announced: LibraryChange[] = [];
    library.session.subscribe((change) => void announced.push(change));
    for (const channel of [
      'library:list',
      'article:get',
      'media:get',
      'media:importProgress',
      'people:names',
      'dictionary:list',
      'spelling:knownWords',
      'settings:get',
      'backup:list',
      'app:info',
    ] as const) {
      const handler = library.session.handlers[channel] as (request: unknown) => Promise<unknown>;
      await handler(requests[channel](library));
    }
    expect(announced).toEqual([]);
    await library.session.handlers['article:exportHtml']({ id: library.withPhoto });
    // Answered once the export's version is written, stamped with who exported.
    expect(announced).toMatchObject([
      { kind: 'article-exported', id: library.withPhoto, form: 'html' },
      { kind: 'version-saved', version: { reason: 'export', by: { name: 'Ngọc Sơn' } } },
    ]);
  });
});
