import type { ArticleContent } from '../../../../../shared/articleModel';
import { decodeLegacy } from '../../../../../shared/legacyEncodings/decodeLegacy';
import type { LegacyEncoding } from '../../../../../shared/legacyEncodings/LegacyEncoding';
import { isConvertible, type ConvertedLine } from './convertBodyText';

/** The article's one-line fields a whole-article conversion converts. */
export type ConvertibleFields = Pick<ArticleContent, 'title' | 'sapo' | 'bylineName' | 'photoCredit' | 'photoCreditMode'>;

type FieldChanges = Partial<Pick<ArticleContent, 'title' | 'sapo' | 'bylineName' | 'photoCredit'>>;

/**
 * The title, sapo, byline and (typed by hand) photo credit converted from a legacy encoding, each one not already
 * Unicode; a composed credit follows the photos' credits, which the body's conversion converts.
 */
export function convertArticleFields(
  fields: ConvertibleFields,
  encoding: LegacyEncoding,
): { changes: FieldChanges; lines: ConvertedLine[] } {
  const names = ['title', 'sapo', 'bylineName', ...(fields.photoCreditMode === 'manual' ? (['photoCredit'] as const) : [])] as const;
  const changes: FieldChanges = {};
  const lines: ConvertedLine[] = [];
  for (const name of names) {
    const before = fields[name];
    if (!isConvertible(before, false)) continue;
    const after = decodeLegacy(before, encoding);
    if (after === before) continue;
    changes[name] = after;
    lines.push({ before, after });
  }
  return { changes, lines };
}
