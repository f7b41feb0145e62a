/** A name as the user meant it: outer spaces trimmed, inner runs of spaces made one, Unicode NFC. */
function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * The key two spellings of one person share: case only. Diacritics are kept on purpose: "Văn Đốc" and "văn đốc"
 * are one person, but "Van Doc" may well be someone else, and merging them would credit the wrong photographer.
 */
function personKey(name: string): string {
  return cleanName(name).toLowerCase();
}

/**
 * The article's photo credit composed from its photos' credits: each photographer once, in order of first
 * appearance, spelled as first written, joined with ", " ("Văn Đốc, Minh Anh"). Empty credits are skipped;
 * '' when no photo has a credit.
 */
export function composePhotoCredit(credits: readonly string[]): string {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const credit of credits) {
    const name = cleanName(credit);
    if (name === '' || seen.has(personKey(name))) continue;
    seen.add(personKey(name));
    names.push(name);
  }
  return names.join(', ');
}

/**
 * True when the byline's author took every photo (at least one, each credited to that same name, case aside),
 * so the article may close with "Tin và ảnh: X". A photo without a credit is not known to be the author's.
 */
export function photosAllBy(bylineName: string, credits: readonly string[]): boolean {
  const author = personKey(bylineName);
  return author !== '' && credits.length > 0 && credits.every((credit) => personKey(credit) === author);
}
