import { answerSpellingRequest, createBlockChecker, type SpellingBlock, type SpellingResponse } from './checkTextBlocks';

/** Checks the body's text blocks away from typing: in a Web Worker, or in the page where there is none. */
export interface SpellingChecker {
  /** The words taken as well spelt from now on (lookup forms); applies to every check sent after it. */
  setKnown(words: readonly string[]): void;
  check(id: number, blocks: readonly SpellingBlock[]): Promise<SpellingResponse>;
  destroy(): void;
}

/** The same check in the page's own thread (the unit tests' DOM has no Worker), answered after the caller's turn. */
export function createInThreadChecker(): SpellingChecker {
  const checker = createBlockChecker();
  return {
    setKnown: (words) => void answerSpellingRequest(checker, { kind: 'known', words }),
    check: async (id, blocks) => {
      await Promise.resolve();
      return answerSpellingRequest(checker, { kind: 'check', id, blocks })!;
    },
    destroy: () => undefined,
  };
}

/**
 * The check in a Web Worker (Vite bundles `spellingWorker.ts` as its own file, allowed by the CSP's `'self'`), so a
 * 10,000-word article never holds up typing; in the page when Worker is missing or the worker fails to start.
 */
export function createSpellingChecker(): SpellingChecker {
  if (typeof Worker !== 'function') return createInThreadChecker();
  const worker = new Worker(new URL('./spellingWorker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { blocks: readonly SpellingBlock[]; resolve: (response: SpellingResponse) => void }>();
  let known: readonly string[] = [];
  let fallback: SpellingChecker | null = null;
  worker.onmessage = (event: MessageEvent<SpellingResponse>) => {
    waiting.get(event.data.id)?.resolve(event.data);
    waiting.delete(event.data.id);
  };
  worker.onerror = (event) => {
    // A worker that cannot load must not leave the body unchecked: the same check goes on in the page.
    event.preventDefault();
    worker.terminate();
    fallback = createInThreadChecker();
    fallback.setKnown(known);
    for (const [id, { blocks, resolve }] of waiting) void fallback.check(id, blocks).then(resolve);
    waiting.clear();
  };
  return {
    setKnown: (words) => {
      known = words;
      if (fallback !== null) fallback.setKnown(words);
      else worker.postMessage({ kind: 'known', words });
    },
    check: (id, blocks) => {
      if (fallback !== null) return fallback.check(id, blocks);
      return new Promise((resolve) => {
        waiting.set(id, { blocks, resolve });
        worker.postMessage({ kind: 'check', id, blocks });
      });
    },
    destroy: () => {
      worker.terminate();
      waiting.clear();
    },
  };
}
