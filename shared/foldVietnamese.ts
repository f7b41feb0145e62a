/** Lower-cases and strips Vietnamese diacritics ("Hội nghị" → "hoi nghi", "đ" → "d") for search and slugs. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
