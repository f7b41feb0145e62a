import { foldVietnamese } from './foldVietnamese';

/** A file-name-safe slug from a title: "Hội nghị “Sơ kết”" → "hoi-nghi-so-ket". */
export function slugify(text: string, maximumLength = 80): string {
  const slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut at the last whole word that fits: "…-6-thang-cuoi-nam" never becomes "…-6-thang-c".
  const cut = slug.length <= maximumLength ? slug : slug.slice(0, maximumLength + 1).replace(/-[^-]*$/, '');
  return cut.length > 0 ? cut : 'bai-viet';
}
