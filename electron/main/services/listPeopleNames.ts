import type { ArticleSummary } from '../../../shared/articleModel';

/** Bylines and photo credits used in the library, most used first, for completion ("Văn Đốc, Minh Anh" counts each). */
export function listPeopleNames(summaries: readonly ArticleSummary[]): string[] {
  const uses = new Map<string, { name: string; count: number }>();
  const count = (raw: string) => {
    const name = raw.trim().normalize('NFC');
    if (name === '') return;
    const key = name.toLocaleLowerCase('vi');
    const entry = uses.get(key) ?? { name, count: 0 };
    entry.count += 1;
    uses.set(key, entry);
  };
  for (const summary of summaries) {
    count(summary.bylineName);
    for (const credit of summary.photoCredit.split(',')) count(credit);
  }
  return [...uses.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi')).map((entry) => entry.name);
}
