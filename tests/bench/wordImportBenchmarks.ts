import { fork } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeLegacy } from '../../shared/legacyEncodings/encodeLegacy';
import { seedArticleParts } from '../fixtures/seedArticle';
import { buildDocx, type DocxParagraph } from '../support/docxFixtures';
import { cameraJpegs } from './mediaBenchmarks';
import type { WordImportReport } from './wordImportProcess';

const pages = 50;
/** A page of 13-point Times New Roman with headings and a list holds about 500 words. */
const wordsPerPage = 500;
const pictureCount = 20;
const runs = 3;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const megabytes = (bytes: number) => round(bytes / 1024 / 1024);
const wordsIn = (text: string) => text.split(/\s+/u).filter((word) => word !== '').length;

/** The text in TCVN3, or null when it holds a character the lower-case .VnTime font cannot write (a capital with a tone). */
function tcvn3(text: string): string | null {
  try {
    return encodeLegacy(text, 'tcvn3');
  } catch {
    return null;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * A reporter's long Word file: 50 pages of about 500 words (the seed article's paragraphs over and over), each page
 * under a subheading with a three-item list (one item nested), a camera photo with its caption on 20 of the pages,
 * and one paragraph in .VnTime (TCVN3) every ten pages, as old material pasted into a newer document brings.
 */
export async function fiftyPageDocx(): Promise<{ bytes: Buffer; words: number; pictureMegabytes: number }> {
  const { title, sapo, paragraphs } = seedArticleParts();
  const photos = await cameraJpegs(pictureCount, 30);
  const blocks: DocxParagraph[] = [{ style: 'Heading1', parts: [{ text: title }] }, { parts: [{ text: sapo }] }];
  let words = wordsIn(title) + wordsIn(sapo);
  let next = 0;
  const paragraph = () => paragraphs[next++ % paragraphs.length]!;
  const upcoming = () => paragraphs[next % paragraphs.length]!;
  for (let page = 0; page < pages; page += 1) {
    const pageStart = words;
    const heading = `Phần ${page + 1}: ${paragraph().split(/\s+/u).slice(0, 8).join(' ')}`;
    blocks.push({ style: 'Heading2', parts: [{ text: heading }] });
    words += wordsIn(heading);
    const items = [paragraph(), paragraph(), paragraph()].map((text) => text.split(/\s+/u).slice(0, 15).join(' '));
    items.forEach((text, index) => {
      blocks.push({ list: { numId: page % 2 === 0 ? 1 : 2, level: index === 1 ? 1 : 0 }, parts: [{ text }] });
      words += wordsIn(text);
    });
    // Photos on pages 0, 2, 5, 7, 10…: 20 of the 50.
    if (page % 5 === 0 || page % 5 === 2) {
      const name = `anh-${page}`;
      blocks.push({ parts: [{ picture: name }] }, { style: 'Caption', parts: [{ text: `Ảnh minh họa trang ${page + 1}` }] });
      words += 5;
    }
    // Whole paragraphs while they fit on the page (the seed's are 65 to 190 words long).
    while (words - pageStart + wordsIn(upcoming()) <= wordsPerPage) {
      const text = paragraph();
      const legacy = page % 10 === 9 && words - pageStart < 60 ? tcvn3(text) : null;
      blocks.push({
        parts: legacy !== null ? [{ text: legacy, font: '.VnTime' }] : [{ text: text.slice(0, 40), bold: true }, { text: text.slice(40) }],
      });
      words += wordsIn(text);
    }
  }
  const pictures: Record<string, { bytes: Uint8Array; extension: string }> = {};
  let photo = 0;
  for (let page = 0; page < pages; page += 1) {
    if (page % 5 === 0 || page % 5 === 2) pictures[`anh-${page}`] = { bytes: photos[photo++]!, extension: 'jpeg' };
  }
  const pictureBytes = photos.reduce((sum, bytes) => sum + bytes.byteLength, 0);
  return { bytes: buildDocx({ blocks, pictures }), words, pictureMegabytes: megabytes(pictureBytes / photos.length) };
}

function importInFreshProcess(dataDirectory: string, wordPath: string): Promise<WordImportReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./wordImportProcess.ts', import.meta.url)), [dataDirectory, wordPath], {
      execArgv: ['--import', 'tsx'],
    });
    let report: WordImportReport | undefined;
    child.on('message', (message) => {
      report = message as WordImportReport;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      report !== undefined && code === 0 ? resolve(report) : reject(new Error(`word import process exited with ${code}`)),
    );
  });
}

/**
 * "Nhập từ Word…" of a 50-page .docx (about 25,000 words in paragraphs, subheadings and lists) with 20 camera photos
 * (12 megapixels, 5–6 MB each, as a camera gives them: Word keeps them so when picture compression is off): the file
 * read into a draft and the article created, each run in a fresh process on a fresh library (photos are stored once
 * per library, so a second import into the same one would skip their work): time (median of 3) and peak resident memory.
 */
export async function benchmarkWordImport(): Promise<Record<string, number>> {
  const folder = await mkdtemp(join(tmpdir(), 'banthao-bench-word-'));
  try {
    const loadAtStart = loadavg()[0]!;
    const document = await fiftyPageDocx();
    const wordPath = join(folder, 'Bai dai 50 trang.docx');
    await writeFile(wordPath, document.bytes);
    const reports: WordImportReport[] = [];
    for (let run = 0; run < runs; run += 1) reports.push(await importInFreshProcess(join(folder, `data-${run}`), wordPath));
    const first = reports[0]!;
    if (reports.some((report) => report.photos !== pictureCount || report.skippedPictures !== 0)) {
      throw new Error(`expected ${pictureCount} photos imported, got ${reports.map((report) => report.photos).join(', ')}`);
    }
    return {
      documentWords: document.words,
      documentParagraphs: first.paragraphs,
      documentHeadings: first.headings,
      documentListItems: first.listItems,
      documentPhotos: first.photos,
      photoJpegMegabytes: document.pictureMegabytes,
      docxMegabytes: megabytes((await stat(wordPath)).size),
      importMedianMs: Math.round(median(reports.map((report) => report.totalMs))),
      importMinimumMs: Math.round(Math.min(...reports.map((report) => report.totalMs))),
      importMaximumMs: Math.round(Math.max(...reports.map((report) => report.totalMs))),
      readMedianMs: Math.round(median(reports.map((report) => report.readMs))),
      createMedianMs: round(median(reports.map((report) => report.createMs))),
      rssBeforeMegabytes: megabytes(median(reports.map((report) => report.rssBefore))),
      peakRssMegabytes: megabytes(Math.max(...reports.map((report) => report.peakRss))),
      loadAverageStart: round(loadAtStart, 2),
      loadAverageEnd: round(loadavg()[0]!, 2),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
