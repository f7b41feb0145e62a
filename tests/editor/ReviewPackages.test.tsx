import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { LibraryScreen } from '../../renderer/src/features/library/LibraryScreen';
import type { ToastMessage } from '../../renderer/src/components/useToast';
import { installInProcessApi } from '../support/installInProcessApi';
import { openTestSession, cannedDialogs } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

async function renderLibrary(showToast: (toast: ToastMessage) => void) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    root = createRoot(container!);
    root.render(
      <LibraryScreen
        scope="active"
        onScopeChange={() => {}}
        onOpen={() => {}}
        onCreate={() => {}}
        language="vi"
        onLanguageChange={() => {}}
        dataDirectory=""
        showToast={showToast}
      />,
    );
  });
  return container;
}

const rowTitles = (view: HTMLElement) => [...view.querySelectorAll('.article-row .title-link')].map((button) => button.textContent);

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = null;
});

/** A reporter's library that sends one article; returns the package's path. */
async function packageFromAnotherLibrary(temporaryDirectory: () => Promise<string>, title: string): Promise<string> {
  const outbox = await temporaryDirectory();
  const reporter = await openTestSession(await temporaryDirectory(), {
    dialogs: cannedDialogs({ packagePath: (suggestedFileName) => join(outbox, suggestedFileName) }),
  });
  await reporter.handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: 'reporter' });
  const article = await reporter.handlers['article:create']({});
  await reporter.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title }) });
  const sent = await reporter.handlers['package:send']({ id: article.id });
  if (sent.status !== 'saved') throw new Error('not sent');
  return sent.path;
}

describe('review packages in the library screen', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('"Mở gói bài…" receives the package the dialog picks into an empty library, says so and lists it', async () => {
    const path = await packageFromAnotherLibrary(temporaryDirectory, 'Cầu Rồng phun lửa');
    await installInProcessApi(await temporaryDirectory(), null, {
      identity: { name: 'Minh Anh', role: 'editor' },
      dialogs: { packageToOpen: path },
    });
    const showToast = vi.fn();
    const view = await renderLibrary(showToast);
    await untilInAct(() => view.textContent?.includes('Chưa có bài viết nào') === true, 'the empty library');
    const button = [...view.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Mở gói bài…')!;
    await act(async () => button.click());
    await untilInAct(() => rowTitles(view).length === 1, 'the received article');
    expect(rowTitles(view)).toEqual(['Cầu Rồng phun lửa']);
    expect(showToast).toHaveBeenCalledWith({ text: 'Đã nhận bài mới: Cầu Rồng phun lửa', tone: 'info' });
  });

  it('receives a .banthao file dropped on the library, and refuses other files', async () => {
    const path = await packageFromAnotherLibrary(temporaryDirectory, 'Bài thả vào');
    const { handlers } = await installInProcessApi(await temporaryDirectory(), null, { identity: { name: 'Minh Anh', role: 'editor' } });
    // Under jsdom, structuredClone gives typed arrays of Node's realm, which the contract's instanceof (jsdom's
    // Uint8Array here, Node's in main) does not take: the bytes are copied into this realm's array, as IPC gives main its own.
    window.api.packageReceiveBytes = async (request) =>
      structuredClone(
        (await invokeHandler(handlers, 'package:receiveBytes', { ...request, bytes: new Uint8Array(request.bytes) })) as Awaited<
          ReturnType<typeof window.api.packageReceiveBytes>
        >,
      );
    const showToast = vi.fn();
    const view = await renderLibrary(showToast);
    await untilInAct(() => view.textContent?.includes('Chưa có bài viết nào') === true, 'the empty library');
    // What the screen reads of a dropped file (jsdom's File hands back its bytes from another realm).
    const fileOf = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.slice().buffer }) as unknown as File;
    const drop = async (file: File) => {
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
      await act(async () => view.querySelector('.library')!.dispatchEvent(event));
      return event;
    };
    const other = await drop(fileOf('ghi-chu.txt', new TextEncoder().encode('xin chào')));
    expect(other.defaultPrevented).toBe(true);
    expect(showToast).toHaveBeenCalledWith({
      text: 'Chỉ nhận tệp gói bài .banthao hoặc tệp Word .docx khi thả vào thư viện.',
      tone: 'error',
    });
    await drop(fileOf('bai-tha-vao.banthao', new Uint8Array(await readFile(path))));
    await untilInAct(() => rowTitles(view).length === 1, 'the dropped article');
    expect(rowTitles(view)).toEqual(['Bài thả vào']);
    expect(showToast).toHaveBeenLastCalledWith({ text: 'Đã nhận bài mới: Bài thả vào', tone: 'info' });
  });
});
