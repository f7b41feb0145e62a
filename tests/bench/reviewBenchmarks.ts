import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleContent } from '../../shared/articleModel';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { listFilesUnder } from '../../electron/main/backup/listFilesUnder';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { cannedDialogs } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { featureLengthBody } from '../support/sizedBodies';
import { cameraJpegs } from './mediaBenchmarks';
import type { PackageReport } from './reviewPackageProcess';

const versionCount = 300;
const threadCount = 100;
const repliesPerThread = 1;
const suggestionCount = 100;
const photoCount = 20;
const samples = 15;
/** Opening takes a few milliseconds: more interleaved samples, so the ratio is not one scheduler hiccup. */
const openSamples = 61;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(work: () => Promise<unknown>, runs = samples): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const before = performance.now();
    await work();
    times.push(performance.now() - before);
  }
  return median(times);
}

/** The feature-length body with paragraph `edited` changed, as a day of editing changes one paragraph at a time. */
function editedBody(body: DocumentNodeJson, edited: number, step: number): DocumentNodeJson {
  const content = (body.content ?? []).map((node, index) =>
    // The paragraph keeps its text and gains a few words, as a day's edits change a few words at a time.
    index === edited && node.type === 'paragraph' && node.content?.[0] !== undefined
      ? { ...node, content: [{ ...node.content[0], text: `(sửa ${step}) ${node.content[0].text ?? ''}` }, ...node.content.slice(1)] }
      : node,
  );
  return { ...body, content };
}

/** A suggestion mark as the editor stores it: the plugin's id (the editor's time-and-random form), stamped with who and when. */
function suggestionMark(type: 'insertion' | 'deletion', index: number) {
  const at = new Date(Date.UTC(2026, 10, 30, 8, 0) + index * 5 * 60_000);
  return {
    type,
    attrs: {
      id: `${at.getTime().toString(36)}-${(0x5eed0000 + index).toString(16)}`,
      authorName: 'Thu Hà',
      authorRole: 'editor',
      at: at.toISOString(),
    },
  };
}

/**
 * The body with suggestion `index` added, as tracked changes record one: in paragraph 2·index + 1, within its first
 * run, a few words suggested for insertion, a few for deletion, or a replacement (a deletion and an insertion sharing
 * one id), in turn.
 */
function withSuggestion(body: DocumentNodeJson, index: number): DocumentNodeJson {
  let paragraph = -1;
  const content = (body.content ?? []).map((node) => {
    if (node.type !== 'paragraph') return node;
    paragraph += 1;
    const [first, ...others] = node.content ?? [];
    if (paragraph !== 2 * index + 1 || first?.text === undefined || first.marks !== undefined) return node;
    const words = first.text.split(' ');
    const before = { type: 'text', text: `${words.slice(0, 10).join(' ')} ` };
    const target = `${words.slice(10, 14).join(' ')} `;
    const after = { type: 'text', text: words.slice(14).join(' ') };
    const inserted = { type: 'text', text: 'theo số liệu mới nhất ', marks: [suggestionMark('insertion', index)] };
    const deleted = { type: 'text', text: target, marks: [suggestionMark('deletion', index)] };
    const runs =
      index % 3 === 0
        ? [before, inserted, { type: 'text', text: `${target}${after.text}` }]
        : index % 3 === 1
          ? [before, deleted, after]
          : [before, deleted, inserted, after];
    return { ...node, content: [...runs.filter((run) => run.text !== ''), ...others] };
  });
  return { ...body, content };
}

/** The feature-length body with its first `photoCount` figures showing the imported photos and the others left out. */
function bodyWithPhotos(body: DocumentNodeJson, photoIds: readonly string[]): DocumentNodeJson {
  let figure = -1;
  const content = (body.content ?? []).flatMap((node) => {
    if (node.type !== 'figure') return [node];
    figure += 1;
    return figure < photoIds.length ? [{ ...node, attrs: { ...node.attrs, mediaId: photoIds[figure]! } }] : [];
  });
  return { ...body, content };
}

const megabytes = (bytes: number) => bytes / (1024 * 1024);

/** Sends, reads or receives a review package in a fresh process (see reviewPackageProcess.ts) and waits for its report. */
function packageInFreshProcess(args: string[]): Promise<PackageReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./reviewPackageProcess.ts', import.meta.url)), args, { execArgv: ['--import', 'tsx'] });
    let report: PackageReport | undefined;
    child.on('message', (message) => {
      report = message as PackageReport;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      report !== undefined && code === 0 ? resolve(report) : reject(new Error(`package process ${args[0]} exited with ${code}`)),
    );
  });
}

