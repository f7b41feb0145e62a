import type { ArticleSummary } from '../../../../shared/articleModel';
import { bylineText } from '../../../../shared/creditLines';
import { foldForSearch, matchRanges } from '../../../../shared/foldForSearch';
import type { SearchHighlight } from '../../../../shared/searchModel';
import { useMessages } from '../../i18n/MessagesContext';
import { formatDateTime, formatTimeAndDay } from '../../lib/formatDateTime';
import { holderLine, lastActorLine, personLabel } from '../../lib/workflowText';
import { highlightText } from './highlightText';

export interface ArticleRowProps {
  summary: ArticleSummary;
  /** Title ranges and snippet from main, for the best hits. */
  highlight: SearchHighlight | undefined;
  /** The folded query words while searching; rows without a highlight mark their title with them. */
  words: readonly string[] | null;
  scope: 'active' | 'trash';
  active: boolean;
  /** 1-based position among all rows (the header is row 1), for assistive technology: only a window is in the DOM. */
  rowIndex: number;
  onOpen: (id: string) => void;
  onDuplicate: (summary: ArticleSummary) => void;
  onTrash: (summary: ArticleSummary) => void;
  onRestore: (summary: ArticleSummary) => void;
  /** A received package and this copy both changed it: "Có xung đột", with a button to settle it. */
  conflicted?: boolean;
  onResolveConflict?: (id: string) => void;
  /** Whether the row is among those chosen for "Xuất các bài đã chọn…" (with onSelect: a checkbox leads the row). */
  selected?: boolean;
  /** The row's checkbox, or a Ctrl/Cmd- or Shift-click on the row: `range` extends from the last row chosen, else toggles. */
  onSelect?: (id: string, range: boolean) => void;
}

/** A click that chooses rows rather than acting: Ctrl (Cmd on a Mac) or Shift held. */
function selectingClick(event: MouseEvent): boolean {
  return event.ctrlKey || event.metaKey || event.shiftKey;
}

/** One article in the list: title (with search highlights and a snippet), status, byline, last change and by whom, actions. */
export function ArticleRow({
  summary,
  highlight,
  words,
  scope,
  active,
  rowIndex,
  onOpen,
  onDuplicate,
  onTrash,
  onRestore,
  conflicted = false,
  onResolveConflict,
  selected = false,
  onSelect,
}: ArticleRowProps) {
  const messages = useMessages();
  const titleRanges = highlight?.titleRanges ?? (words === null ? [] : matchRanges(foldForSearch(summary.title), words));
  const title = summary.title === '' ? messages.untitled : highlightText(summary.title, titleRanges);
  const label = summary.title || messages.untitled;
  const lastActor = lastActorLine(messages, summary);
  const { updatedBy } = summary;
  return (
    <div
      className={active ? 'article-row article-row-active' : 'article-row'}
      role="row"
      aria-rowindex={rowIndex}
      aria-current={active ? 'true' : undefined}
      onClick={(event) => {
        // Only a modified click on the row's text: its buttons and checkbox do their own work.
        if (onSelect === undefined || !selectingClick(event.nativeEvent)) return;
        if ((event.target as HTMLElement).closest('button, input, a') !== null) return;
        event.preventDefault();
        onSelect(summary.id, event.shiftKey);
      }}
    >
      {onSelect !== undefined && (
        <div className="cell-select" role="cell">
          <input
            type="checkbox"
            checked={selected}
            aria-label={messages.batchExport.selectArticle(label)}
            onChange={(event) => onSelect(summary.id, (event.nativeEvent as MouseEvent).shiftKey === true)}
          />
        </div>
      )}
      <div className="cell-title" role="cell">
        {scope === 'active' ? (
          <button
            type="button"
            className="title-link"
            onClick={(event) => {
              // Ctrl/Cmd- or Shift-click chooses the row, as in a file list; a plain click opens it, as before.
              if (onSelect !== undefined && selectingClick(event.nativeEvent)) onSelect(summary.id, event.shiftKey);
              else onOpen(summary.id);
            }}
            aria-label={label}
            title={label}
          >
            {title}
          </button>
        ) : (
          <span className="title-text" title={label}>
            {title}
          </span>
        )}
        {conflicted && scope === 'active' && (
          <p className="row-conflict">
            <span className="conflict-badge">{messages.conflicts.badge}</span>
            {onResolveConflict !== undefined && (
              <button
                type="button"
                className="link-button"
                onClick={() => onResolveConflict(summary.id)}
                aria-label={`${messages.conflicts.resolve}: ${label}`}
              >
                {messages.conflicts.resolve}
              </button>
            )}
          </p>
        )}
        {highlight?.snippet != null && <p className="snippet">{highlightText(highlight.snippet.text, highlight.snippet.ranges)}</p>}
      </div>
      <div className="cell-status" role="cell">
        <span className={`status status-${summary.status}`}>{messages.status[summary.status]}</span>
        {lastActor !== null && (
          <span className="status-holder" title={holderLine(messages, summary) ?? undefined}>
            {lastActor}
          </span>
        )}
      </div>
      <div className="cell-byline" role="cell">
        {bylineText(summary.bylineRole, summary.bylineName)}
      </div>
      <div className="cell-date" role="cell">
        {formatDateTime(summary.updatedAt)}
        {updatedBy !== null && (
          <span
            className="updated-by"
            title={messages.updatedByLine(personLabel(messages, updatedBy), formatTimeAndDay(summary.updatedAt))}
          >
            {updatedBy.name}
          </span>
        )}
      </div>
      <div className="cell-actions" role="cell">
        {scope === 'active' ? (
          <>
            <button type="button" className="button button-small" onClick={() => onDuplicate(summary)}>
              {messages.duplicate}
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => onTrash(summary)}
              aria-label={`${messages.moveToTrash}: ${label}`}
            >
              {messages.moveToTrash}
            </button>
          </>
        ) : (
          <button type="button" className="button button-small" onClick={() => onRestore(summary)}>
            {messages.restore}
          </button>
        )}
      </div>
    </div>
  );
}
