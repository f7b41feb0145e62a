import { fork } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Article, ArticleContent, ArticleStatus } from '../../shared/articleModel';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { LibrarySearch } from '../../electron/main/search/LibrarySearch';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { ArticleStore } from '../../electron/main/storage/ArticleStore';
import { applyLibraryCriteria, defaultCriteria } from '../../renderer/src/features/library/libraryQuery';
import { seedArticleParts } from '../fixtures/seedArticle';
import { cannedDialogs } from '../support/openTestSession';
import type { LibraryStartReport } from './libraryStartProcess';
import { BrowserDriver } from '../e2e/driver/BrowserDriver';

const sizes = [100, 1_000, 10_000] as const;
const autosaveCount = 50;
// The naive file takes ~1 s per save at 10,000 articles: fewer samples keep the whole bench within minutes.
const naiveSaveCount: Record<(typeof sizes)[number], number> = { 100: 50, 1_000: 50, 10_000: 15 };

const round = (value: number) => Math.round(value * 100) / 100;
const megabytes = (bytes: number) => round(bytes / 1024 / 1024);

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** A small seeded generator: the same libraries on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const names = [
  'Ngọc Sơn',
  'Văn Đốc',
  'Minh Đức',
  'Thu Hà',
  'Quốc Tuấn',
  'Lan Anh',
  'Đức Huy',
  'Hồng Nhung',
  'Thanh Bình',
  'Phương Thảo',
  'Hải Đăng',
  'Bảo Ngọc',
];
const statuses: ArticleStatus[] = ['draft', 'submitted', 'approved'];

/** Seed-like article content of varied length (1× to 6× the seed's body, paragraphs shuffled, names varied). */
function realisticContent(index: number, random: () => number): ArticleContent {
  const seed = seedArticleParts();
  const paragraphs: string[] = [];
  const repeats = 1 + Math.floor(random() * 6);
  for (let copy = 0; copy < repeats; copy += 1) {
    for (const paragraph of seed.paragraphs)
      if (random() < 0.8) paragraphs.push(paragraph.replace('Nguyễn Toàn Thắng', `Nguyễn ${names[Math.floor(random() * names.length)]}`));
  }
  paragraphs.push(`Bài số ${index}. ./.`);
  const month = 1 + Math.floor(random() * 12);
  return {
    status: statuses[Math.floor(random() * statuses.length)]!,
    publicationDate:
      `20${20 + Math.floor(random() * 5)}-${String(month).padStart(2, '0')}-` + String(1 + Math.floor(random() * 28)).padStart(2, '0'),
    title: `${random() < 0.5 ? seed.title : seed.sapo.slice(0, 40 + Math.floor(random() * 60))} (${index})`,
    sapo: seed.sapo,
    body: { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
    bylineRole: random() < 0.3 ? 'newsAndPhotos' : 'news',
    bylineName: names[Math.floor(random() * names.length)]!,
    photoCredit: names[Math.floor(random() * names.length)]!,
    photoCreditMode: 'manual',
    coverMediaId: null,
  };
}

/** Builds a library of `size` articles through the real store (and search index), in batches. */
export async function buildLibrary(
  dataDirectory: string,
  size: number,
): Promise<{ store: ArticleStore; search: LibrarySearch; articles: Article[] }> {
  const store = await ArticleStore.open({ directory: libraryLayout(dataDirectory).library.folder });
  const search = LibrarySearch.start({ store });
  await search.ready;
  const random = seededRandom(size);
  const articles: Article[] = [];
  for (let start = 0; start < size; start += 64) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(64, size - start) }, async (_, offset) => {
        const created = await store.create();
        const content = realisticContent(start + offset, random);
        const saved = await store.save(created.id, created.revision, content);
        search.noteSaved(created.id, saved.revision, content);
        return { ...created, ...content, revision: saved.revision, updatedAt: saved.updatedAt } satisfies Article;
      }),
    );
    articles.push(...batch);
  }
  await store.flush();
  await search.flush();
  return { store, search, articles };
}

/**
 * Autosaves as the app acknowledges them: the request checked against the contract in its envelope, the handler
 * table main builds (createHandlers over a LibrarySession), the article file written durably; what the change sets off
 * (search, a backup snapshot when one is due) runs as in the app.
 */
async function measureAutosaves(dataDirectory: string, articles: Article[]): Promise<number[]> {
  const session = await LibrarySession.open({ dataDirectory, appVersion: 'bench', dialogs: cannedDialogs() });
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  const random = seededRandom(7);
  const samples: number[] = [];
  try {
    for (let count = 0; count < autosaveCount; count += 1) {
      const article = articles[Math.floor(random() * articles.length)]!;
      const content = { ...pickContent(article), sapo: `${article.sapo} ${count}` };
      const before = performance.now();
      const envelope = await invokeHandler(handlers, 'article:save', { id: article.id, baseRevision: article.revision, content });
      samples.push(performance.now() - before);
      if (!envelope.ok) throw new Error(`autosave refused: ${envelope.error.message}`);
      Object.assign(article, content, { revision: (envelope.value as { revision: number }).revision });
    }
  } finally {
    await session.close();
  }
  return samples;
}

