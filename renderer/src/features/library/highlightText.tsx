import type { ReactNode } from 'react';
import type { HighlightRange } from '../../../../shared/searchModel';

/** The text with each range wrapped in <mark>; ranges come from main, in UTF-16 offsets of this same text. */
export function highlightText(text: string, ranges: readonly HighlightRange[]): ReactNode {
  if (ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let position = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < position || end > text.length) continue;
    if (start > position) parts.push(text.slice(position, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    position = end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return parts;
}
