import { legacyTables, type LegacyEncoding } from './LegacyEncoding';

/**
 * Converts text in a legacy encoding (as Windows-1252 characters, the way it is pasted or read from a .doc/.docx) to
 * Unicode NFC: "Héi nghÞ" in TCVN3 is "Hội nghị". One pass, character by character, taking the longest sequence the
 * table knows at each place; what the table does not know is kept as it is.
 */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  // One pass, never chained replacements: what a sequence gives is never read again (VNI's "aø" gives "à", which a
  // second pass would take for the mark of "ầ"; TCVN3's "¸" gives "á", itself TCVN3's "ỏ").
  const table = legacyTables[encoding];
  const parts: string[] = [];
  let index = 0;
  while (index < text.length) {
    const next = text[index + 1];
    if (text[index] === '\\' && next !== undefined && table.escapable.has(next)) {
      parts.push(next);
      index += 2;
      continue;
    }
    let letter: string | undefined;
    let matched = 1;
    for (let length = Math.min(table.longest, text.length - index); length > 0 && letter === undefined; length--) {
      letter = table.decode.get(text.slice(index, index + length));
      matched = length;
    }
    parts.push(letter ?? text[index]!);
    index += letter === undefined ? 1 : matched;
  }
  return parts.join('').normalize('NFC');
}
