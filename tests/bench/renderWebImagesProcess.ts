import { MediaStore } from '../../electron/main/media/MediaStore';

/** What the forked process reports back to mediaBenchmarks. */
export interface WebRenderReport {
  totalMs: number;
  outputBytes: number;
  rssBefore: number;
  peakRss: number;
}

const rssSampleIntervalMs = 20;

/**
 * Runs in a fresh process (forked by mediaBenchmarks, so the fixtures' memory does not count): renders every
 * given photo to a web copy, one after another as an export does, sampling the resident set size meanwhile.
 * Arguments: <media folder> <maxSide> <id>…
 */
async function main(): Promise<void> {
  const [directory, maxSideText, ...ids] = process.argv.slice(2);
  if (directory === undefined || maxSideText === undefined || process.send === undefined) throw new Error('usage: fork with <media folder> <maxSide> <id>…');
  const store = await MediaStore.open({ directory });
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  // sharp works off the main thread, so the timer keeps ticking during each render.
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, rssSampleIntervalMs);
  const started = performance.now();
  let outputBytes = 0;
  for (const id of ids) outputBytes += (await store.renderWebImage(id, { maxSide: Number(maxSideText) })).bytes.length;
  const totalMs = performance.now() - started;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const report: WebRenderReport = { totalMs, outputBytes, rssBefore, peakRss };
  process.send(report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
