import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { dictionaryWordHash } from '../../electron/main/storage/DictionaryStore';
import type { LibraryChange } from '../../electron/main/application/LibraryChange';
import { openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const quietLog = () => undefined;

/** A body of one paragraph. */
function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

describe('the library’s spelling dictionary', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('keeps added words across a re-open, one file per word, stamped with who added it', async () => {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    await session.handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
    const announced: LibraryChange[] = [];
    session.subscribe((change) => void announced.push(change));
    const added = await session.handlers['dictionary:add']({ word: 'livestream' });
    expect(added).toMatchObject({ word: 'livestream', addedBy: { name: 'Minh Anh', role: 'editor' } });
    // The same word in another case (and decomposed) is the same file: nothing written, nothing announced.
    expect(await session.handlers['dictionary:add']({ word: 'Livestream' })).toEqual(added);
    await session.handlers['dictionary:add']({ word: 'Nguyễnn'.normalize('NFD') });
    expect(announced.map((change) => change.kind)).toEqual(['dictionary-word-added', 'dictionary-word-added']);
    const folder = libraryLayout(dataDirectory).library.dictionary;
    expect((await readdir(folder)).sort()).toEqual(
      [`${dictionaryWordHash('livestream')}.json`, `${dictionaryWordHash('nguyễnn')}.json`].sort(),
    );
    await session.close();

    const reopened = await openTestSession(dataDirectory);
    expect((await reopened.handlers['dictionary:list']({})).map((entry) => entry.word)).toEqual(['livestream', 'Nguyễnn']);
  });

  it('refuses what is not one word, through the contract', async () => {
    const session = await openTestSession(await temporaryDirectory());
    for (const word of ['', '   ', 'hai từ', 'e-mail', 'COVID19', 'x'.repeat(65), 42]) {
      const envelope = await invokeHandler(session.handlers, 'dictionary:add', { word }, quietLog);
      expect(envelope, String(word)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    // Trimmed and NFC before it is stored.
    const envelope = await invokeHandler(session.handlers, 'dictionary:add', { word: '  Nguyễnn '.normalize('NFD') }, quietLog);
    expect(envelope).toMatchObject({ ok: true, value: { word: 'Nguyễnn' } });
    expect(await session.handlers['dictionary:list']({})).toHaveLength(1);
  });

  it('skips a damaged word file and one renamed under another word, leaving them in place', async () => {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    await session.handlers['dictionary:add']({ word: 'email' });
    const layout = libraryLayout(dataDirectory).library;
    const emailFile = layout.dictionaryWordFile(dictionaryWordHash('email'));
    await writeFile(layout.dictionaryWordFile(dictionaryWordHash('online')), await readFile(emailFile));
    await writeFile(layout.dictionaryWordFile(dictionaryWordHash('offline')), '{"format":');
    expect((await session.handlers['dictionary:list']({})).map((entry) => entry.word)).toEqual(['email']);
    expect(await readdir(layout.dictionary)).toHaveLength(3);
  });

  it('takes a word added by mistake out (in any case), adds it again, and answers not-found for a word not there', async () => {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    await session.handlers['dictionary:add']({ word: 'Nguyễnn' });
    await session.handlers['dictionary:add']({ word: 'email' });
    const announced: LibraryChange[] = [];
    session.subscribe((change) => void announced.push(change));
    const folder = libraryLayout(dataDirectory).library.dictionary;

    expect(await session.handlers['dictionary:remove']({ word: 'nguyễnn'.normalize('NFD') })).toMatchObject({ word: 'Nguyễnn' });
    expect(await readdir(folder)).toEqual([`${dictionaryWordHash('email')}.json`]);
    expect((await session.handlers['dictionary:list']({})).map((entry) => entry.word)).toEqual(['email']);
    const missing = await invokeHandler(session.handlers, 'dictionary:remove', { word: 'Nguyễnn' }, quietLog);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', message: 'Từ “Nguyễnn” không có trong từ điển chính tả.' } });
    // Undone from the toast: the word is added again, a new file.
    await session.handlers['dictionary:add']({ word: 'Nguyễnn' });
    expect((await session.handlers['dictionary:list']({})).map((entry) => entry.word)).toEqual(['email', 'Nguyễnn']);
    expect(announced.map((change) => change.kind)).toEqual(['dictionary-word-removed', 'dictionary-word-added']);
    // A damaged file is not the word's: not removed, and said so.
    await writeFile(libraryLayout(dataDirectory).library.dictionaryWordFile(dictionaryWordHash('offline')), '{"format":');
    expect(await invokeHandler(session.handlers, 'dictionary:remove', { word: 'offline' }, quietLog)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await readdir(folder)).toHaveLength(3);
  });

  it('comes back with a backup restore, keeping the words added since', async () => {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    await session.handlers['dictionary:add']({ word: 'email' });
    const snapshot = await session.handlers['backup:createNow']({});
    await session.handlers['dictionary:add']({ word: 'online' });
    // Lost meanwhile (a snapshot holds hard links: a file is only ever removed or replaced, never written in place).
    await rm(libraryLayout(dataDirectory).library.dictionaryWordFile(dictionaryWordHash('email')));
    // The spell check's cache by revision goes too: the next saves reuse the restored articles' revision numbers.
    const { id } = await session.handlers['article:create']({});
    await session.handlers['spelling:knownWords']({ id });
    const cache = libraryLayout(dataDirectory).library.spellingWords;
    expect(existsSync(cache)).toBe(true);
    await session.handlers['backup:restore']({ id: snapshot.id });
    expect((await session.handlers['dictionary:list']({})).map((entry) => entry.word)).toEqual(['email', 'online']);
    expect(existsSync(cache)).toBe(false);
  });
});

describe('the words the library already uses', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('are the names and loan words of the other articles, read from the files and followed as articles are saved', async () => {
    const dataDirectory = await temporaryDirectory();
    const first = await openTestSession(dataDirectory);
    const washington = await first.handlers['article:create']({});
    await first.handlers['article:save']({
      id: washington.id,
      baseRevision: 1,
      content: sampleContent({ body: paragraph('Ông José Müller đến Washington, gửi email và một nguời đọc.') }),
    });
    const other = await first.handlers['article:create']({});
    await first.close();

    // Read from the article files in a new session.
    const session = await openTestSession(dataDirectory);
    const known = await session.handlers['spelling:knownWords']({ id: other.id });
    // Names with letters beyond ASCII and lower-case loan words; plain Latin names pass the check anyway, and a
    // lower-case word with Vietnamese marks that is no syllable ("nguời") is a typo, not vocabulary.
    expect(known.sort()).toEqual(['email', 'josé', 'müller']);
    // An article's own words are not known to its own check: its typos would be, after each autosave.
    expect(await session.handlers['spelling:knownWords']({ id: washington.id })).toEqual([]);

    await session.handlers['article:save']({
      id: other.id,
      baseRevision: 1,
      content: sampleContent({ body: paragraph('Buổi livestream có Müller.') }),
    });
    expect((await session.handlers['spelling:knownWords']({ id: washington.id })).sort()).toEqual(['livestream', 'müller']);
    expect((await session.handlers['spelling:knownWords']({ id: other.id })).sort()).toEqual(['email', 'josé', 'müller']);

    // A word the other article no longer uses is forgotten; a trashed article's words stay known.
    await session.handlers['article:save']({ id: other.id, baseRevision: 2, content: sampleContent() });
    expect(await session.handlers['spelling:knownWords']({ id: washington.id })).toEqual([]);
    await session.handlers['article:trash']({ id: washington.id });
    expect((await session.handlers['spelling:knownWords']({ id: other.id })).sort()).toEqual(['email', 'josé', 'müller']);
    await session.handlers['trash:empty']({});
    expect(await session.handlers['spelling:knownWords']({ id: other.id })).toEqual([]);
  });

  it('are cached by revision: the next session reads only the articles changed since, and a damaged cache is rebuilt', async () => {
    const dataDirectory = await temporaryDirectory();
    const first = await openTestSession(dataDirectory);
    const names = await first.handlers['article:create']({});
    await first.handlers['article:save']({ id: names.id, baseRevision: 1, content: sampleContent({ body: paragraph('Ông José đến.') }) });
    const other = await first.handlers['article:create']({});
    expect(await first.handlers['spelling:knownWords']({ id: other.id })).toEqual(['josé']);
    // Saved after the cache was written: the cache holds the older revision of this one.
    await first.handlers['article:save']({ id: names.id, baseRevision: 2, content: sampleContent({ body: paragraph('Bà Müller đến.') }) });
    await first.close();

    const second = await openTestSession(dataDirectory);
    const { store } = await second.opened();
    const reads = vi.spyOn(store, 'get');
    expect(await second.handlers['spelling:knownWords']({ id: other.id })).toEqual(['müller']);
    expect(reads.mock.calls.map(([id]) => id)).toEqual([names.id]);
    await second.close();

    await writeFile(libraryLayout(dataDirectory).library.spellingWords, '{"format":"ban-thao/spelling-words","data":');
    const third = await openTestSession(dataDirectory);
    expect(await third.handlers['spelling:knownWords']({ id: other.id })).toEqual(['müller']);
    // Rebuilt, and no notice: a cache is no user data.
    expect(await third.handlers['app:notices']({})).toEqual([]);
  });
});
