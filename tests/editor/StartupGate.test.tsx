import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { Envelope } from '../../shared/ipcContract';
import type { StartupStatus } from '../../shared/startupStatus';
import { installApiOver, installInProcessApi } from '../support/installInProcessApi';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';
import { openTestSession, startTestSession } from '../support/openTestSession';

const render = useRendering();
const renderApp = () => render(<App />);

const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => button.textContent?.includes(name));

/** Every text the view ever held, even for one commit: added subtrees and changed text nodes, as they were then. */
function recordTexts(view: HTMLElement): string[] {
  const seen: string[] = [];
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') seen.push(record.target.textContent ?? '');
      for (const node of record.addedNodes) seen.push(node.textContent ?? '');
    }
  }).observe(view, { childList: true, subtree: true, characterData: true });
  return seen;
}



describe('StartupGate', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('shows the index rebuild with its progress in Vietnamese, and the library only once it is ready', async () => {
    await installInProcessApi(await temporaryDirectory());
    // The test moves opening forward; every poll answers wherever it has got to.
    let status: StartupStatus = { state: 'opening', reason: 'rebuild', done: 0, total: 3_000 };
    let polls = 0;
    window.api.appStartup = async () => {
      polls += 1;
      return structuredClone({ ok: true, value: status } satisfies Envelope<StartupStatus>);
    };

    const view = await renderApp();
    await untilInAct(() => view.textContent!.includes('Đang dựng lại mục lục thư viện'), 'the rebuild heading');
    expect(view.querySelector('h1')!.textContent).toBe('Đang dựng lại mục lục thư viện');
    expect(view.textContent).toContain('Đã đọc 0 / 3.000 bài');
    expect(buttonNamed('Bài mới')).toBeUndefined();

    status = { state: 'opening', reason: 'rebuild', done: 1_500, total: 3_000 };
    await untilInAct(() => view.textContent!.includes('Đã đọc 1.500 / 3.000 bài'), 'the progress at half way');
    const progress = view.querySelector('progress')!;
    expect(progress.value).toBe(1_500);
    expect(progress.max).toBe(3_000);
    expect(view.querySelector('[role="status"]')!.textContent).toBe('Đã đọc 1.500 / 3.000 bài');
    expect(view.textContent).toContain('Mục lục (bản tóm tắt giúp mở nhanh) bị thiếu hoặc hỏng, nên được dựng lại từ chính các tệp bài viết.');
    expect(view.textContent).not.toContain('Chưa có bài viết nào');
    expect(buttonNamed('Bài mới')).toBeUndefined();

    status = { state: 'ready' };
    await untilInAct(() => buttonNamed('Bài mới') !== undefined, 'the library screen');
    expect(view.textContent).toContain('Chưa có bài viết nào');
    expect(view.querySelector('progress')).toBeNull();
    expect(view.textContent).not.toContain('Đang dựng lại mục lục thư viện');
    // Ready ends the polling: no call after the one that answered ready.
    const pollsWhenReady = polls;
    await act(async () => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(polls).toBe(pollsWhenReady);
  });

  it('says the library could not be opened, with main\'s lock message and the data folder, when another session holds it', async () => {
    const dataDirectory = await temporaryDirectory();
    const first = await openTestSession(dataDirectory);
    // The library's own settings say English: the window can only know once it has opened the library.
    await first.handlers['settings:update']({ language: 'en' });
    const second = startTestSession(dataDirectory);
    installApiOver(second.handlers);

    const view = await renderApp();
    await untilInAct(() => view.querySelector('[role="alert"]') !== null, 'the failure panel');
    const panel = view.querySelector('[role="alert"]')!;
    expect(panel.querySelector('h1')!.textContent).toBe('Không mở được thư viện');
    expect(panel.textContent).toContain('Thư viện đang được một cửa sổ Bản Thảo khác mở');
    expect(panel.textContent).toContain(`(tiến trình ${process.pid} trên máy`);
    expect(panel.textContent).toContain(`Thư mục dữ liệu: ${dataDirectory}.`);
    expect(buttonNamed('Bài mới')).toBeUndefined();
    await expect(second.ready).rejects.toMatchObject({ code: 'library-locked' });
    // "Thử lại" has the focus, so Enter after closing the other window opens the library without a restart.
    expect(document.activeElement?.textContent).toBe('Thử lại');
    await first.close();
    await act(async () => buttonNamed('Thử lại')!.click());
    await untilInAct(() => buttonNamed('New article') !== undefined, 'the library screen, in the library\'s language, after trying again');
    expect(view.querySelector('[role="alert"]')).toBeNull();
    await untilInAct(() => view.textContent!.includes(`Library stored in: ${dataDirectory}`), 'the data folder under the list');
  });

  it('shows the library on a normal quick start without ever flashing an opening or rebuild screen', async () => {
    await installInProcessApi(await temporaryDirectory());
    let seen: string[] = [];
    const view = await render(<App />, (empty) => {
      seen = recordTexts(empty);
    });
    await untilInAct(() => buttonNamed('Bài mới') !== undefined, 'the library screen');
    expect(view.textContent).toContain('Chưa có bài viết nào');
    // Past the 400 ms quiet start: nothing shows up late either.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((text) => text.includes('Đang mở thư viện') || text.includes('Đang dựng lại') || text.includes('Đang cập nhật mục lục'))).toEqual([]);
    expect(view.querySelector('.startup')).toBeNull();
  });

  it('asks again after a lost answer instead of declaring the opening failed', async () => {
    await installInProcessApi(await temporaryDirectory());
    const answer = window.api.appStartup;
    let asks = 0;
    // Two asks in a row fail (a dropped request), then main answers as usual.
    window.api.appStartup = async (request) => {
      asks += 1;
      if (asks <= 2) throw new Error('connection reset');
      return answer(request);
    };
    const view = await renderApp();
    await untilInAct(() => buttonNamed('Bài mới') !== undefined, 'the library screen');
    expect(asks).toBe(3);
    expect(view.querySelector('[role="alert"]')).toBeNull();
  });
});
