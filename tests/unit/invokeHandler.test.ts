import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/ipcChannels';
import type { HandlerTable } from '../../shared/ipcContract';
import { AppError } from '../../shared/errorCodes';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { internalErrorMessage, invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { toStorageError } from '../../electron/main/storage/fileSystemErrors';
import { sampleContent } from '../support/sampleContent';
import { bodyNestedTo, bodyOfNodes } from '../support/sizedBodies';

const vietnamese = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

/** A handler table of spies; `article:save` answers a revision, as the store would. */
function spyHandlers(): HandlerTable {
  const handlers = Object.fromEntries(ipcChannels.map((channel) => [channel, vi.fn(async () => ({}))])) as unknown as HandlerTable;
  handlers['article:save'] = vi.fn(async () => ({ revision: 2, updatedAt: '2026-01-01T00:00:00.000Z' }));
  return handlers;
}

/** A log that keeps what it is given. */
function collectingLog() {
  const entries: Array<{ context: string; error: unknown }> = [];
  return { entries, log: (context: string, error: unknown) => void entries.push({ context, error }) };
}

const saveOf = (body: DocumentNodeJson) => ({ id: 'abcdef12-0000', baseRevision: 1, content: sampleContent({ body }) });

describe('invokeHandler', () => {
  it.each([
    ['nested 100,000 deep', () => bodyNestedTo(100_000)],
    ['of a million nodes', () => bodyOfNodes(1_000_000)],
  ])('answers a body %s with document-too-large in Vietnamese, never reaches the handler, and serves the next save', async (_, build) => {
    const handlers = spyHandlers();
    const { log } = collectingLog();
    const refused = await invokeHandler(handlers, 'article:save', saveOf(build()), log);
    expect(refused).toEqual({ ok: false, error: { code: 'document-too-large', message: expect.stringMatching(vietnamese) } });
    expect(handlers['article:save']).not.toHaveBeenCalled();

    const saved = await invokeHandler(handlers, 'article:save', saveOf(sampleContent().body), log);
    expect(saved).toEqual({ ok: true, value: { revision: 2, updatedAt: '2026-01-01T00:00:00.000Z' } });
  });

  it('refuses a request whose check itself throws instead of letting the throw escape the envelope', async () => {
    const handlers = spyHandlers();
    const { entries, log } = collectingLog();
    const exhausted = new RangeError('Maximum call stack size exceeded');
    const request = {
      id: 'abcdef12-0000',
      get baseRevision(): number {
        throw exhausted;
      },
      content: sampleContent(),
    };
    const envelope = await invokeHandler(handlers, 'article:save', request, log);
    expect(envelope).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(vietnamese) } });
    expect(handlers['article:save']).not.toHaveBeenCalled();
    expect(entries.map((entry) => entry.error)).toEqual([exhausted]);
  });

  it('answers a malformed request in Vietnamese and leaves the schema’s English details to the log', async () => {
    const { entries, log } = collectingLog();
    const envelope = await invokeHandler(spyHandlers(), 'library:list', { scope: 'everything' }, log);
    expect(envelope).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(vietnamese) } });
    expect(JSON.stringify(envelope)).not.toContain('Invalid option');
    expect(String(entries[0]?.error)).toContain('Invalid option');
  });

  it('hides a plain error’s message and path from the answer and gives the raw error to the log', async () => {
    const handlers = spyHandlers();
    const raw = new Error('ENOENT: /home/x/secret/path');
    handlers['settings:get'] = async () => {
      throw raw;
    };
    const { entries, log } = collectingLog();
    const envelope = await invokeHandler(handlers, 'settings:get', {}, log);
    expect(envelope).toEqual({ ok: false, error: { code: 'internal', message: internalErrorMessage } });
    expect(internalErrorMessage).toMatch(vietnamese);
    expect(JSON.stringify(envelope)).not.toMatch(/secret|ENOENT|\/home/);
    expect(entries).toEqual([{ context: expect.stringContaining('settings:get'), error: raw }]);
  });

  it('shows a storage failure by file name only and logs the system error behind it', async () => {
    const handlers = spyHandlers();
    const systemError = Object.assign(new Error("ENOSPC: no space left on device, open '/home/x/secret/articles/ab/abcdef12-0000.json'"), {
      code: 'ENOSPC',
    });
    handlers['article:save'] = async () => {
      throw toStorageError(systemError, '/home/x/secret/articles/ab/abcdef12-0000.json');
    };
    const { entries, log } = collectingLog();
    const envelope = await invokeHandler(handlers, 'article:save', saveOf(sampleContent().body), log);
    expect(envelope).toEqual({ ok: false, error: { code: 'disk-full', message: 'Ổ đĩa đã đầy, không ghi được “abcdef12-0000.json”.' } });
    expect((entries[0]?.error as AppError).cause).toBe(systemError);
  });

  it('keeps the log for the unforeseen: an expected refusal with nothing behind it is not logged', async () => {
    const handlers = spyHandlers();
    handlers['article:save'] = async () => {
      throw new AppError('conflict', 'Bài đã được lưu ở nơi khác');
    };
    const { entries, log } = collectingLog();
    const envelope = await invokeHandler(handlers, 'article:save', saveOf(sampleContent().body), log);
    expect(envelope).toEqual({ ok: false, error: { code: 'conflict', message: 'Bài đã được lưu ở nơi khác' } });
    expect(entries).toEqual([]);
  });
});
