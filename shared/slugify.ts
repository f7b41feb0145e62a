import { foldVietnamese } from './foldVietnamese';

// Names Windows keeps for devices, with any extension: "con.html" or a folder "nul" cannot be created there.
const windowsReservedNames = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * A file-name-safe slug from a title: "Hội nghị “Sơ kết”" → "hoi-nghi-so-ket". Only a-z, 0-9 and inner hyphens (so
 * never a trailing dot or space), at most `maximumLength` characters cut after a whole word, never a Windows device
 * name ("Con" → "bai-con"), and "bai-viet" when nothing is left.
 */
export function slugify(text: string, maximumLength = 80): string {
  // Ð/ð (Icelandic eth) stand in for Đ/đ in text from some old converters and fonts.
  const slug = foldVietnamese(text.replace(/[Ðð]/g, 'd'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut after the last whole word that fits: "…-6-thang-cuoi-nam" never becomes "…-6-thang-c"; one longer word is cut.
  const words = slug.slice(0, maximumLength + 1).replace(/-[^-]*$/, '');
  const bounded = slug.length <= maximumLength ? slug : words.length <= maximumLength ? words : slug.slice(0, maximumLength);
  if (bounded.length === 0) return 'bai-viet';
  return windowsReservedNames.test(bounded) ? `bai-${bounded}` : bounded;
}
