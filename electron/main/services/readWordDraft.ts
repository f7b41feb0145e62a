import { basename, extname } from 'node:path';
import { AppError } from '../../../shared/errorCodes';
import { parseDocument } from '../../../shared/documentSchema';
import type { DocumentNodeJson } from '../../../shared/documentJson';
import type { MediaInfo } from '../../../shared/mediaModel';
import type { WordDraft, WordImportProgress } from '../../../shared/wordImportModel';
import { storedExtensions, sniffImageType } from '../media/sniffImageType';
import { decodeLegacyRuns } from './decodeLegacyRuns';
import type { DocxImage } from './docxModel';
import { countPictures, docxToBlocks } from './docxToBlocks';
import { guessTitleAndSapo } from './guessTitleAndSapo';
import { mapHeadingLevels } from './mapHeadingLevels';
import { readDocxDocument } from './readDocxDocument';

export interface ReadWordDraftOptions {
  /** Stores one picture in the library (MediaStore.importImage: the photo checks apply); an `invalid-image` refusal skips it. */
  importImage: (input: { bytes: Uint8Array; fileName: string }) => Promise<MediaInfo>;
  /** Told how far reading has got. */
  onProgress?: (progress: WordImportProgress) => void;
}

/** The draft and the photos stored for it (announced by the caller). */
export interface ReadWordDraftResult {
  draft: WordDraft;
  photos: MediaInfo[];
}

/** The name a picture is stored under: the document's name and its place, with the extension its bytes have. */
function pictureFileName(documentName: string, index: number, bytes: Uint8Array, contentType: string | undefined): string {
  const stem = basename(documentName, extname(documentName)).slice(0, 80) || 'word';
  const sniffed = sniffImageType(bytes);
  const extension = sniffed === null ? (/^image\/(?:x-)?([a-z0-9]+)$/iu.exec(contentType ?? '')?.[1] ?? 'bin') : storedExtensions[sniffed];
  return `${stem}-anh-${index}.${extension.toLowerCase()}`;
}

/**
 * Reads a Word file into an article draft (see WordDraft): refusals first (readDocxDocument), then legacy-font text to
 * Unicode before anything else reads it, the body built from the schema's nodes only, each picture stored as a photo
 * (one that is refused, such as EMF/WMF, is left out with a notice), the title and sapo guessed, the headings
 * leveled, and the body checked against the document schema as a save would check it.
 */
export async function readWordDraft(fileName: string, bytes: Buffer, options: ReadWordDraftOptions): Promise<ReadWordDraftResult> {
  const shownName = basename(fileName.replaceAll('\\', '/')).normalize('NFC');
  options.onProgress?.({ stage: 'reading' });
  const document = await readDocxDocument(bytes);
  const legacyRuns = decodeLegacyRuns(document);
  const total = countPictures(document);
  const photos: MediaInfo[] = [];
  const notices: string[] = [];
  let done = 0;
  let skippedPictures = 0;
  const skip = (index: number, reason: string) => {
    skippedPictures += 1;
    notices.push(`Bỏ qua ảnh thứ ${index}: ${reason}`);
  };
  if (total > 0) options.onProgress?.({ stage: 'photos', done, total });
  const importPicture = async (image: DocxImage) => {
    const index = done + 1;
    try {
      let pictureBytes: Buffer;
      try {
        pictureBytes = await image.readAsBuffer();
      } catch {
        skip(index, 'không đọc được ảnh trong tệp (ảnh hỏng hoặc chỉ là liên kết tới tệp bên ngoài).');
        return null;
      }
      try {
        const photo = await options.importImage({
          bytes: pictureBytes,
          fileName: pictureFileName(shownName, index, pictureBytes, image.contentType),
        });
        photos.push(photo);
        return { mediaId: photo.id };
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'invalid-image') throw error;
        skip(index, `${error.message}.`);
        return null;
      }
    } finally {
      done += 1;
      options.onProgress?.({ stage: 'photos', done, total });
    }
  };
  const { blocks, counts } = await docxToBlocks(document, importPicture);
  if (blocks.length === 0) {
    throw new AppError('invalid-word-file', 'Tệp Word không có chữ hay ảnh nào để nhập.');
  }
  const guess = guessTitleAndSapo(blocks);
  const titleBlock: DocumentNodeJson | null =
    guess.titleBlock?.type === 'heading' ? { ...guess.titleBlock, attrs: { ...guess.titleBlock.attrs, level: 2 } } : guess.titleBlock;
  const bodyBlocks = mapHeadingLevels(guess.body);
  const body: DocumentNodeJson = { type: 'doc', content: bodyBlocks.length > 0 ? bodyBlocks : [{ type: 'paragraph' }] };
  // Checked as a save checks it: a body the editor could not hold is refused here, before anything is shown.
  for (const checked of [
    body,
    ...[titleBlock, guess.sapoBlock].map((block) => (block === null ? null : { type: 'doc', content: [block] })),
  ]) {
    if (checked !== null) parseDocument(checked);
  }
  const taken = (guess.titleBlock === null ? 0 : 1) + (guess.sapoBlock === null ? 0 : 1);
  const headingsTaken = guess.titleBlock?.type === 'heading' ? 1 : 0;
  return {
    photos,
    draft: {
      fileName: shownName,
      title: guess.title,
      sapo: guess.sapo,
      titleBlock,
      sapoBlock: guess.sapoBlock,
      body,
      summary: {
        paragraphs: counts.paragraphs - (taken - headingsTaken),
        headings: counts.headings - headingsTaken,
        listItems: counts.listItems,
        photos: counts.photos,
        tables: counts.tables,
        skippedPictures,
        legacyRuns,
      },
      notices,
    },
  };
}
