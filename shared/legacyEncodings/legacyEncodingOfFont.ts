import type { LegacyEncoding } from './LegacyEncoding';

/**
 * The legacy encoding a font name implies, or null: the ABC fonts (".VnTime", ".VnArial" …) are TCVN3, their upper-case
 * twins end in H (".VnTimeH", ".VnArial NarrowH"); "VNI-Times", "VNI-Helve" … are VNI-Windows. Quotes around a CSS
 * font-family name are ignored.
 */
export function legacyEncodingOfFont(fontName: string): LegacyEncoding | null {
  const name = fontName
    .trim()
    .replace(/^(['"])(.*)\1$/u, '$2')
    .trim();
  if (/^\.vn/iu.test(name)) return name.endsWith('H') ? 'tcvn3Upper' : 'tcvn3';
  if (/^vni[-\s]/iu.test(name)) return 'vni';
  return null;
}
