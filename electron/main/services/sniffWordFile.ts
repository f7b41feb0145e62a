/** What a file's first bytes say it is, before any parser sees it. */
export type WordFileKind = 'docx' | 'encrypted-docx' | 'binary-doc' | 'other';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const compoundFileMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Office keeps a password-protected .docx in a Compound File whose stream of that name holds the encrypted zip.
const encryptedPackageName = Buffer.from('EncryptedPackage', 'utf16le');

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.byteLength >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

/**
 * Tells a .docx (a zip) from what Word users also call a Word file: a Compound File (OLE2) is either a
 * password-protected .docx (it holds an "EncryptedPackage" stream) or an old binary .doc. Anything else is not Word's.
 */
export function sniffWordFile(bytes: Uint8Array): WordFileKind {
  if (startsWith(bytes, zipMagic)) return 'docx';
  if (!startsWith(bytes, compoundFileMagic)) return 'other';
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(encryptedPackageName) ? 'encrypted-docx' : 'binary-doc';
}
