import { findMisspellings, rememberingCheck, spellingKey, type Misspelling } from '../../../../../shared/spelling/findMisspellings';

/** One text block of the body to check: where it starts in the document when sent, and its text (see blockText). */
export interface SpellingBlock {
  from: number;
  text: string;
}

/** A block's misspelled words, offsets in its text. */
export interface SpellingBlockResult {
  from: number;
  found: Misspelling[];
}

/** What the editor sends the checker: the known words (lookup forms), or blocks to check. */
export type SpellingRequest = { kind: 'known'; words: readonly string[] } | { kind: 'check'; id: number; blocks: readonly SpellingBlock[] };

/** The checker's answer to one `check`. */
export interface SpellingResponse {
  id: number;
  results: SpellingBlockResult[];
}

/** The check itself, the same in the worker and in the page: known words kept, each word's verdict remembered. */
export function createBlockChecker() {
  const check = rememberingCheck();
  let known: ReadonlySet<string> = new Set();
  return {
    setKnown(words: readonly string[]): void {
      known = new Set(words.map(spellingKey));
    },
    check(blocks: readonly SpellingBlock[]): SpellingBlockResult[] {
      return blocks.map(({ from, text }) => ({ from, found: findMisspellings(text, known, check) }));
    },
  };
}

/** Answers one request (the worker's whole job). */
export function answerSpellingRequest(checker: ReturnType<typeof createBlockChecker>, request: SpellingRequest): SpellingResponse | null {
  if (request.kind === 'known') {
    checker.setKnown(request.words);
    return null;
  }
  return { id: request.id, results: checker.check(request.blocks) };
}
