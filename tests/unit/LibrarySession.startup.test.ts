import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/main/library/openLibrary';
import { startTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

describe('LibrarySession start-up', () => {
  const temporaryDirectory = useTemporaryDirectories();
  const started = (dataDirectory: string, onCloseReady?: () => void) => startTestSession(dataDirectory, { onCloseReady });

  async function libraryWithoutIndex(count: number): Promise<string> {
    const dataDirectory = await temporaryDirectory();
    const { store } = await openLibrary(dataDirectory);
    for (let index = 0; index < count; index += 1) {
      const article = await store.create();
      await store.save(article.id, 1, sampleContent({ title: `Bài ${index}` }));
    }
    await store.flush();
    await rm(join(dataDirectory, 'library', 'index.json'));
    return dataDirectory;
  }

  it('answers app:startup at once while opening, makes other calls wait for the library, then says ready', async () => {
    const session = started(await libraryWithoutIndex(40));
    expect(await session.handlers['app:startup']({})).toMatchObject({ state: 'opening' });
    const list = await session.handlers['library:list']({ scope: 'active' });
    expect(list).toHaveLength(40);
    expect(await session.handlers['app:startup']({})).toEqual({ state: 'ready' });
  });

  it('refuses a second session on the same data folder, says why, and writes nothing', async () => {
    const dataDirectory = await libraryWithoutIndex(3);
    const first = started(dataDirectory);
    await first.ready;
    const indexBefore = await readFile(join(dataDirectory, 'library', 'index.json'));
    const second = started(dataDirectory);
    await expect(second.handlers['library:list']({ scope: 'active' })).rejects.toMatchObject({ code: 'library-locked' });
    const status = await second.handlers['app:startup']({});
    expect(status).toMatchObject({ state: 'failed', dataDirectory, error: { code: 'library-locked' } });
    expect(status.state === 'failed' && status.error.message).toContain('đang được một cửa sổ Bản Thảo khác mở');
    expect(await readFile(join(dataDirectory, 'library', 'index.json'))).toEqual(indexBefore);
    // Asking again while the first still holds it changes nothing.
    expect(await second.handlers['app:retryOpen']({})).toMatchObject({ state: 'opening' });
    await expect(second.ready).rejects.toMatchObject({ code: 'library-locked' });
    expect(await second.handlers['app:startup']({})).toMatchObject({ state: 'failed' });
    // Once the first lets go (quit), "Thử lại" opens the folder in the same session.
    await first.close();
    expect(await second.handlers['app:retryOpen']({})).toMatchObject({ state: 'opening' });
    expect(await second.handlers['library:list']({ scope: 'active' })).toHaveLength(3);
    expect(await second.handlers['app:retryOpen']({})).toEqual({ state: 'ready' });
  });

  it('reports a library that cannot be opened as failed, with the reason, instead of hanging', async () => {
    const parent = await temporaryDirectory();
    // The data folder's place is taken by a file: nothing can be created inside it.
    const dataDirectory = join(parent, 'not-a-folder');
    await writeFile(dataDirectory, 'x');
    let closeReadyCalls = 0;
    const session = started(dataDirectory, () => (closeReadyCalls += 1));
    await expect(session.ready).rejects.toBeDefined();
    // The window showing the failure closes at once: the close handshake does not need the library.
    expect(await session.handlers['app:closeReady']({})).toEqual({});
    expect(closeReadyCalls).toBe(1);
    const status = await session.handlers['app:startup']({});
    expect(status).toMatchObject({ state: 'failed', dataDirectory });
    expect(status.state === 'failed' && status.error.message.length).toBeGreaterThan(0);
    expect(await readFile(dataDirectory, 'utf8')).toBe('x');
  });
});
