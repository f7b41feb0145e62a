import { slugify } from './slugify';

/**
 * The name every export form gives an article's file: its title's slug and the extension ("docx" or ".docx"), or
 * the bare slug for a folder (`extension` ''). "Hội nghị sơ kết…" → "hoi-nghi-so-ket….html".
 */
export function exportFileName(article: { title: string }, extension: string): string {
  const bare = extension.replace(/^\.+/, '');
  return bare === '' ? slugify(article.title) : `${slugify(article.title)}.${bare}`;
}
