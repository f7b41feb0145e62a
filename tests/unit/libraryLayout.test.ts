import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  libraryLayout,
  libraryLayoutEntries,
  mediaFileLayout,
  relativeLayout,
  sharedFileOf,
} from '../../electron/main/library/libraryLayout';

const repositoryRoot = join(import.meta.dirname, '..', '..');

/** The rows of the README's folder table: path and kind. */
async function readmeFolderTable(): Promise<{ path: string; role: string; holds: string }[]> {
  const readme = await readFile(join(repositoryRoot, 'README.md'), 'utf8');
  // Prettier pads the cells, so the header is found by its words.
  const start = readme.search(/^\|\s*path \(under the data folder\)\s*\|\s*kind\s*\|\s*holds\s*\|/m);
  expect(start, 'the README has its folder table').toBeGreaterThan(-1);
  const rows = [];
  for (const line of readme.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [path, role, holds] = line
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    rows.push({ path: path!.replace(/^`|`$/g, ''), role: role!, holds: holds! });
  }
  return rows;
}

describe('the library folder layout', () => {
  it('is what the README folder table lists, row by row', async () => {
    const table = await readmeFolderTable();
    expect(table).toEqual(libraryLayoutEntries.map(({ path, role, holds }) => ({ path, role, holds })));
  });

  it('spells every path it lists, and each listed path comes from it', () => {
    const layout = libraryLayout('/data');
    const id = 'ab'.repeat(32);
    const media = mediaFileLayout(layout.library.media, id);
    const spelled = [
      layout.library.articleFile('0f1e2d3c-aaaa-bbbb-cccc-000000000000'),
      layout.library.commentFile('0f1e2d3c-aaaa-bbbb-cccc-000000000000', '2026-11-30T08-00-00.000Z-0123456789ab'),
      layout.library.versionFile('0f1e2d3c-aaaa-bbbb-cccc-000000000000', '2026-11-30T08-00-00.000Z-0123456789ab'),
      layout.library.conflictFile('0f1e2d3c-aaaa-bbbb-cccc-000000000000', '2026-11-30T08-00-00.000Z-0123456789ab'),
      layout.library.workflowEventFile('0f1e2d3c-aaaa-bbbb-cccc-000000000000', '2026-11-30T08-00-00.000Z-0123456789ab'),
      layout.library.dictionaryWordFile('0123456789abcdef0123456789abcdef'),
      media.original('jpg'),
      media.description,
      media.preview,
      layout.library.index,
      join(layout.library.search, '0f.json'),
      layout.library.spellingWords,
      layout.library.sharedSettings,
      layout.settings,
      layout.sharedLibrary,
      layout.lock,
      layout.lockGuard,
      layout.sync.state,
      // Folders: a path the app writes inside each.
      join(layout.quarantine, '2026-11-30T08-00-00.000Z', 'library', 'index.json'),
      join(layout.backups, '2026-11-30T08-00-00', 'manifest.json'),
      join(layout.exports, 'bai.html'),
      join(layout.sync.git, 'HEAD'),
    ].map((path) => path.slice('/data/'.length).split(sep).join('/'));
    const patterns = libraryLayoutEntries
      .filter((entry) => entry.path !== '<file>.prev')
      .map(
        (entry) =>
          new RegExp(
            `^${entry.path
              .replace(/[.]/g, '\\.')
              .replace(/<[^>]+>/g, '[^/]+')
              .replace(/\/$/, '')}(/.*)?$`,
          ),
      );
    for (const path of spelled)
      expect(
        patterns.some((pattern) => pattern.test(path)),
        path,
      ).toBe(true);
    for (const pattern of patterns)
      expect(
        spelled.some((path) => pattern.test(path)),
        String(pattern),
      ).toBe(true);
  });

  it('mirrors itself relative to the data folder, as a backup snapshot holds it', () => {
    expect(relativeLayout.library.articles).toBe(join('library', 'articles'));
    expect(relativeLayout.settings).toBe('settings.json');
  });

  it('keeps caches and this machine’s files out of what is synced', () => {
    const roles = new Map(libraryLayoutEntries.map((entry) => [entry.path, entry.role]));
    expect(roles.get('library/index.json')).toBe('cache');
    expect(roles.get('library/search/<shard>.json')).toBe('cache');
    for (const local of ['library.lock', 'quarantine/<time>/<path>', 'backups/<YYYY-MM-DDTHH-MM-SS>/', 'sync/git/', 'sync/state.json'])
      expect(roles.get(local)).toBe('local');
  });

  it('tells the files a sync carries by their path: every data file of the library, nothing else', () => {
    const library = libraryLayout('/data').library;
    const article = '0f1e2d3c-aaaa-bbbb-cccc-000000000000';
    const record = '2026-11-30T08-00-00.000Z-0123456789ab';
    const media = mediaFileLayout(library.media, 'ab'.repeat(32));
    const relative = (path: string) => path.slice('/data/library/'.length).split(sep).join('/');
    const carried = {
      [library.articleFile(article)]: 'article',
      [library.workflowEventFile(article, record)]: 'workflow-event',
      [library.versionFile(article, record)]: 'version',
      [library.commentFile(article, record)]: 'comment',
      [library.conflictFile(article, record)]: 'conflict',
      [library.dictionaryWordFile('0123456789abcdef0123456789abcdef')]: 'dictionary-word',
      [media.original('heic')]: 'photo-original',
      [media.description]: 'photo-description',
      [media.preview]: 'photo-preview',
      [library.sharedSettings]: 'shared-settings',
    };
    for (const [path, kind] of Object.entries(carried)) expect(sharedFileOf(relative(path))?.kind, path).toBe(kind);
    expect(sharedFileOf(relative(library.articleFile(article)))?.articleId).toBe(article);
    expect(sharedFileOf(relative(library.versionFile(article, record)))).toMatchObject({ articleId: article, recordId: record });
    const notCarried = [
      library.index,
      library.spellingWords,
      join(library.search, '0f.json'),
      `${library.articleFile(article)}.prev`,
      join(library.articles, '0f', `.${article}.json.123.abcdef.tmp`),
      // The prefix folder must be the id's own.
      join(library.articles, 'ff', `${article}.json`),
      join(library.articles, '0f', article, 'notes', `${record}.json`),
      join(library.media, 'ab', `${'ab'.repeat(32)}.exe`),
    ];
    for (const path of notCarried) expect(sharedFileOf(relative(path)), path).toBeNull();
    for (const odd of ['../settings.json', '/etc/passwd', 'articles/0f/../../x.json', 'shared-settings.json/x', '']) {
      expect(sharedFileOf(odd), odd).toBeNull();
    }
  });
});
