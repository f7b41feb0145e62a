import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { pollIntervalMs, quietStartMs } from '../../renderer/src/features/startup/StartupGate';
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

/** Fakes only the timers StartupGate runs on; the library's own waits (I/O, setImmediate) stay real. */
const fakeStartupTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
/** Moves the fake clock on, running the timers due and rendering what they changed. */
const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

describe('StartupGate', () => {
  const temporaryDirectory = useTemporaryDirectories();
  afterEach(() => vi.useRealTimers());

  it('shows the index rebuild with its progress in Vietnamese, and the library only once it is ready', async () => {
    fakeStartupTimers();
    await installInProcessApi(await temporaryDirectory());
    // The test moves opening forward; every poll answers wherever it has got to.
    let status: StartupStatus = { state: 'opening', reason: 'rebuild', done: 0, total: 3_000 };
    let polls = 0;
    window.api.appStartup = async () => {
      polls += 1;
      return structuredClone({ ok: true, value: status } satisfies Envelope<StartupStatus>);
    };

    const view = await renderApp();
    await untilInAct(() => view.textContent.includes('Đang dựng lại mục lục thư viện'), 'the rebuild heading');
    expect(view.querySelector('h1')!.textContent).toBe('Đang dựng lại mục lục thư viện');
    expect(view.textContent).toContain('Đã đọc 0 / 3.000 bài');
    expect(buttonNamed('Bài mới')).toBeUndefined();

    status = { state: 'opening', reason: 'rebuild', done: 1_500, total: 3_000 };
    await advance(pollIntervalMs);
    await untilInAct(() => view.textContent.includes('Đã đọc 1.500 / 3.000 bài'), 'the progress at half way');
    const progress = view.querySelector('progress')!;
    expect(progress.value).toBe(1_500);
    expect(progress.max).toBe(3_000);
    expect(view.querySelector('[role="status"]')!.textContent).toBe('Đã đọc 1.500 / 3.000 bài');
    expect(view.textContent).toContain(
      'Mục lục (bản tóm tắt giúp mở nhanh) bị thiếu hoặc hỏng, nên được dựng lại từ chính các tệp bài viết.',
    );
    expect(view.textContent).not.toContain('Chưa có bài viết nào');
    expect(buttonNamed('Bài mới')).toBeUndefined();

    status = { state: 'ready' };
    await advance(pollIntervalMs);
    await untilInAct(() => buttonNamed('Bài mới') !== undefined, 'the library screen');
    expect(view.textContent).toContain('Chưa có bài viết nào');
    expect(view.querySelector('progress')).toBeNull();
    expect(view.textContent).not.toContain('Đang dựng lại mục lục thư viện');
    // One poll per answer, and ready ends the polling: no call after it, however long the clock runs on.
    expect(polls).toBe(3);
    await advance(pollIntervalMs * 10);
    expect(polls).toBe(3);
  });

  it("says the library could not be opened, with main's lock message and the data folder, when another session holds it", async () => {
    const dataDirectory = await temporaryDirectory();
    const first = await openTestSession(dataDirectory);
    // The library's own settings say English: the window can only know once it has opened the library.
    await first.handlers['settings:update']({ language: 'en', userName: 'Ngọc Sơn', userRole: 'reporter' });
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
    await untilInAct(() => buttonNamed('New article') !== undefined, "the library screen, in the library's language, after trying again");
    expect(view.querySelector('[role="alert"]')).toBeNull();
    await untilInAct(() => view.textContent.includes(`Library stored in: ${dataDirectory}`), 'the data folder under the list');
  });

  it('shows the library on a normal quick start without ever flashing an opening or rebuild screen', async () => {
    // The fake clock stands still while the library opens: a quick start, however loaded the machine is.
    fakeStartupTimers();
    await installInProcessApi(await temporaryDirectory());
    let seen: string[] = [];
    const view = await render(<App />, (empty) => {
      seen = recordTexts(empty);
    });
    await untilInAct(() => buttonNamed('Bài mới') !== undefined, 'the library screen');
    expect(view.textContent).toContain('Chưa có bài viết nào');
    // Past the quiet start: nothing shows up late either.
    await advance(quietStartMs * 2);
    expect(seen.length).toBeGreaterThan(0);
    expect(
      seen.filter((text) => text.includes('Đang mở thư viện') || text.includes('Đang dựng lại') || text.includes('Đang cập nhật mục lục')),
    ).toEqual([]);
    expect(view.querySelector('.startup')).toBeNull();
  });

  it('says the library is opening only once opening has taken longer than the quiet start', async () => {
    fakeStartupTimers();
    await installInProcessApi(await temporaryDirectory());
    let asks = 0;
    window.api.appStartup = async () => {
      asks += 1;
      return { ok: true, value: { state: 'opening', reason: null, done: 0, total: 0 } };
    };
    const view = await renderApp();
    // The second ask is sent only once the first answer was handled, so that answer has been rendered by now.
    await advance(pollIntervalMs);
    expect(asks).toBe(2);
    await advance(quietStartMs - 1 - pollIntervalMs);
    expect(view.textContent).toBe('');
    await advance(1);
    expect(view.querySelector('[role="status"]')!.textContent).toBe('Đang mở thư viện…');
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