/** The distinct suggestions (tracked changes) a body holds, counted by id as the suggestions panel lists them. */
function suggestionIds(node: DocumentNodeJson, into = new Set<unknown>()): Set<unknown> {
  for (const mark of node.marks ?? []) if (mark.type === 'insertion' || mark.type === 'deletion') into.add(mark.attrs?.['id']);
  for (const child of node.content ?? []) suggestionIds(child, into);
  return into;
}

/**
 * Issue 9's figures for a 10,000-word article with a day's history (300 versions, 200 comments, 100 suggestions) and
 * 20 photos: opening the article beside the same article (same content, suggestions and photos) without history, the
 * version list, the comment panel's data, the diff between the first and last version, the history's size on disk;
 * then its review package sent ("Gửi gói"), only read and checked (the first half of receiving), and received into a
 * fresh library ("Mở gói bài…"), each in a fresh process: time, peak resident memory and the package's size.
 */
export async function benchmarkReview(): Promise<Record<string, number>> {
  const root = await mkdtemp(join(tmpdir(), 'banthao-bench-review-'));
  const dataDirectory = join(root, 'data');
  const receivingDirectory = join(root, 'received');
  const readingDirectory = join(root, 'reading');
  const packagePath = join(root, 'outbox', 'bai-dai.banthao');
  for (const folder of [dataDirectory, receivingDirectory, readingDirectory, join(root, 'outbox')])
    await mkdir(folder, { recursive: true });
  const loadAtStart = loadavg()[0]!;
  const session = await LibrarySession.open({ dataDirectory, appVersion: 'bench', dialogs: cannedDialogs() });
  let sessionOpen = true;
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  try {
    await handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
    const application = await session.application();
    const { store, media } = application.library;
    // Real camera photos (12 megapixels, 5–6 MB each), imported as "Chèn ảnh" does.
    const photoIds: string[] = [];
    let photoBytes = 0;
    for (const [index, bytes] of (await cameraJpegs(photoCount, 0)).entries()) {
      photoIds.push((await media.importImage({ bytes, fileName: `anh-${index + 1}.jpg` })).id);
      photoBytes += bytes.length;
    }
    const body = bodyWithPhotos(featureLengthBody(), photoIds);
    const content: ArticleContent = sampleContent({ title: 'Bài dài với lịch sử một ngày', body, coverMediaId: photoIds[0]! });
    const article = await store.create();
    let revision = (await store.save(article.id, 1, content)).revision;
    const buildStarted = performance.now();
    let current = body;
    for (let step = 0; step < versionCount; step += 1) {
      current = editedBody(current, (step * 7) % (body.content?.length ?? 1), step);
      // Every third version also brings one more suggestion: 100 pending by the end of the day.
      if (step % 3 === 2) current = withSuggestion(current, (step - 2) / 3);
      revision = (await store.save(article.id, revision, { ...content, body: current })).revision;
      await application.versions.take(article.id, 'editing');
    }
    for (let thread = 0; thread < threadCount; thread += 1) {
      const started = await handlers['comment:start']({ id: article.id, text: `Kiểm tra lại đoạn ${thread}`, quote: `đoạn ${thread}` });
      for (let reply = 0; reply < repliesPerThread; reply += 1) {
        await handlers['comment:reply']({ id: article.id, threadId: started.id, text: 'Đã kiểm tra, số liệu đúng.' });
      }
    }
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    // The same article, suggestions and photos included, without history.
    const plain = await store.create();
    await store.save(plain.id, 1, { ...content, body: current });
    await session.flush();
    const opened = await handlers['article:get']({ id: article.id });
    const suggestions = suggestionIds(opened.body).size;
    if (suggestions !== suggestionCount) throw new Error(`the article holds ${suggestions} suggestions, not ${suggestionCount}`);

    // Warm both files into the cache first, so neither figure pays for a cold read alone.
    await handlers['article:get']({ id: plain.id });
    // Interleaved, so a pause of the machine (or a garbage collection) weighs on both alike.
    const plainTimes: number[] = [];
    const historyTimes: number[] = [];
    for (let run = 0; run < openSamples; run += 1) {
      plainTimes.push(await timed(() => handlers['article:get']({ id: plain.id }), 1));
      historyTimes.push(await timed(() => handlers['article:get']({ id: article.id }), 1));
    }
    const openPlainMs = median(plainTimes);
    const openWithHistoryMs = median(historyTimes);
    const versionListMs = await timed(() => handlers['version:list']({ id: article.id }));
    const commentListMs = await timed(() => handlers['comment:list']({ id: article.id }));
    const versions = await handlers['version:list']({ id: article.id });
    const diffFirstLastMs = await timed(() =>
      handlers['version:compare']({ id: article.id, from: versions[versions.length - 1]!.id, to: versions[0]!.id }),
    );
    const records = libraryLayout(dataDirectory).library.articleRecords(article.id);
    let historyBytes = 0;
    for (const relative of await listFilesUnder(records)) historyBytes += (await stat(join(records, relative))).size;

    // The library is let go of, so a fresh process can open it as the app would, then the package goes to a fresh one.
    await session.close();
    sessionOpen = false;
    const sent = await packageInFreshProcess(['send', dataDirectory, article.id, packagePath]);
    // Reading and checking alone (into a library that stays empty), to tell it apart from writing what was read.
    const read = await packageInFreshProcess(['read', readingDirectory, packagePath]);
    const received = await packageInFreshProcess(['receive', receivingDirectory, packagePath]);
    if (sent.status !== 'saved' || read.status !== 'read' || received.status !== 'created') {
      throw new Error(`package sent ${sent.status}, read ${read.status}, received ${received.status}`);
    }

    const figures = {
      'review.build.s': buildSeconds,
      'review.versions': versions.length,
      'review.comments': threadCount * (1 + repliesPerThread),
      'review.suggestions': suggestions,
      'review.photos': photoCount,
      'review.openPlain.ms': openPlainMs,
      'review.openWithHistory.ms': openWithHistoryMs,
      'review.openRatio': openWithHistoryMs / openPlainMs,
      'review.versionList.ms': versionListMs,
      'review.commentList.ms': commentListMs,
      'review.diffFirstLast.ms': diffFirstLastMs,
      'review.historyOnDisk.MB': megabytes(historyBytes),
      'review.photoJpegAverage.MB': megabytes(photoBytes / photoCount),
      'review.package.MB': megabytes(sent.packageBytes),
      'review.packageSend.s': sent.totalMs / 1000,
      'review.packageSend.rssBefore.MB': megabytes(sent.rssBefore),
      'review.packageSend.peakRss.MB': megabytes(sent.peakRss),
      'review.packageSend.sampledPeakRss.MB': megabytes(sent.sampledPeakRss),
      'review.packageReadAndCheck.s': read.totalMs / 1000,
      'review.packageReadAndCheck.peakRss.MB': megabytes(read.peakRss),
      'review.packageReceive.s': received.totalMs / 1000,
      'review.packageReceive.rssBefore.MB': megabytes(received.rssBefore),
      'review.packageReceive.peakRss.MB': megabytes(received.peakRss),
      'review.packageReceive.sampledPeakRss.MB': megabytes(received.sampledPeakRss),
      // The 1-minute load average of the machine when the suite started and ended (2 cores here: 2.0 is full).
      'review.loadAverage.start': loadAtStart,
      'review.loadAverage.end': loadavg()[0]!,
    };
    const mark = (pass: boolean) => (pass ? '✔ pass' : '✘ FAIL');
    console.table([
      {
        target: 'open (100 suggestions) within 1.3× of the same article without history',
        value: figures['review.openRatio'].toFixed(2),
        result: mark(figures['review.openRatio'] <= 1.3),
      },
      { target: 'diff first → last version under 150 ms', value: diffFirstLastMs.toFixed(1), result: mark(diffFirstLastMs < 150) },
      {
        target: 'history under 5 MB on disk',
        value: figures['review.historyOnDisk.MB'].toFixed(2),
        result: mark(figures['review.historyOnDisk.MB'] < 5),
      },
      {
        target: `send the package (${photoCount} photos, ${figures['review.package.MB'].toFixed(0)} MB): time, peak RSS`,
        value: `${figures['review.packageSend.s'].toFixed(2)} s, ${figures['review.packageSend.peakRss.MB'].toFixed(0)} MB`,
        result: 'no target in the issue',
      },
      {
        target: 'receive it into a fresh library: time, peak RSS',
        value: `${figures['review.packageReceive.s'].toFixed(2)} s, ${figures['review.packageReceive.peakRss.MB'].toFixed(0)} MB`,
        result: 'no target in the issue',
      },
    ]);
    return Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, Math.round(value * 100) / 100]));
  } finally {
    if (sessionOpen) await session.close();
    await rm(root, { recursive: true, force: true });
  }
}
