import { join } from 'node:path';

/**
 * What a path under the data folder is to the library: `data` is the library's content (the team library will sync
 * it), `cache` is rebuilt from the data when lost, `local` belongs to this machine and is never synced.
 */
export type LayoutRole = 'data' | 'cache' | 'local';

/** One kind of path under the data folder, as the README's folder table lists it. */
export interface LayoutEntry {
  /** Relative to the data folder, `/`-separated; `<…>` stands for a name part. */
  path: string;
  role: LayoutRole;
  holds: string;
}

/** Every kind of path the app writes under the data folder: the one map of it (the README's table is checked against it). */
export const libraryLayoutEntries: readonly LayoutEntry[] = [
  { path: 'library/articles/<id[0..2]>/<id>.json', role: 'data', holds: 'one file per article (format version, revision, content)' },
  {
    path: 'library/articles/<id[0..2]>/<id>/workflow/<event>.json',
    role: 'data',
    holds: 'one file per workflow move of the article: who moved it where, when, with their note',
  },
  {
    path: 'library/articles/<id[0..2]>/<id>/versions/<version>.json',
    role: 'data',
    holds: 'one file per version of the article: who, when, why, and its text as a change from the version before',
  },
  {
    path: 'library/articles/<id[0..2]>/<id>/comments/<record>.json',
    role: 'data',
    holds: 'one file per comment, reply, or thread resolved or reopened (the anchor is a mark in the body)',
  },
  {
    path: 'library/articles/<id[0..2]>/<id>/conflicts/<record>.json',
    role: 'data',
    holds: 'one file per conflict with a received package (both sides changed), and one per its resolution',
  },
  {
    path: 'library/dictionary/<hash>.json',
    role: 'data',
    holds: "one file per word added to the spelling dictionary (the word, who added it, when), named by the word's hash",
  },
  { path: 'library/media/<id[0..2]>/<id>.<ext>', role: 'data', holds: "a photo's original bytes, named by their SHA-256" },
  {
    path: 'library/media/<id[0..2]>/<id>.json',
    role: 'data',
    holds: 'what is known of the photo (size, date taken, suggested credit); written last',
  },
  {
    path: 'library/media/<id[0..2]>/<id>.preview.webp',
    role: 'data',
    holds: 'the display copy (oriented, ≤ 1600 px, no metadata), made at import',
  },
  {
    path: 'library/shared-settings.json',
    role: 'data',
    holds: "the newsroom's shared choices (house style; later the export template), the same for everyone on a shared library",
  },
  { path: 'library/index.json', role: 'cache', holds: 'article summaries (rebuilt from the article files if lost or damaged)' },
  {
    path: 'library/spelling-words.json',
    role: 'cache',
    holds: 'the words each article uses that the spell check would flag, by revision (read again from the articles if lost)',
  },
  { path: 'library/search/<shard>.json', role: 'cache', holds: 'the search index in 256 shards (updated per save, rebuilt if lost)' },
  {
    path: 'settings.json',
    role: 'local',
    holds: 'interface language, export photo size and quality, backup policy, your name and newsroom role, spell check on or off',
  },
  {
    path: 'shared-library.json',
    role: 'local',
    holds: "the shared library's server address, user name and password or token (encrypted by the system's key store)",
  },
  {
    path: 'sync/git/',
    role: 'local',
    holds: "the shared library's Git data (objects fetched from and pushed to the office server); rebuilt from the server if damaged",
  },
  {
    path: 'sync/state.json',
    role: 'local',
    holds: 'the last commit synced with the server and what each synced library file was then (the base of the next merge)',
  },
  { path: 'library.lock', role: 'local', holds: 'which process has the library open (one writer per data folder; see below)' },
  { path: 'library.lock.guard', role: 'local', holds: 'held for milliseconds while `library.lock` is judged or replaced' },
  { path: '<file>.prev', role: 'local', holds: 'the previous generation of each durable file (see below)' },
  { path: 'quarantine/<time>/<path>', role: 'local', holds: 'damaged files, moved there unchanged' },
  { path: 'backups/<YYYY-MM-DDTHH-MM-SS>/', role: 'local', holds: 'snapshots of the library (hard links; see below)' },
  { path: 'exports/', role: 'local', holds: 'where the browser harness writes exports (development only)' },
];

