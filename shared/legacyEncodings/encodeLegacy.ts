import { legacyTables, type LegacyEncoding } from './LegacyEncoding';
import { fromWindows1252Byte } from './windows1252';

/** What an 8-bit font can hold: the characters of Windows-1252's 256 bytes. */
const windows1252Characters: ReadonlySet<string> = new Set(Array.from({ length: 256 }, (_, byte) => fromWindows1252Byte(byte)));

/** Thrown when a character cannot be written in the chosen encoding (a capital with a tone in TCVN3's lower-case fonts). */
export class UnencodableCharacterError extends Error {
  constructor(
    readonly character: string,
    readonly encoding: LegacyEncoding,
  ) {
    super(`"${character}" cannot be written in ${encoding}`);
    this.name = 'UnencodableCharacterError';
  }
}

/**
 * Writes Unicode text in a legacy encoding (as Windows-1252 characters), so that decodeLegacy gives it back: the other
 * half of the round-trip tests, and a way to make legacy samples. Characters the encoding has no use for are kept as
 * they are (for the 8-bit fonts, only Windows-1252's); one the decoder would misread is escaped (VIQR), and one an
 * encoding cannot hold is refused with an UnencodableCharacterError.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = legacyTables[encoding];
  const parts: string[] = [];
  // Whether the last part is a character kept as itself that a backslash could still escape (VIQR's "d" before "dd").
  let lastEscapable = false;
  for (const character of text.normalize('NFC')) {
    const sequence = table.encode.get(character);
    const piece = sequence ?? character;
    const joins = joinsPrevious(parts, piece[0]!, table.prefixes, table.longest);
    if (sequence !== undefined) {
      if (joins && lastEscapable) parts[parts.length - 1] = `\\${parts[parts.length - 1]}`;
      else if (joins) throw new UnencodableCharacterError(character, encoding);
      parts.push(sequence);
      lastEscapable = false;
      continue;
    }
    if (table.literals === 'windows1252' && !windows1252Characters.has(character)) throw new UnencodableCharacterError(character, encoding);
    const misread = joins || table.decode.has(character) || character === '\\';
    if (misread && !table.escapable.has(character)) throw new UnencodableCharacterError(character, encoding);
    parts.push(misread ? `\\${character}` : character);
    lastEscapable = !misread && table.escapable.has(character);
  }
  return parts.join('');
}

/** Whether the decoder, starting a sequence at one of the last parts, could read on into `next` (parts begin its matches). */
function joinsPrevious(parts: readonly string[], next: string, prefixes: ReadonlySet<string>, longest: number): boolean {
  let suffix = '';
  for (let index = parts.length - 1; index >= 0; index--) {
    suffix = parts[index]! + suffix;
    if (suffix.length >= longest) return false;
    if (prefixes.has(suffix + next)) return true;
  }
  return false;
}
