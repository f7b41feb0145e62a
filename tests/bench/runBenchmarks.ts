import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchmarkArticleTools } from './articleToolsBenchmarks';
import { benchmarkEditorPhoto } from './editorPhotoBenchmark';
import { benchmarkExportBatch } from './exportBatchBenchmarks';
import { benchmarkLibrary } from './libraryBenchmarks';
import { benchmarkMedia } from './mediaBenchmarks';
import { benchmarkReview } from './reviewBenchmarks';
import { benchmarkSharedLibrary } from './sharedLibraryBenchmarks';
import { benchmarkSpelling } from './spellingBenchmarks';
import { benchmarkTyping } from './typingBenchmark';
import { benchmarkWordImport } from './wordImportBenchmarks';

/** Each benchmark suite: a name (its JSON file in bench-results/) and a function returning its figures. */
const suites: readonly { name: string; run: () => Promise<Record<string, number>> }[] = [
  { name: 'library', run: benchmarkLibrary },
  { name: 'media', run: benchmarkMedia },
  { name: 'editor-photo', run: benchmarkEditorPhoto },
  { name: 'review', run: benchmarkReview },
  { name: 'spelling', run: benchmarkSpelling },
  { name: 'article-tools', run: benchmarkArticleTools },
  { name: 'word-import', run: benchmarkWordImport },
  { name: 'typing', run: benchmarkTyping },
  { name: 'shared-library', run: benchmarkSharedLibrary },
  { name: 'export-batch', run: benchmarkExportBatch },
];

const resultsFolder = join(process.cwd(), 'bench-results');

async function main(): Promise<void> {
  await mkdir(resultsFolder, { recursive: true });
  // `npm run bench -- library` runs one suite; no argument runs them all.
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0)
    throw new Error(`Unknown benchmark suite ${unknown.join(', ')}; known: ${suites.map((suite) => suite.name).join(', ')}`);
  for (const suite of suites.filter((candidate) => wanted.length === 0 || wanted.includes(candidate.name))) {
    const figures = await suite.run();
    console.log(`\n${suite.name}`);
    console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })));
    const path = join(resultsFolder, `${suite.name}.json`);
    const record = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      figures,
    };
    await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`→ ${path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