/** The paths inside the library folder (`<data>/library`), for stores that are given that folder. */
export function libraryFolderLayout(libraryFolder: string) {
  const articles = join(libraryFolder, 'articles');
  const media = join(libraryFolder, 'media');
  return {
    folder: libraryFolder,
    articles,
    /** Articles are spread over 256 prefix folders, so no folder grows past a few dozen files at 10,000 articles. */
    articleFile: (id: string) => join(articles, id.slice(0, 2), `${id}.json`),
    /**
     * The article's own folder beside its file, for what several people add to (workflow events; later comments and
     * versions): one small immutable file per record, so two machines' additions never rewrite each other's.
     */
    articleRecords: (id: string) => join(articles, id.slice(0, 2), id),
    workflowEventFile: (articleId: string, eventId: string) =>
      join(articles, articleId.slice(0, 2), articleId, 'workflow', `${eventId}.json`),
    commentFile: (articleId: string, recordId: string) => join(articles, articleId.slice(0, 2), articleId, 'comments', `${recordId}.json`),
    versionFile: (articleId: string, versionId: string) =>
      join(articles, articleId.slice(0, 2), articleId, 'versions', `${versionId}.json`),
    conflictFile: (articleId: string, recordId: string) =>
      join(articles, articleId.slice(0, 2), articleId, 'conflicts', `${recordId}.json`),
    index: join(libraryFolder, 'index.json'),
    // One file per word, named by the word's hash: two machines adding words never rewrite each other's files.
    dictionary: join(libraryFolder, 'dictionary'),
    dictionaryWordFile: (wordHash: string) => join(libraryFolder, 'dictionary', `${wordHash}.json`),
    // Kept apart from the article files, so a sync engine can treat photos (large, immutable) differently.
    media,
    search: join(libraryFolder, 'search'),
    spellingWords: join(libraryFolder, 'spelling-words.json'),
    // The newsroom's shared choices: data, so the shared library carries them to everyone.
    sharedSettings: join(libraryFolder, 'shared-settings.json'),
  };
}

/** A durable file's previous generation, kept beside it (`<file>.prev`): what a damaged file falls back to. */
export function previousGenerationOf(path: string): string {
  return `${path}.prev`;
}

/** The article an article folder's entry belongs to, by its name: `<id>.json` or its previous generation; else null. */
export function articleOfFileName(name: string): { id: string; previousGeneration: boolean } | null {
  if (name.startsWith('.')) return null;
  if (name.endsWith('.json')) return { id: name.slice(0, -'.json'.length), previousGeneration: false };
  if (name.endsWith('.json.prev')) return { id: name.slice(0, -'.json.prev'.length), previousGeneration: true };
  return null;
}

/** One shard of the search index (`<search>/<shard>.json`). */
export function searchShardFile(searchFolder: string, shard: string): string {
  return join(searchFolder, `${shard}.json`);
}

/** The photo a media folder's entry belongs to (original, description, display copy or a previous generation). */
export function mediaIdOfFileName(name: string): string | null {
  return /^([a-f0-9]{64})\.(?:jpg|png|webp|gif|heic|preview\.webp|json|json\.prev)$/.exec(name)?.[1] ?? null;
}

/** The files of one photo inside the media folder (`<media>/<id[0..2]>/…`). */
export function mediaFileLayout(mediaFolder: string, id: string) {
  const folder = join(mediaFolder, id.slice(0, 2));
  return {
    folder,
    original: (extension: string) => join(folder, `${id}.${extension}`),
    description: join(folder, `${id}.json`),
    preview: join(folder, `${id}.preview.webp`),
  };
}

/** Every path under a data folder; nothing else in the app spells one. */
export function libraryLayout(dataDirectory: string) {
  return {
    dataDirectory,
    library: libraryFolderLayout(join(dataDirectory, 'library')),
    settings: join(dataDirectory, 'settings.json'),
    // This person's connection to the office's Git server: kept on this machine, never in the library or its backups.
    sharedLibrary: join(dataDirectory, 'shared-library.json'),
    // The Git data beside the library, never inside it: a damaged Git folder cannot damage the library.
    sync: {
      folder: join(dataDirectory, 'sync'),
      git: join(dataDirectory, 'sync', 'git'),
      state: join(dataDirectory, 'sync', 'state.json'),
    },
    lock: join(dataDirectory, 'library.lock'),
    lockGuard: join(dataDirectory, 'library.lock.guard'),
    quarantine: join(dataDirectory, 'quarantine'),
    backups: join(dataDirectory, 'backups'),
    exports: join(dataDirectory, 'exports'),
  };
}

