import type { Readable } from 'node:stream';
import { Packer, type Document } from 'docx';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { escapeHtml } from '../../../shared/escapeHtml';

/** What the packed document says about itself: its title, and the time it stands for (the article's last change). */
export interface DocxPackOptions {
  readonly title: string;
  readonly modifiedAt: Date;
}

const documentPart = 'word/document.xml';
const documentRelationships = 'word/_rels/document.xml.rels';

/** docProps/core.xml with fixed dates: the docx package stamps its own with the time of packing. */
function coreProperties({ title, modifiedAt }: DocxPackOptions): string {
  const stamp = modifiedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const dates = ['created', 'modified'].map((name) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${stamp}</dcterms:${name}>`);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    title === '' ? '' : `<dc:title>${escapeHtml(title)}</dc:title>`,
    ...dates,
    '</cp:coreProperties>',
  ].join('');
}

function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Every part of a zip the docx package wrote, in its order. */
async function unpack(bytes: Buffer): Promise<[string, Buffer][]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  const parts: [string, Buffer][] = [];
  for (const entry of entries) parts.push([entry.fileName, await readAll(await zip.openReadStreamPromise(entry))]);
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The hyperlinks' relationship ids renamed `link1`, `link2`… in reading order: the docx package draws them at random,
 * which would make every export of the same article differ.
 */
function numberHyperlinks(parts: [string, Buffer][]): void {
  const document = parts.find(([name]) => name === documentPart);
  const relationships = parts.find(([name]) => name === documentRelationships);
  if (document === undefined || relationships === undefined) return;
  let documentXml = document[1].toString('utf8');
  let relationshipsXml = relationships[1].toString('utf8');
  const ids = [...documentXml.matchAll(/<w:hyperlink\b[^>]*\br:id="([^"]+)"/g)].map((match) => match[1]!);
  [...new Set(ids)].forEach((id, index) => {
    const pattern = new RegExp(`"${escapeRegExp(id)}"`, 'g');
    documentXml = documentXml.replace(pattern, `"link${index + 1}"`);
    relationshipsXml = relationshipsXml.replace(pattern, `"link${index + 1}"`);
  });
  document[1] = Buffer.from(documentXml, 'utf8');
  relationships[1] = Buffer.from(relationshipsXml, 'utf8');
}

/**
 * `date` as the zip's DOS time should show it: its UTC clock time. yazl writes DOS times in local time, which would
 * give other bytes in another time zone; DOS times carry no zone anyway.
 */
function utcClockTime(date: Date): Date {
  return new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

/**
 * The document as .docx bytes that are the same for the same document on any machine: core properties dated
 * `modifiedAt`, hyperlink ids numbered, and the zip rewritten with every entry's time set to `modifiedAt` in UTC and
 * no extended timestamp (the docx package stamps the time of packing, and offers no way to fix it).
 */
export async function packDocx(document: Document, options: DocxPackOptions): Promise<Buffer> {
  const packed = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(options) }]);
  const parts = await unpack(packed);
  numberHyperlinks(parts);
  const zip = new ZipFile();
  const mtime = utcClockTime(options.modifiedAt);
  for (const [name, bytes] of parts) zip.addBuffer(bytes, name, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
  zip.end();
  return readAll(zip.outputStream as Readable);
}
