import type { BylineRole } from './articleModel';
import { assertNever } from './assertNever';

/** "Tin: Ngọc Sơn" or "Tin và ảnh: Ngọc Sơn"; empty when no name was given. */
export function bylineText(role: BylineRole, name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  switch (role) {
    case 'news':
      return `Tin: ${trimmed}`;
    case 'newsAndPhotos':
      return `Tin và ảnh: ${trimmed}`;
    default:
      return assertNever(role);
  }
}

/** "Ảnh: Văn Đốc"; empty when there is no credit or the byline already says the author took the photos. */
export function photoCreditText(role: BylineRole, credit: string): string {
  const trimmed = credit.trim();
  if (trimmed === '' || role === 'newsAndPhotos') return '';
  return `Ảnh: ${trimmed}`;
}
