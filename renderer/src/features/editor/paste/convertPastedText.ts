import { decodeLegacy } from '../../../../../shared/legacyEncodings/decodeLegacy';
import { detectLegacyEncoding } from '../../../../../shared/legacyEncodings/detectLegacyEncoding';
import type { LegacyConversion } from './convertLegacyText';

/**
 * Plain pasted text (Ctrl+Shift+V, a one-line field, a clipboard with no HTML) converted to Unicode when its words are
 * legacy Vietnamese: plain text names no font, so the encoding is found by scoring. Paragraphs are its lines.
 */
export function convertPastedText(text: string): { text: string; legacy: LegacyConversion | null } {
  const guess = detectLegacyEncoding({ text });
  if (guess === null) return { text, legacy: null };
  const lines = text.split(/(\r\n?|\n)/u);
  let paragraphs = 0;
  const converted = lines.map((line, index) => {
    // Odd places hold the line breaks themselves.
    if (index % 2 === 1) return line;
    const decoded = decodeLegacy(line, guess.encoding);
    if (decoded !== line.normalize('NFC')) paragraphs += 1;
    return decoded;
  });
  return paragraphs === 0 ? { text, legacy: null } : { text: converted.join(''), legacy: { encodings: [guess.encoding], paragraphs } };
}
