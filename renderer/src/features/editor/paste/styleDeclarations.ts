/**
 * A style attribute's declarations by lower-case property name, values trimmed and without "!important". Read by hand:
 * Word's properties (mso-list, mso-bidi-font-weight) and its legacy font names must be seen as written, which a
 * browser's CSS parser does not promise.
 */
export function styleDeclarations(style: string | null): Map<string, string> {
  const declarations = new Map<string, string>();
  if (style === null) return declarations;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important\s*$/iu, '')
      .trim();
    if (name !== '') declarations.set(name, value);
  }
  return declarations;
}

/** The first family of a font-family value, unquoted: the font the text was set in where it was copied. */
export function firstFontFamily(value: string): string {
  const first = /^\s*(?:"([^"]*)"|'([^']*)'|([^,]*))/u.exec(value);
  return (first?.[1] ?? first?.[2] ?? first?.[3] ?? '').trim();
}
