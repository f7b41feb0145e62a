import { distinctWords, foldedWords, foldForSearch, queryWords } from '../../../shared/foldForSearch';

/** What the index keeps of one article: enough to match, rank and highlight without reading its file. */
export interface SearchDocument {
  id: string;
  revision: number;
  trashed: boolean;
  title: string;
  /** The distinct folded words of the whole article (title included), space-separated. */
  words: string;
}

interface IndexedDocument extends SearchDocument {
  foldedTitle: string;
  /** The folded words of the title, kept so ranking never runs a regular expression per hit. */
  titleWords: string[];
}

/** Builds the stored form of an article for the index from its title and the rest of its text. */
export function searchDocumentOf(
  article: { id: string; revision: number; trashed: boolean; title: string },
  otherText: string,
): SearchDocument {
  const words = distinctWords(foldForSearch(`${article.title}\n${otherText}`));
  return { id: article.id, revision: article.revision, trashed: article.trashed, title: article.title, words: words.join(' ') };
}

/**
 * An inverted index from folded words to articles, updated one article at a time. An updated article gets a new
 * internal number and its old postings are only marked dead (cheap updates); they are compacted when they pile up.
 */
export class SearchIndex {
  #documents: (IndexedDocument | null)[] = [];
  readonly #numberOf = new Map<string, number>();
  #postings = new Map<string, number[]>();
  #vocabulary: string[] | null = null;
  /** Title words only, for ranking: a title match is found by postings too, never by scanning titles. */
  #titlePostings = new Map<string, number[]>();
  #titleVocabulary: string[] | null = null;
  #dead = 0;

  get size(): number {
    return this.#numberOf.size;
  }

  get(id: string): SearchDocument | undefined {
    const number = this.#numberOf.get(id);
    return number === undefined ? undefined : this.#documents[number]!;
  }

  /** Every document, for persisting. */
  *documents(): Generator<SearchDocument> {
    for (const document of this.#documents) {
      if (document !== null)
        yield { id: document.id, revision: document.revision, trashed: document.trashed, title: document.title, words: document.words };
    }
  }

  /** Adds or replaces an article; an older revision than the one held is ignored. */
  put(document: SearchDocument): void {
    const existing = this.get(document.id);
    if (existing !== undefined && existing.revision > document.revision) return;
    this.remove(document.id);
    const number = this.#documents.length;
    const foldedTitle = foldForSearch(document.title);
    this.#documents.push({ ...document, foldedTitle, titleWords: foldedWords(foldedTitle).map((entry) => entry.word) });
    this.#numberOf.set(document.id, number);
    for (const word of document.words.split(' ')) {
      if (word === '') continue;
      let list = this.#postings.get(word);
      if (list === undefined) {
        list = [];
        this.#postings.set(word, list);
        this.#vocabulary = null;
      }
      list.push(number);
    }
    for (const word of new Set(this.#documents[number]!.titleWords)) {
      let list = this.#titlePostings.get(word);
      if (list === undefined) {
        list = [];
        this.#titlePostings.set(word, list);
        this.#titleVocabulary = null;
      }
      list.push(number);
    }
  }

  /** Moves an article in or out of the trash without re-reading its words. */
  setTrashed(id: string, trashed: boolean, revision: number): void {
    const number = this.#numberOf.get(id);
    if (number === undefined) return;
    const document = this.#documents[number]!;
    if (document.revision > revision) return;
    document.trashed = trashed;
    document.revision = revision;
  }

  remove(id: string): void {
    const number = this.#numberOf.get(id);
    if (number === undefined) return;
    this.#documents[number] = null;
    this.#numberOf.delete(id);
    this.#dead += 1;
    // Dead postings slow every query a little; rebuild once they outnumber the live documents.
    if (this.#dead > 1_000 && this.#dead > this.#numberOf.size) this.#compact();
  }

  #compact(): void {
    const live = [...this.documents()];
    this.#documents = [];
    this.#numberOf.clear();
    this.#postings = new Map();
    this.#vocabulary = null;
    this.#titlePostings = new Map();
    this.#titleVocabulary = null;
    this.#dead = 0;
    for (const document of live) this.put(document);
  }

  /** Every word of a sorted vocabulary that begins with `prefix`, found by binary search. */
  static #wordsStartingWith(vocabulary: readonly string[], prefix: string): string[] {
    let low = 0;
    let high = vocabulary.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (vocabulary[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let index = low; index < vocabulary.length && vocabulary[index]!.startsWith(prefix); index += 1) found.push(vocabulary[index]!);
    return found;
  }

  /** Counts, per document number, how many of `words` begin one of its words (each word counted once). */
  #countMatches(words: readonly string[], postings: Map<string, number[]>, vocabulary: readonly string[], requireAll: boolean): Uint8Array {
    const counts = new Uint8Array(this.#documents.length);
    const seen = new Uint8Array(requireAll ? 0 : this.#documents.length);
    for (let round = 0; round < words.length; round += 1) {
      for (const word of SearchIndex.#wordsStartingWith(vocabulary, words[round]!)) {
        for (const number of postings.get(word)!) {
          // All words: a document advances only if it matched every earlier word. Title: once per query word.
          if (requireAll) {
            if (counts[number] === round) counts[number] = round + 1;
          } else if (seen[number] !== round + 1) {
            seen[number] = round + 1;
            counts[number] = counts[number]! + 1;
          }
        }
      }
    }
    return counts;
  }

  /** Ids of the articles holding every query word (as a word start), best first: title matches, then the newest indexed. */
  search(query: string, scope: 'active' | 'trash'): string[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    this.#vocabulary ??= [...this.#postings.keys()].sort();
    this.#titleVocabulary ??= [...this.#titlePostings.keys()].sort();
    const matched = this.#countMatches(words, this.#postings, this.#vocabulary, true);
    const inTitle = this.#countMatches(words, this.#titlePostings, this.#titleVocabulary, false);
    // Scores are small integers: bucket them (newest indexed first inside a bucket) instead of sorting 10,000 hits.
    const buckets: string[][] = Array.from({ length: words.length + 1 }, () => []);
    const phrase = words.join(' ');
    const phraseFirst: string[] = [];
    for (let number = matched.length - 1; number >= 0; number -= 1) {
      if (matched[number] !== words.length) continue;
      const document = this.#documents[number];
      if (document === null || document === undefined || document.trashed !== (scope === 'trash')) continue;
      if (words.length > 1 && inTitle[number] === words.length && document.foldedTitle.includes(phrase)) phraseFirst.push(document.id);
      else buckets[inTitle[number]!]!.push(document.id);
    }
    return phraseFirst.concat(...buckets.reverse());
  }
}
