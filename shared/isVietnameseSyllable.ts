import { splitTone, type Tone } from './vietnameseLetters';

// A written Vietnamese syllable is an onset, then a rhyme: an optional medial (o, u), a vowel nucleus and an optional
// coda, with one tone. The tables list the spellings of the rhyme's start (medial and nucleus) with the codas each takes.

/** The written onsets; "qu" and "gi" are spellings of their own. */
const onsets = ['', ...'b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x'.split(' ')];

/** Codas as written; "-" is an open syllable. */
type CodaList = string;

/** Medial and nucleus after every onset but qu, with the codas each takes. */
const nuclei: Readonly<Record<string, CodaList>> = {
  a: '- c ch i m n ng nh o p t u y',
  ă: 'c m n ng p t',
  â: 'c m n ng p t u y',
  e: '- c m n ng o p t',
  ê: '- ch m n nh p t u',
  i: '- ch m n nh p t u',
  y: '-',
  ia: '-',
  iê: 'c m n ng p t u',
  yê: 'c m n ng p t u',
  o: '- c i m n ng p t',
  oo: 'c ng',
  ô: '- c i m n ng p t',
  ơ: '- i m n p t u',
  u: '- c i m n ng p t',
  ua: '-',
  uô: 'c i m n ng t',
  ư: '- c i m n ng t u',
  ưa: '-',
  ươ: 'c i m n ng p t u',
  oa: '- c ch i m n ng nh p t y',
  oă: 'c m n ng t',
  oe: '- n o t',
  uâ: 'c n ng t y',
  uê: '- ch n nh t u',
  uy: '- ch nh p t u',
  uyê: 'n t',
  uya: '-',
  uơ: '-',
};

/** After qu, whose u is the medial: the nucleus with its codas. */
const nucleiAfterQu: Readonly<Record<string, CodaList>> = {
  a: '- c ch i m n ng nh p t u y',
  ă: 'c m n ng t',
  â: 'c n ng t y',
  e: '- n o t',
  ê: '- ch n nh t u',
  y: '- ch nh p t u',
  i: '- ch nh p t u',
  yê: 'n t',
  ơ: '-',
  ô: 'c',
};

/** Each table as nucleus → the set of its codas ("" for none). */
function codaSets(table: Readonly<Record<string, CodaList>>): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(
    Object.entries(table).map(([nucleus, codas]) => [nucleus, new Set(codas.split(' ').map((coda) => (coda === '-' ? '' : coda)))]),
  );
}

const codasByNucleus = codaSets(nuclei);
const codasAfterQu = codaSets(nucleiAfterQu);

/** Stop codas, which take only the sắc and nặng tones. */
const stopCodas = new Set(['c', 'ch', 'p', 't']);
/** The front vowels before which k, gh, ngh are written, and c, g, ng are not. */
const frontVowels = new Set(['e', 'ê', 'i', 'y']);
/** Rhyme starts with a medial, which c never takes (Vietnamese writes qu). */
const medialNuclei = new Set(['oa', 'oă', 'oe', 'uâ', 'uê', 'uy', 'uyê', 'uya', 'uơ']);

/**
 * Whether a word is one well-spelt Vietnamese syllable (NFC or not, any case): an onset, a rhyme from the tables, one
 * tone, the stop codas c, ch, p, t only with sắc or nặng, and the spelling rules (k, gh, ngh before e, ê, i; qu; gi).
 * "người" passes; "nguời", "hôij", "ngiã" do not. Loan words and names may well fail.
 */
export function isVietnameseSyllable(word: string): boolean {
  let tone: Tone = 'level';
  let plain = '';
  for (const letter of word.normalize('NFC').toLowerCase()) {
    const split = splitTone(letter);
    if (split.tone !== 'level') {
      if (tone !== 'level') return false;
      tone = split.tone;
    }
    plain += split.base;
  }
  return onsets.some((onset) => plain.startsWith(onset) && fitsOnset(onset, plain.slice(onset.length), tone));
}

/** Whether what follows an onset is a rhyme that onset may take. */
function fitsOnset(onset: string, rhyme: string, tone: Tone): boolean {
  const front = frontVowels.has(rhyme.charAt(0));
  switch (onset) {
    case 'qu':
      return fitsRhyme(rhyme, codasAfterQu, tone, () => true);
    case 'gi':
      // "giếng" is gi + iêng with the i written once; "gì", "gìn" are g + i (tried with the onset g).
      return (
        !/^[iy]/u.test(rhyme) &&
        (fitsRhyme(rhyme, codasByNucleus, tone, withOnset) || fitsRhyme(`i${rhyme}`, codasByNucleus, tone, withOnset))
      );
    case 'k':
      return front && fitsRhyme(rhyme, codasByNucleus, tone, withOnset);
    case 'gh':
    case 'ngh':
      return front && rhyme.charAt(0) !== 'y' && fitsRhyme(rhyme, codasByNucleus, tone, withOnset);
    case 'g':
      return (!front || rhyme.charAt(0) === 'i') && fitsRhyme(rhyme, codasByNucleus, tone, withOnset);
    case 'c':
      return !front && fitsRhyme(rhyme, codasByNucleus, tone, (nucleus) => !medialNuclei.has(nucleus) && withOnset(nucleus));
    case 'ng':
      return !front && fitsRhyme(rhyme, codasByNucleus, tone, withOnset);
    case '':
      // Without an onset, iê is written yê ("yên"); ia stays ("ỉa").
      return fitsRhyme(rhyme, codasByNucleus, tone, (nucleus) => nucleus !== 'iê');
    default:
      return fitsRhyme(rhyme, codasByNucleus, tone, withOnset);
  }
}

/** After an onset, iê is written with i ("tiên"), never y. */
function withOnset(nucleus: string): boolean {
  return nucleus !== 'yê';
}

/** Whether the rhyme splits into a nucleus the table allows and one of its codas, the tone fitting the coda. */
function fitsRhyme(
  rhyme: string,
  table: ReadonlyMap<string, ReadonlySet<string>>,
  tone: Tone,
  allowed: (nucleus: string) => boolean,
): boolean {
  for (let length = 1; length <= rhyme.length; length++) {
    const nucleus = rhyme.slice(0, length);
    const coda = rhyme.slice(length);
    if (table.get(nucleus)?.has(coda) !== true || !allowed(nucleus)) continue;
    if (!stopCodas.has(coda) || tone === 'acute' || tone === 'dot') return true;
  }
  return false;
}
