/** One legacy encoding as sequences of Windows-1252 characters (see windows1252.ts) and the Unicode letters they stand for. */
export interface LegacyTable {
  /** Legacy sequence → Unicode letter; several sequences may stand for one letter. */
  decode: ReadonlyMap<string, string>;
  /** Unicode letter → the one sequence written for it. */
  encode: ReadonlyMap<string, string>;
  /** The longest sequence in `decode`: how far the decoder looks ahead. */
  longest: number;
  /** Every beginning of a sequence in `decode`: what the encoder checks before writing a character as itself. */
  prefixes: ReadonlySet<string>;
  /** Characters that a backslash before makes literal (VIQR); empty for the 8-bit encodings. */
  escapable: ReadonlySet<string>;
  /** Which characters the encoder may write as themselves: an 8-bit font has only Windows-1252's. */
  literals: 'windows1252' | 'any';
}

/** What a table is made of: the sequence written for each letter, and sequences only read (another case of a mark). */
export interface LegacyTableEntries {
  written: Iterable<readonly [letter: string, sequence: string]>;
  alsoRead?: Iterable<readonly [sequence: string, letter: string]>;
  escapable?: string;
  literals?: 'windows1252' | 'any';
}

/** Builds a table, refusing a sequence given two meanings: a wrong row must fail at load, not garble text. */
export function buildLegacyTable({ written, alsoRead = [], escapable = '', literals = 'windows1252' }: LegacyTableEntries): LegacyTable {
  const decode = new Map<string, string>();
  const encode = new Map<string, string>();
  const read = (sequence: string, letter: string) => {
    const earlier = decode.get(sequence);
    if (earlier !== undefined && earlier !== letter) throw new Error(`legacy sequence ${sequence} read as both ${earlier} and ${letter}`);
    decode.set(sequence, letter);
  };
  for (const [letter, sequence] of written) {
    if (encode.has(letter)) throw new Error(`legacy table writes ${letter} twice`);
    encode.set(letter, sequence);
    if (sequence !== letter) read(sequence, letter);
  }
  for (const [sequence, letter] of alsoRead) read(sequence, letter);
  const sequences = [...decode.keys()];
  const longest = Math.max(1, ...sequences.map((sequence) => sequence.length));
  const prefixes = new Set(sequences.flatMap((sequence) => [...sequence].map((_, index) => sequence.slice(0, index + 1))));
  return { decode, encode, longest, prefixes, escapable: new Set(escapable), literals };
}
