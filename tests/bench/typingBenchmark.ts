import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openLibrary } from '../../electron/main/library/openLibrary';
import { BrowserDriver } from '../e2e/driver/BrowserDriver';
import { sampleContent } from '../support/sampleContent';
import { tenThousandWordBody } from './spellingBenchmarks';

/** Keystrokes per mode, typed in interleaved blocks (on, off, on, off…) so a change in the machine's load hits both alike. */
const keystrokesPerMode = 200;
const blockLength = 50;
const warmUpKeystrokes = 20;
/** Plain syllables (valid Vietnamese without marks) and spaces, so the checker has words to judge as they grow. */
const typedText = 'cac dai bieu thong nhat kien nghi tang cuong kiem tra ';

interface KeystrokeSample {
  /** keydown to the editor's transaction handled (the view updated, every plugin's view update run). */
  transactionMs: number;
  /** keydown to the frame after that transaction painted (a task posted from its animation-frame callback). */
  frameMs: number;
}

interface TypingProbe {
  samples: KeystrokeSample[];
  until(count: number): Promise<void>;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * Listens in the page: a keydown (capture, before the editor) starts the clock; the body editor's next transaction
 * that changes the document stops the first one; a task posted from the next animation frame after it stops the second.
 */
async function installProbe(page: Page): Promise<void> {
  // tsx (esbuild's keepNames) wraps the functions named below in a `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name ??= (target) => target');
  await page.evaluate(() => {
    type TiptapElement = HTMLElement & {
      editor: { on(event: 'transaction', handler: (props: { transaction: { docChanged: boolean } }) => void): void };
    };
    const element = document.querySelector<TiptapElement>('.ProseMirror.body-editor');
    if (element === null) throw new Error('no body editor');
    const samples: KeystrokeSample[] = [];
    const waiters: { count: number; resolve: () => void }[] = [];
    let keyAt: number | null = null;
    window.addEventListener('keydown', () => (keyAt = performance.now()), true);
    element.editor.on('transaction', ({ transaction }) => {
      if (keyAt === null || !transaction.docChanged) return;
      const started = keyAt;
      keyAt = null;
      const transactionMs = performance.now() - started;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          samples.push({ transactionMs, frameMs: performance.now() - started });
          for (const waiter of waiters.splice(0)) {
            if (samples.length >= waiter.count) waiter.resolve();
            else waiters.push(waiter);
          }
        };
        channel.port2.postMessage(null);
      });
    });
    const probe: TypingProbe = {
      samples,
      until: (count) => (samples.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    };
    (window as unknown as { typingProbe: TypingProbe }).typingProbe = probe;
  });
}

/** Puts the caret at the end of the body's middle paragraph. */
async function caretInMiddle(page: Page): Promise<void> {
  const paragraphs = page.locator('.ProseMirror.body-editor > p');
  const middle = paragraphs.nth(Math.floor((await paragraphs.count()) / 2));
  await middle.scrollIntoViewIfNeeded();
  await middle.click();
  await page.keyboard.press('End');
}

/** Types `count` characters one at a time, each once the previous one's frame has painted; returns their samples. */
async function typeMeasured(page: Page, count: number, offset: number): Promise<KeystrokeSample[]> {
  const before = await page.evaluate(() => (window as unknown as { typingProbe: TypingProbe }).typingProbe.samples.length);
  for (let index = 0; index < count; index += 1) {
    const character = typedText[(offset + index) % typedText.length]!;
    await page.keyboard.press(character === ' ' ? 'Space' : character);
    await page.evaluate((wanted) => (window as unknown as { typingProbe: TypingProbe }).typingProbe.until(wanted), before + index + 1);
  }
  return page.evaluate((from) => (window as unknown as { typingProbe: TypingProbe }).typingProbe.samples.slice(from), before);
}

const spellingCount = (page: Page) => page.locator('.spelling-count');

