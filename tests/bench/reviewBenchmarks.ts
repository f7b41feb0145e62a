import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleContent } from '../../shared/articleModel';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { listFilesUnder } from '../../electron/main/backup/listFilesUnder';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { cannedDialogs } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { featureLengthBody } from '../support/sizedBodies';

const versionCount = 300;
const threadCount = 100;
const repliesPerThread = 1;
const samples = 15;

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

/**
 * Issue 9's history figures for a 10,000-word article with a day's history (300 versions, 200 comments): opening the
 * article beside the same article without history, the version list, the comment panel's data, the diff between the
 * first and last version, and the history's size on disk.
 */
export async function benchmarkReview(): Promise<Record<string, number>> {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-bench-review-'));
  const session = await LibrarySession.open({ dataDirectory, appVersion: 'bench', dialogs: cannedDialogs() });
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  try {
    await handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
    const application = await session.application();
    const { store } = application.library;
    const body = featureLengthBody();
    const content: ArticleContent = sampleContent({ title: 'Bài dài với lịch sử một ngày', body });
    // Written through the store: the body names photos this bench does not import.
    const plain = await store.create();
    await store.save(plain.id, 1, content);
    const article = await store.create();
    let revision = (await store.save(article.id, 1, content)).revision;
    const buildStarted = performance.now();
    let current = body;
    for (let step = 0; step < versionCount; step += 1) {
      current = editedBody(current, (step * 7) % (body.content?.length ?? 1), step);
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
    await session.flush();

    // Warm both files into the cache first, so neither figure pays for a cold read alone.
    await handlers['article:get']({ id: plain.id });
    await handlers['article:get']({ id: article.id });
    // Interleaved, so a pause of the machine (or a garbage collection) weighs on both alike.
    const plainTimes: number[] = [];
    const historyTimes: number[] = [];
    for (let run = 0; run < samples; run += 1) {
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

    const figures = {
      'review.build.s': buildSeconds,
      'review.versions': versions.length,
      'review.comments': threadCount * (1 + repliesPerThread),
      'review.openPlain.ms': openPlainMs,
      'review.openWithHistory.ms': openWithHistoryMs,
      'review.openRatio': openWithHistoryMs / openPlainMs,
      'review.versionList.ms': versionListMs,
      'review.commentList.ms': commentListMs,
      'review.diffFirstLast.ms': diffFirstLastMs,
      'review.historyOnDisk.MB': historyBytes / (1024 * 1024),
    };
    const mark = (pass: boolean) => (pass ? '✔ pass' : '✘ FAIL');
    console.table([
      {
        target: 'open within 1.3× of the same article without history',
        value: figures['review.openRatio'].toFixed(2),
        result: mark(figures['review.openRatio'] <= 1.3),
      },
      { target: 'diff first → last version under 150 ms', value: diffFirstLastMs.toFixed(1), result: mark(diffFirstLastMs < 150) },
      {
        target: 'history under 5 MB on disk',
        value: figures['review.historyOnDisk.MB'].toFixed(2),
        result: mark(figures['review.historyOnDisk.MB'] < 5),
      },
    ]);
    return Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, Math.round(value * 100) / 100]));
  } finally {
    await session.close();
    await rm(dataDirectory, { recursive: true, force: true });
  }
}
