import { mediaLimits } from '../../../../../shared/mediaLimits';

/** A picture whose bytes came inside the pasted HTML (a data: URL), to import as a photo. */
export interface EmbeddedImage {
  fileName: string;
  type: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The raster formats the photo import takes, by MIME type, with the extension a file of each gets. */
const importedTypes: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Takes every <img> out of the pasted HTML. A picture whose bytes the HTML carries (data:image/…;base64) is returned
 * for import as a photo; any other (a web address, a local file Word points to) is counted and left out: a pasted
 * picture is never fetched, and the editor has no place for a picture that is not in the library.
 */
export function takePastedImages(root: Element): { embedded: EmbeddedImage[]; dropped: number } {
  const embedded: EmbeddedImage[] = [];
  let dropped = 0;
  for (const image of [...root.querySelectorAll('img')]) {
    const picture = embeddedImageOf(image.getAttribute('src') ?? '', embedded.length + 1);
    if (picture === null) dropped += 1;
    else embedded.push(picture);
    image.remove();
  }
  return { embedded, dropped };
}

function embeddedImageOf(source: string, number: number): EmbeddedImage | null {
  const match = /^\s*data:(image\/[a-z]+);base64,([a-z0-9+/=\s]*)$/iu.exec(source);
  const type = match?.[1]?.toLowerCase();
  const extension = type === undefined ? undefined : importedTypes[type];
  if (match === null || type === undefined || extension === undefined) return null;
  const base64 = match[2]!.replace(/\s+/gu, '');
  // Checked before decoding: a 200 MB picture must not be decoded just to be refused.
  if (base64.length === 0 || (base64.length * 3) / 4 > mediaLimits.maximumBytes) return null;
  try {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return { fileName: `anh-dan-${number}.${extension}`, type, bytes };
  } catch {
    return null;
  }
}