/** Turns the spell check on or off with its switch, as a user does, and waits until the body shows it. */
async function setChecker(page: Page, on: boolean): Promise<void> {
  await page.getByRole('checkbox', { name: 'Kiểm tra chính tả' }).setChecked(on);
  if (on)
    await spellingCount(page)
      .filter({ hasText: /\d+ từ nghi sai/u })
      .waitFor();
  else await page.locator('.body-editor .spelling-error').first().waitFor({ state: 'detached' });
}

/**
 * Typing latency in a 10,000-word article (the spelling suite's: 52 paragraphs with a typo each) in the browser
 * harness (Debian's Chromium, the built renderer; the spell check runs in its real Web Worker): 200 keystrokes at the end
 * of the middle paragraph with the checker on and 200 with it off, interleaved in blocks of 50, each measured in the page
 * from keydown to the transaction handled and to the next frame painted (p50, p95). Also the time from clicking the
 * article in the library to its body shown, and to the first full check shown (the count of suspect words under the body).
 */
export async function benchmarkTyping(): Promise<Record<string, number>> {
  const folder = await mkdtemp(join(tmpdir(), 'banthao-bench-typing-'));
  const loadAtStart = loadavg()[0]!;
  const { body, words } = tenThousandWordBody();
  const title = 'Bài mười nghìn chữ';
  const dataDirectory = join(folder, 'data');
  const { store } = await openLibrary(dataDirectory);
  const article = await store.create();
  await store.save(article.id, article.revision, sampleContent({ title, body }));
  await store.flush();
  const driver = new BrowserDriver({ dataDirectory });
  try {
    const page = await driver.start();
    await page.getByRole('button', { name: title, exact: true }).waitFor();
    const opening = performance.now();
    await page.getByRole('button', { name: title, exact: true }).click();
    await page.locator('.ProseMirror.body-editor > p').first().waitFor({ timeout: 60_000 });
    const openToBodyMs = performance.now() - opening;
    await spellingCount(page)
      .filter({ hasText: /\d+ từ nghi sai/u })
      .waitFor({ timeout: 60_000 });
    const openToFirstCheckMs = performance.now() - opening;
    const suspectWords = Number(/(\d+)/u.exec((await spellingCount(page).textContent()) ?? '')?.[1]);

    await installProbe(page);
    await caretInMiddle(page);
    await typeMeasured(page, warmUpKeystrokes, 0);
    const on: KeystrokeSample[] = [];
    const off: KeystrokeSample[] = [];
    let typed = warmUpKeystrokes;
    for (let block = 0; block < (2 * keystrokesPerMode) / blockLength; block += 1) {
      const checkerOn = block % 2 === 0;
      await setChecker(page, checkerOn);
      await caretInMiddle(page);
      (checkerOn ? on : off).push(...(await typeMeasured(page, blockLength, typed)));
      typed += blockLength;
    }
    const figure = (samples: KeystrokeSample[], key: keyof KeystrokeSample, fraction: number) =>
      round(
        percentile(
          samples.map((sample) => sample[key]),
          fraction,
        ),
      );
    return {
      articleWords: words,
      suspectWordsShown: suspectWords,
      openToBodyMs: Math.round(openToBodyMs),
      openToFirstCheckMs: Math.round(openToFirstCheckMs),
      keystrokesPerMode: on.length,
      checkerOnTransactionP50Ms: figure(on, 'transactionMs', 0.5),
      checkerOnTransactionP95Ms: figure(on, 'transactionMs', 0.95),
      checkerOffTransactionP50Ms: figure(off, 'transactionMs', 0.5),
      checkerOffTransactionP95Ms: figure(off, 'transactionMs', 0.95),
      checkerOnFrameP50Ms: figure(on, 'frameMs', 0.5),
      checkerOnFrameP95Ms: figure(on, 'frameMs', 0.95),
      checkerOffFrameP50Ms: figure(off, 'frameMs', 0.5),
      checkerOffFrameP95Ms: figure(off, 'frameMs', 0.95),
      loadAverageStart: round(loadAtStart),
      loadAverageEnd: round(loadavg()[0]!),
    };
  } finally {
    await driver.stop();
    await rm(folder, { recursive: true, force: true });
  }
}