function pickContent(article: Article): ArticleContent {
  const { status, publicationDate, title, sapo, body, bylineRole, bylineName, photoCredit, photoCreditMode, coverMediaId } = article;
  return { status, publicationDate, title, sapo, body, bylineRole, bylineName, photoCredit, photoCreditMode, coverMediaId };
}

/** The naive layout: every article in ONE lowdb JSON file (lowdb's own adapter, not the in-memory test preset). */
async function measureNaiveSaves(folder: string, articles: Article[], count: number): Promise<{ samples: number[]; fileBytes: number }> {
  const file = join(folder, 'naive-library.json');
  const db = new Low<{ articles: Article[] }>(new JSONFile(file), { articles: [] });
  db.data = { articles: articles.map((article) => ({ ...article })) };
  await db.write();
  const random = seededRandom(11);
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const article = db.data.articles[Math.floor(random() * db.data.articles.length)]!;
    const before = performance.now();
    article.sapo = `${article.sapo} ${index}`;
    article.revision += 1;
    article.updatedAt = new Date().toISOString();
    await db.write();
    samples.push(performance.now() - before);
  }
  return { samples, fileBytes: (await stat(file)).size };
}

function startInFreshProcess(dataDirectory: string, flags: string[] = []): Promise<LibraryStartReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./libraryStartProcess.ts', import.meta.url)), [dataDirectory, ...flags], {
      execArgv: ['--import', 'tsx'],
    });
    let report: LibraryStartReport | undefined;
    child.on('message', (message) => {
      report = message as LibraryStartReport;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      report !== undefined && code === 0 ? resolve(report) : reject(new Error(`start process exited with ${code}`)),
    );
  });
}

/**
 * The start as a user sees it, in the browser harness: the bridge (a LibrarySession, opening) and headless Chromium
 * launched together, the built renderer loaded, until the first article row is drawn. `launchToFirstRowMs` includes
 * Chromium's own launch (Electron pays its own instead); `pageToFirstRowMs` counts from the page's navigation start:
 * the bundle, the start-up handshake, the 10,000-summary list crossing the bridge, and the first render.
 */
