import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { RecoveryNotices } from '../../renderer/src/features/library/RecoveryNotices';
import { openLibrary } from '../../electron/main/library/openLibrary';
import { installInProcessApi } from '../support/installInProcessApi';
import { sampleContent } from '../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();
const renderBanner = () => render(<RecoveryNotices />);

describe('RecoveryNotices', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('tells the user in Vietnamese which file was damaged, where it was moved, and hides the banner once dismissed', async () => {
    const dataDirectory = await temporaryDirectory();
    const first = flushBeforeCleanup((await openLibrary(dataDirectory)).store);
    const article = await first.create();
    await first.save(article.id, 1, sampleContent());
    await first.flush();
    const articlePath = join(dataDirectory, 'library', 'articles', article.id.slice(0, 2), `${article.id}.json`);
    await writeFile(articlePath, '');
    const library = await installInProcessApi(dataDirectory);
    const [notice] = library.store.recoveryNotices();

    const view = await renderBanner();
    await untilInAct(() => view.querySelector('.recovery-notices') !== null, 'the banner');
    const text = view.querySelector('.recovery-notices')!.textContent;
    expect(text).toContain('Đã phát hiện tệp dữ liệu bị hỏng');
    expect(text).toContain(`Tệp ${articlePath} bị hỏng; đã mở bản lưu ngay trước đó`);
    expect(text).toContain(notice!.quarantinedTo);

    await act(async () => view.querySelector<HTMLButtonElement>('.recovery-notices button')!.click());
    expect(view.querySelector('.recovery-notices')).toBeNull();
  });

  it('shows nothing when no file needed recovery', async () => {
    await installInProcessApi(await temporaryDirectory());
    // Keep the banner's one question, to look only once its answer has been handled.
    const ask = window.api.appNotices;
    let answer: ReturnType<typeof ask> | undefined;
    window.api.appNotices = (request) => (answer = ask(request));
    const view = await renderBanner();
    await act(async () => {
      expect(await answer).toEqual({ ok: true, value: [] });
      // The banner handles the answer on microtasks chained to it: all have run before the next macrotask.
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(view.innerHTML).toBe('');
  });
});
