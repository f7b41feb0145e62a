import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageEvents } from '../../electron/main/createPageEvents';
import { createSaveRequests, saveRequestTimeoutMs } from '../../electron/main/createSaveRequests';

describe('createSaveRequests: main asks the page to save its edits before receiving a package', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a numbered request and goes on when the page answers with that number (a late or unknown one is ignored)', async () => {
    const sent: number[] = [];
    const requests = createSaveRequests({ send: (requestId) => sent.push(requestId), pageLoaded: () => true });
    let settled = false;
    const first = requests.request().then(() => (settled = true));
    expect(sent).toHaveLength(1);
    requests.answered(sent[0]! + 100);
    await Promise.resolve();
    expect(settled).toBe(false);
    requests.answered(sent[0]!);
    await first;
    expect(settled).toBe(true);

    const second = requests.request();
    expect(sent).toHaveLength(2);
    expect(sent[1]).not.toBe(sent[0]);
    requests.answered(sent[0]!);
    requests.answered(sent[1]!);
    await second;
  });

  it('asks nothing of a page that has not loaded (it holds no edits)', async () => {
    const sent: number[] = [];
    await createSaveRequests({ send: (requestId) => sent.push(requestId), pageLoaded: () => false }).request();
    expect(sent).toEqual([]);
  });

  it('goes on after the timeout when the page never answers (a hung page must not block the package)', async () => {
    vi.useFakeTimers();
    const requests = createSaveRequests({ send: () => undefined, pageLoaded: () => true });
    let settled = false;
    const waiting = requests.request().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(saveRequestTimeoutMs - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(settled).toBe(true);
  });
});

describe('createPageEvents: main’s events wait for the page to load', () => {
  it('holds what is sent before the page has loaded and sends it, in order, once it has; then sends at once', () => {
    const sent: [string, unknown][] = [];
    const events = createPageEvents((event, payload) => sent.push([event, payload]));
    events.send('package:received', { fileName: 'mot.banthao' });
    events.send('package:received', { fileName: 'hai.banthao' });
    expect(sent).toEqual([]);
    expect(events.isLoaded()).toBe(false);
    events.loaded();
    expect(events.isLoaded()).toBe(true);
    expect(sent).toEqual([
      ['package:received', { fileName: 'mot.banthao' }],
      ['package:received', { fileName: 'hai.banthao' }],
    ]);
    events.send('package:receiving', 3);
    expect(sent.at(-1)).toEqual(['package:receiving', 3]);
  });
});
