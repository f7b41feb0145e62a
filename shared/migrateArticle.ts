import { z } from 'zod';
import { articleFormatVersion, articleSchema } from './articleModel';

type StoredArticle = Record<string, unknown> & { formatVersion?: unknown };

/** Each step turns an article file of version N into version N + 1; never edit a step once released. */
const migrations: Record<number, (article: StoredArticle) => StoredArticle> = {
  // 1 → 2: photos arrived (issue 3). A credit typed in version 1 stays as typed; no cover yet.
  1: (article) => ({
    ...article,
    formatVersion: 2,
    photoCreditMode: typeof article.photoCredit === 'string' && article.photoCredit.trim() !== '' ? 'manual' : 'auto',
    coverMediaId: null,
  }),
  // 2 → 3: the editorial flow (issue 9). "review" became "submitted"; who created or moved it was never recorded.
  2: (article) => ({
    ...article,
    formatVersion: 3,
    status: article.status === 'review' ? 'submitted' : article.status,
    createdBy: null,
    lastMove: null,
  }),
  // 3 → 4: who made the last change (issue 11), never recorded before, so taken only where the file shows it.
  3: (article) => ({ ...article, formatVersion: 4, updatedBy: lastChangerOf(article) }),
};

/**
 * Who last changed a version-3 article, as far as the file tells: the mover when its last move is its last change (a
 * move stamps updatedAt with the move's time); its creator while it never moved (a draft only its creator worked on);
 * otherwise no one (someone changed it after its last move, unnamed). A guess never names someone who did not touch it.
 */
function lastChangerOf(article: StoredArticle): unknown {
  const { lastMove, createdBy, updatedAt } = article as {
    lastMove?: { by?: unknown; at?: unknown } | null;
    createdBy?: unknown;
    updatedAt?: unknown;
  };
  if (lastMove === null || lastMove === undefined) return createdBy ?? null;
  // Compared as instants: the two may be written with different offsets.
  const movedLast = typeof lastMove.at === 'string' && typeof updatedAt === 'string' && Date.parse(lastMove.at) >= Date.parse(updatedAt);
  return movedLast ? (lastMove.by ?? null) : null;
}

/**
 * Brings a parsed article file of any earlier format version up to the current one; data of an unknown
 * or newer version passes through unchanged, for the schema check to refuse.
 */
export function migrateArticle(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  let article = stored as StoredArticle;
  while (typeof article.formatVersion === 'number' && article.formatVersion < articleFormatVersion) {
    const step = migrations[article.formatVersion];
    if (step === undefined) return article;
    article = step(article);
  }
  return article;
}

/** An article file as read from disk: migrated to the current version, then checked. */
export const storedArticleSchema = z.preprocess(migrateArticle, articleSchema);
