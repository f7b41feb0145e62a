/** A syllable's tone: ngang (no mark), then huyền, hỏi, ngã, sắc, nặng. */
export type Tone = 'level' | 'grave' | 'hook' | 'tilde' | 'acute' | 'dot';

/** The five marked tones in the order TCVN 5712 and VNI list them: huyền, hỏi, ngã, sắc, nặng. */
export const markedTones = ['grave', 'hook', 'tilde', 'acute', 'dot'] as const satisfies readonly Tone[];

/** The combining mark of each marked tone. */
const toneMarks: Record<Exclude<Tone, 'level'>, string> = {
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  acute: '\u0301',
  dot: '\u0323',
};

/** The twelve Vietnamese vowel letters without a tone mark. */
export const vietnameseVowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

/** A vowel letter with a tone, precomposed ("ô" + sắc → "ố"); the case follows the vowel's. */
export function withTone(vowel: string, tone: Tone): string {
  return tone === 'level' ? vowel : (vowel + toneMarks[tone]).normalize('NFC');
}

/** Every lower-case Vietnamese letter outside ASCII: the vowels with each tone (the six bare ASCII vowels aside), and đ. */
function lowerCaseLetterForms(): string[] {
  const forms = vietnameseVowels.flatMap((vowel) => (['level', ...markedTones] as const).map((tone) => withTone(vowel, tone)));
  return [...forms.filter((form) => form.charCodeAt(0) > 0x7f), 'đ'];
}

/** The 134 Vietnamese letter forms outside ASCII, generated rather than listed: 67 lower-case, then their capitals. */
export const vietnameseLetterForms: readonly string[] = (() => {
  const lower = lowerCaseLetterForms();
  return [...lower, ...lower.map((letter) => letter.toUpperCase())];
})();

/** Each lower-case letter with a tone mark, as its toneless letter and its tone ("ố" → "ô", sắc). */
const tonedLetters: ReadonlyMap<string, { base: string; tone: Tone }> = new Map(
  vietnameseVowels.flatMap((vowel) => markedTones.map((tone) => [withTone(vowel, tone), { base: vowel, tone }] as const)),
);

/** Splits a lower-case NFC letter into its toneless letter and its tone; any other character comes back whole, level. */
export function splitTone(letter: string): { base: string; tone: Tone } {
  return tonedLetters.get(letter) ?? { base: letter, tone: 'level' };
}
