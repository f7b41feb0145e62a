import { articleFormatVersion } from '../../../shared/articleModel';
import type { StoredFormat } from '../storage/storedJson';

/** The kinds of record an article's folder holds, as the package names their folders. */
export const reviewPackageRecordKinds = ['workflow', 'comments', 'versions'] as const;
export type ReviewPackageRecordKind = (typeof reviewPackageRecordKinds)[number];

/** The article's envelope kind inside the package: the same as its file in the library. */
export const packagedArticleFormat: StoredFormat = { kind: 'ban-thao/article', version: articleFormatVersion };

/** A record id (workflow move, comment, version): the time, then random hex (see newRecordId). */
const recordIdPattern = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z-[0-9a-f]{12}';

/** The extensions a photo original is stored with (storedExtensions), in the order the media folder is searched. */
export const photoExtensions = ['jpg', 'png', 'webp', 'gif', 'heic'] as const;

/** Every name a package entry may have; anything else is refused. */
export const reviewPackageNames = {
  manifest: 'manifest.json',
  article: 'article.json',
  record: (kind: ReviewPackageRecordKind, id: string) => `records/${kind}/${id}.json`,
  photo: (id: string, extension: string) => `media/${id}.${extension}`,
};

const recordName = new RegExp(`^records/(${reviewPackageRecordKinds.join('|')})/(${recordIdPattern})\\.json$`);
const photoName = new RegExp(`^media/([a-f0-9]{64})\\.(${photoExtensions.join('|')})$`);

/** What an entry name stands for, or null for a name the format does not have. */
export type ReviewPackageName =
  | { kind: 'manifest' }
  | { kind: 'article' }
  | { kind: 'record'; recordKind: ReviewPackageRecordKind; id: string }
  | { kind: 'photo'; id: string; extension: (typeof photoExtensions)[number] };

export function parseReviewPackageName(name: string): ReviewPackageName | null {
  if (name === reviewPackageNames.manifest) return { kind: 'manifest' };
  if (name === reviewPackageNames.article) return { kind: 'article' };
  const record = recordName.exec(name);
  if (record !== null) return { kind: 'record', recordKind: record[1] as ReviewPackageRecordKind, id: record[2]! };
  const photo = photoName.exec(name);
  if (photo !== null) return { kind: 'photo', id: photo[1]!, extension: photo[2] as (typeof photoExtensions)[number] };
  return null;
}

/** Whether a string is a record id (the only record file names the writer packs). */
export function isRecordId(value: string): boolean {
  return new RegExp(`^${recordIdPattern}$`).test(value);
}
