import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/errorCodes';
import type { DocxDocument } from './docxModel';
import { numberWordLists } from './numberWordLists';
import { readDocxParts } from './readDocxParts';
import { readParagraphNumIds } from './readParagraphNumIds';
import { readWordNumbering } from './readWordNumbering';
import { sniffWordFile } from './sniffWordFile';

/** What a .docx may unpack to: its text part, and everything together (pictures included). */
const documentPartMaximumBytes = 100 * 1024 * 1024;
const unpackedMaximumBytes = 1024 * 1024 * 1024;
/** Word's list definitions take kilobytes; a numbering part past this is not read (lists then start at 1). */
const numberingPartMaximumBytes = 4 * 1024 * 1024;

export const wordFileMessages = {
  encrypted:
    'Tệp Word này được bảo vệ bằng mật khẩu. ' +
    'Hãy mở tệp trong Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu) rồi lưu lại và nhập lại.',
  binaryDoc:
    'Đây là tệp Word kiểu cũ (.doc), Bản Thảo chưa đọc được. ' +
    'Hãy mở tệp trong Word, chọn Lưu thành (Save As) kiểu “Tài liệu Word (*.docx)” rồi nhập tệp .docx đó.',
  notWord: 'Tệp này không phải tệp Word (.docx).',
  corrupt: 'Tệp Word bị hỏng hoặc không đầy đủ: không đọc được nội dung của nó. Hãy thử mở tệp trong Word và lưu lại.',
  notDocument: 'Tệp nén này không phải tài liệu Word: không có phần nội dung word/document.xml.',
  tooLarge: 'Tệp Word này giải nén ra quá lớn để nhập (hơn 1 GB, hoặc phần chữ hơn 100 MB).',
  empty: 'Tệp rỗng (0 byte).',
} as const;

function refuse(message: string, cause?: unknown): AppError {
  return new AppError('invalid-word-file', message, cause === undefined ? undefined : { cause });
}

/** The entries' names and the sizes their headers declare, read from the zip's central directory without unpacking. */
async function listEntries(bytes: Buffer): Promise<{ name: string; size: number }[]> {
  let zip: yauzl.ZipFile;
  try {
    // Lazily: the listeners are in place before the first entry is read.
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true });
  } catch (cause) {
    throw refuse(wordFileMessages.corrupt, cause);
  }
  return new Promise((resolve, reject) => {
    const entries: { name: string; size: number }[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push({ name: entry.fileName, size: entry.uncompressedSize });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (cause: Error) => reject(refuse(wordFileMessages.corrupt, cause)));
    zip.readEntry();
  });
}

/**
 * Reads a Word file's bytes into mammoth's document model, refusing with a Vietnamese sentence what is not a .docx: a
 * password-protected one, an old binary .doc, something else, a damaged zip, or one that would unpack too large (the
 * sizes its directory declares are checked before mammoth unpacks anything). Mammoth's HTML is never made: the model
 * is taken from `transformDocument` and the conversion stopped there.
 */
export async function readDocxDocument(bytes: Buffer): Promise<DocxDocument> {
  if (bytes.byteLength === 0) throw refuse(wordFileMessages.empty);
  const kind = sniffWordFile(bytes);
  if (kind === 'encrypted-docx') throw refuse(wordFileMessages.encrypted);
  if (kind === 'binary-doc') throw refuse(wordFileMessages.binaryDoc);
  if (kind === 'other') throw refuse(wordFileMessages.notWord);
  const entries = await listEntries(bytes);
  const documentPart = entries.find((entry) => entry.name === 'word/document.xml');
  if (documentPart === undefined) throw refuse(wordFileMessages.notDocument);
  const unpacked = entries.reduce((total, entry) => total + entry.size, 0);
  if (documentPart.size > documentPartMaximumBytes || unpacked > unpackedMaximumBytes) throw refuse(wordFileMessages.tooLarge);
  let captured: DocxDocument | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        // No picture or file outside the document is ever read.
        externalFileAccess: false,
        transformDocument: (document: DocxDocument) => {
          captured = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (cause) {
    throw refuse(wordFileMessages.corrupt, cause);
  }
  if (captured === null) throw refuse(wordFileMessages.corrupt);
  await numberLists(bytes, captured);
  return captured;
}

/** Mammoth's model has neither w:start nor numIds: they are read from the parts themselves, only for numbered lists. */
async function numberLists(bytes: Buffer, document: DocxDocument): Promise<void> {
  if (!document.children.some((element) => element.type === 'paragraph' && element.numbering?.isOrdered === true)) return;
  const parts = await readDocxParts(
    bytes,
    new Map([
      ['word/document.xml', documentPartMaximumBytes],
      ['word/numbering.xml', numberingPartMaximumBytes],
    ]),
  );
  const documentXml = parts.get('word/document.xml');
  const numberingXml = parts.get('word/numbering.xml');
  if (documentXml === undefined || numberingXml === undefined) return;
  numberWordLists(document, readParagraphNumIds(documentXml), readWordNumbering(numberingXml));
}