async function measureWindowToFirstRow(
  dataDirectory: string,
): Promise<{ launchToFirstRowMs: number; pageToFirstRowMs: number; rowsShown: number; rendererHeapBytes: number }> {
  const driver = new BrowserDriver({ dataDirectory });
  try {
    const before = performance.now();
    const page = await driver.start();
    // Polled every frame inside the page, so the figure is the page's own clock when the row first exists.
    const shownAt = await page.waitForFunction(
      () => (document.querySelector('.article-row') === null ? null : performance.now()),
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    const launchToFirstRowMs = performance.now() - before;
    // Chromium's own figure for the page's JavaScript heap, with every summary held by the library screen.
    const rendererHeapBytes = await page.evaluate(
      () => (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    );
    return {
      launchToFirstRowMs,
      pageToFirstRowMs: (await shownAt.jsonValue()) as number,
      rowsShown: await page.locator('.article-row').count(),
      rendererHeapBytes,
    };
  } finally {
    await driver.stop();
  }
}

/** The renderer's sort and filter over all summaries (measured here in Node, same code). */
function measureListQueries(store: ArticleStore): { titleSortMs: number; statusFilterMs: number } {
  const summaries = store.list('active');
  let before = performance.now();
  applyLibraryCriteria(summaries, { ...defaultCriteria, sort: 'title' }, null);
  const titleSortMs = performance.now() - before;
  before = performance.now();
  applyLibraryCriteria(summaries, { ...defaultCriteria, status: 'submitted', dateFrom: '2022-01-01' }, null);
  return { titleSortMs, statusFilterMs: performance.now() - before };
}

const mark = (pass: boolean) => (pass ? '✔ pass' : '✘ FAIL');

/**
 * Library figures for `npm run bench` (issue 4, point 9), for 100, 1,000 and 10,000 seed-like articles:
 * autosave p50/p95 (through the handler table, as the app saves) beside the naive one-lowdb-file layout, start to a usable list in a
 * fresh process, search p50/p95 over the persisted index, memory; prints the table with the targets.
 */
export async function benchmarkLibrary(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const rows: Record<string, string | number>[] = [];
  for (const size of sizes) {
    const folder = await mkdtemp(join(tmpdir(), `banthao-bench-library-${size}-`));
    try {
      const buildStarted = performance.now();
      const { store, search, articles } = await buildLibrary(folder, size);
      const buildMs = performance.now() - buildStarted;
      await store.flush();
      await search.flush();
      const listQueries = measureListQueries(store);
      const autosave = await measureAutosaves(folder, articles);
      const naive = await measureNaiveSaves(folder, articles, naiveSaveCount[size]);
      // The app was used and quit once since the build (its last saves reconciled), as on any working day.
      await startInFreshProcess(folder, ['--no-search']);
      const start = await startInFreshProcess(folder);
      // The index lost (deleted, damaged, another version): every article file is read, with progress in the window.
      await rm(libraryLayout(folder).library.index);
      await rm(`${libraryLayout(folder).library.index}.prev`, { force: true });
      const rebuild = await startInFreshProcess(folder, ['--no-search']);
      const window = size === 10_000 ? await measureWindowToFirstRow(folder) : null;
      const entry = {
        [`build.${size}.s`]: buildMs / 1000,
        [`autosave.${size}.p50Ms`]: percentile(autosave, 0.5),
        [`autosave.${size}.p95Ms`]: percentile(autosave, 0.95),
        [`naiveAutosave.${size}.p50Ms`]: percentile(naive.samples, 0.5),
        [`naiveAutosave.${size}.p95Ms`]: percentile(naive.samples, 0.95),
        [`naiveFile.${size}.MB`]: megabytes(naive.fileBytes),
        [`start.${size}.openToListMs`]: start.openToListMs,
        [`start.${size}.processToListMs`]: start.processToListMs,
        [`start.${size}.articlesRead`]: start.articlesRead,
        [`rebuild.${size}.openToListMs`]: rebuild.openToListMs,
        [`rebuild.${size}.articlesRead`]: rebuild.articlesRead,
        [`rebuild.${size}.progressAnswers`]: rebuild.progressAnswers,
        ...(window === null
          ? {}
          : {
              [`window.${size}.launchToFirstRowMs`]: window.launchToFirstRowMs,
              [`window.${size}.pageToFirstRowMs`]: window.pageToFirstRowMs,
              [`window.${size}.rowsShown`]: window.rowsShown,
              [`memory.${size}.rendererHeapMB`]: megabytes(window.rendererHeapBytes),
            }),
        [`search.${size}.readyAfterListMs`]: start.searchReadyMs,
        [`search.${size}.p50Ms`]: percentile(start.searchSamplesMs, 0.5),
        [`search.${size}.p95Ms`]: percentile(start.searchSamplesMs, 0.95),
        [`search.${size}.maxHits`]: Math.max(...start.hitsPerQuery),
        [`memory.${size}.rssAfterListMB`]: megabytes(start.rssAfterListBytes),
        [`memory.${size}.rssWithSearchMB`]: megabytes(start.rssAfterSearchBytes),
        [`listSortByTitle.${size}.ms`]: listQueries.titleSortMs,
        [`listFilter.${size}.ms`]: listQueries.statusFilterMs,
      };
      for (const [name, value] of Object.entries(entry)) figures[name] = round(value);
      rows.push({
        articles: size,
        'autosave p50/p95 ms': `${round(percentile(autosave, 0.5))} / ${round(percentile(autosave, 0.95))}`,
        'naive lowdb p50/p95 ms':
          `${round(percentile(naive.samples, 0.5))} / ${round(percentile(naive.samples, 0.95))}` + ` (n=${naive.samples.length})`,
        'start→list ms (in app / process)': `${round(start.openToListMs)} / ${round(start.processToListMs)}`,
        'search p50/p95 ms': `${round(percentile(start.searchSamplesMs, 0.5))} / ${round(percentile(start.searchSamplesMs, 0.95))}`,
        'index rebuild ms (progress answers)': `${round(rebuild.openToListMs)} (${rebuild.progressAnswers})`,
        'first row ms (page / with browser launch)':
          window === null ? '—' : `${round(window.pageToFirstRowMs)} / ${round(window.launchToFirstRowMs)}`,
        'search index ready ms': round(start.searchReadyMs),
        'RSS list / +search MB': `${megabytes(start.rssAfterListBytes)} / ${megabytes(start.rssAfterSearchBytes)}`,
        'sort by title ms': round(listQueries.titleSortMs),
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  console.log('\nlibrary at scale');
  console.table(rows);
  const autosaveRatio = figures['autosave.10000.p50Ms']! / figures['autosave.100.p50Ms']!;
  const naiveSpeedup = figures['naiveAutosave.10000.p50Ms']! / figures['autosave.10000.p50Ms']!;
  figures['target.autosave10000Over100'] = round(autosaveRatio);
  figures['target.naiveOverStore10000'] = round(naiveSpeedup);
  console.table([
    { target: 'autosave at 10,000 within 2× of 100 (p50)', measured: `${round(autosaveRatio)}×`, result: mark(autosaveRatio <= 2) },
    { target: 'autosave ≥ 20× faster than naive at 10,000 (p50)', measured: `${round(naiveSpeedup)}×`, result: mark(naiveSpeedup >= 20) },
    {
      target: 'start to usable list < 1.5 s at 10,000',
      measured: `${figures['start.10000.openToListMs']} ms`,
      result: mark(figures['start.10000.openToListMs']! < 1_500),
    },
    {
      target: 'index rebuild at 10,000 shows progress',
      measured: `${figures['rebuild.10000.openToListMs']} ms, ${figures['rebuild.10000.progressAnswers']} progress answers`,
      result: mark(figures['rebuild.10000.progressAnswers']! > 1 && figures['rebuild.10000.articlesRead'] === 10_000),
    },
    {
      target: 'search < 50 ms p95 at 10,000',
      measured: `${figures['search.10000.p95Ms']} ms`,
      result: mark(figures['search.10000.p95Ms']! < 50),
    },
  ]);
  return figures;
}
