import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../../shared/articleModel';
import { useMessages } from '../../i18n/MessagesContext';
import { ArticleRow } from './ArticleRow';
import type { SearchHighlight } from '../../../../shared/searchModel';

export interface ArticleListProps {
  rows: readonly ArticleSummary[];
  highlights: ReadonlyMap<string, SearchHighlight>;
  words: readonly string[] | null;
  scope: 'active' | 'trash';
  onOpen: (id: string) => void;
  onDuplicate: (summary: ArticleSummary) => void;
  onTrash: (summary: ArticleSummary) => void;
  onRestore: (summary: ArticleSummary) => void;
  /** The articles with a conflict waiting to be settled, and what their "Giải quyết xung đột" does. */
  conflicted?: ReadonlySet<string>;
  onResolveConflict?: (id: string) => void;
  /**
   * The rows chosen for "Xuất các bài đã chọn…"; with onSelect each row leads with a checkbox and the header with
   * "Chọn tất cả". Space toggles the current row, Ctrl+A (Cmd+A) chooses every row shown.
   */
  selected?: ReadonlySet<string>;
  onSelect?: (id: string, range: boolean) => void;
  /** Every row shown chosen (`true`), or none (`false`). */
  onSelectAll?: (all: boolean) => void;
}

const rowHeight = 58;
const rowWithSnippetHeight = 92;
const assumedRect = { width: 1000, height: 700 };

/**
 * The articles as a virtualized list: only the rows in view (plus a few) are in the DOM, so 10,000 articles scroll
 * as smoothly as 10. Arrow keys, Home/End and Page keys move the current row; Enter opens it, Delete trashes it.
 */
export function ArticleList(props: ArticleListProps) {
  const { rows, highlights, words, scope, onOpen, onDuplicate, onTrash, onRestore, conflicted, onResolveConflict } = props;
  const { selected, onSelect, onSelectAll } = props;
  const allSelected = selected !== undefined && rows.length > 0 && rows.every((row) => selected.has(row.id));
  const someSelected = selected !== undefined && !allSelected && rows.some((row) => selected.has(row.id));
  const messages = useMessages();
  const scrollElement = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement.current,
    estimateSize: (index) => (highlights.get(rows[index]?.id ?? '')?.snippet != null ? rowWithSnippetHeight : rowHeight),
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
    // An element without layout (first paint, jsdom) reports 0×0: assume a window-sized list rather than none.
    initialRect: assumedRect,
    observeElementRect: (instance, callback) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : assumedRect)),
  });

  // New rows (a search, a sort) restart at the top; sizes depend on snippets, so measure again.
  useEffect(() => {
    setActiveIndex(0);
    virtualizer.measure();
  }, [rows, highlights, virtualizer]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageSize = Math.max(1, Math.floor((scrollElement.current?.clientHeight || 700) / rowHeight) - 1);
    const current = rows[activeIndex];
    const onControl = (event.target as HTMLElement).tagName === 'BUTTON' || (event.target as HTMLElement).tagName === 'INPUT';
    if (onSelectAll !== undefined && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectAll(true);
      return;
    }
    if (onSelect !== undefined && event.key === ' ' && !onControl && current !== undefined) {
      event.preventDefault();
      onSelect(current.id, event.shiftKey);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex - 1);
        break;
      case 'PageDown':
        moveTo(activeIndex + pageSize);
        break;
      case 'PageUp':
        moveTo(activeIndex - pageSize);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
        // A focused button handles its own Enter.
        if (current === undefined || (event.target as HTMLElement).tagName === 'BUTTON') return;
        if (scope === 'active') onOpen(current.id);
        else onRestore(current);
        break;
      case 'Delete':
        if (current === undefined || scope !== 'active') return;
        onTrash(current);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      className={onSelect === undefined ? 'article-list' : 'article-list article-list-selectable'}
      ref={scrollElement}
      tabIndex={0}
      role="table"
      aria-rowcount={rows.length + 1}
      aria-label={messages.articleList}
      onKeyDown={onKeyDown}
    >
      <div className="article-list-header" role="row" aria-rowindex={1}>
        {onSelect !== undefined && (
          <span role="columnheader">
            <input
              type="checkbox"
              checked={allSelected}
              ref={(input) => {
                if (input !== null) input.indeterminate = someSelected;
              }}
              aria-label={messages.batchExport.selectAll}
              title={messages.batchExport.selectionHint}
              onChange={() => onSelectAll?.(!allSelected)}
            />
          </span>
        )}
        <span role="columnheader">{messages.columnTitle}</span>
        <span role="columnheader">{messages.columnStatus}</span>
        <span role="columnheader">{messages.columnByline}</span>
        <span role="columnheader">{messages.columnUpdated}</span>
        <span role="columnheader">
          <span className="visually-hidden">{messages.columnActions}</span>
        </span>
      </div>
      <div className="article-list-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              className="article-list-slot"
              role="presentation"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              <ArticleRow
                summary={row}
                highlight={highlights.get(row.id)}
                words={words}
                scope={scope}
                active={item.index === activeIndex}
                rowIndex={item.index + 2}
                onOpen={onOpen}
                onDuplicate={onDuplicate}
                onTrash={onTrash}
                onRestore={onRestore}
                conflicted={conflicted?.has(row.id) ?? false}
                onResolveConflict={onResolveConflict}
                selected={selected?.has(row.id) ?? false}
                onSelect={onSelect}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