export type LibraryLayout = ReturnType<typeof libraryLayout>;

/** The manifest of a backup snapshot folder: written last, so a snapshot without one is incomplete. */
export function snapshotManifestFile(snapshotFolder: string): string {
  return join(snapshotFolder, 'manifest.json');
}

/** The same layout relative to the data folder (a backup snapshot mirrors it). */
export const relativeLayout: LibraryLayout = libraryLayout('');

/** An article's part of the library folder as a `/`-separated path prefix: its file and its records folder. */
export function articlePathPrefix(id: string): string {
  return `articles/${id.slice(0, 2)}/${id}`;
}

/** A photo's part of the library folder as a path prefix: its original, display copy and description. */
export function photoPathPrefix(id: string): string {
  return `media/${id.slice(0, 2)}/${id}`;
}

/** The kinds of library file the shared library carries, each recognised by its path relative to the library folder. */
export const sharedFileKinds = [
  'article',
  'workflow-event',
  'version',
  'comment',
  'conflict',
  'dictionary-word',
  'photo-original',
  'photo-description',
  'photo-preview',
  'shared-settings',
] as const;
export type SharedFileKind = (typeof sharedFileKinds)[number];

/** A shared file's kind and the ids its path names (checked against the file's content when it comes from a server). */
export interface SharedFilePath {
  kind: SharedFileKind;
  articleId?: string;
  /** A workflow event's, version's, comment's or conflict record's id: the file name. */
  recordId?: string;
  mediaId?: string;
  /** A photo original's extension (jpg, png, webp, gif, heic). */
  extension?: string;
  /** A dictionary word's file name: the hash of its lookup form. */
  wordHash?: string;
}

const articleId = '([a-z0-9][a-z0-9-]{7,63})';
const recordId = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z-[0-9a-f]{12})';
const recordKinds = { workflow: 'workflow-event', versions: 'version', comments: 'comment', conflicts: 'conflict' } as const;
const articlePath = new RegExp(`^articles/([a-z0-9][a-z0-9-])/${articleId}\\.json$`);
const recordPath = new RegExp(`^articles/([a-z0-9][a-z0-9-])/${articleId}/(workflow|versions|comments|conflicts)/${recordId}\\.json$`);
const mediaPath = /^media\/([a-f0-9]{2})\/([a-f0-9]{64})\.(jpg|png|webp|gif|heic|json|preview\.webp)$/;
const dictionaryPath = /^dictionary\/([a-f0-9]{32})\.json$/;

/**
 * What a path relative to the library folder (`/`-separated, as Git spells it) is to the shared library, or null when
 * it is not a file the shared library carries: caches, previous generations, temp files, anything unknown or odd.
 */
export function sharedFileOf(relativePath: string): SharedFilePath | null {
  if (relativePath === 'shared-settings.json') return { kind: 'shared-settings' };
  const article = articlePath.exec(relativePath);
  if (article !== null) return article[2]!.startsWith(article[1]!) ? { kind: 'article', articleId: article[2]! } : null;
  const record = recordPath.exec(relativePath);
  if (record !== null) {
    if (!record[2]!.startsWith(record[1]!)) return null;
    return { kind: recordKinds[record[3] as keyof typeof recordKinds], articleId: record[2]!, recordId: record[4]! };
  }
  const media = mediaPath.exec(relativePath);
  if (media !== null) {
    if (!media[2]!.startsWith(media[1]!)) return null;
    const extension = media[3]!;
    if (extension === 'json') return { kind: 'photo-description', mediaId: media[2]! };
    if (extension === 'preview.webp') return { kind: 'photo-preview', mediaId: media[2]! };
    return { kind: 'photo-original', mediaId: media[2]!, extension };
  }
  const word = dictionaryPath.exec(relativePath);
  if (word !== null) return { kind: 'dictionary-word', wordHash: word[1]! };
  return null;
}
