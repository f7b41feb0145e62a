import { foldVietnamese } from './foldVietnamese';

/** A file-name-safe slug from a title: "Hội nghị “Sơ kết”" → "hoi-nghi-so-ket". */
export function slugify(text: string, maximumLength = 80): string {
  const slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.slice(0, maximumLength).replace(/-+$/g, '');
  return cut.length > 0 ? cut : 'bai-viet';
}
