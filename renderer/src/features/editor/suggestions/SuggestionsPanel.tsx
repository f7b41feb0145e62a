import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useMessages } from '../../../i18n/MessagesContext';
import type { Messages } from '../../../i18n/messages';
import { pendingSuggestions, type PendingSuggestion } from './pendingSuggestions';
import { acceptAllSuggestions, acceptSuggestion, rejectAllSuggestions, rejectSuggestion } from './trackChanges';

const quoteLength = 60;

function shortened(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > quoteLength ? `${flat.slice(0, quoteLength - 1)}…` : flat;
}

/** What a suggestion does, in one line. */
export function describeSuggestion(messages: Messages, suggestion: PendingSuggestion): string {
  const { inserted, deleted } = suggestion;
  if (inserted !== '' && inserted === deleted) return messages.suggestions.formatted;
  if (inserted !== '' && deleted !== '') return messages.suggestions.replaced(shortened(deleted), shortened(inserted));
  if (inserted !== '') return messages.suggestions.inserted(shortened(inserted));
  if (deleted !== '') return messages.suggestions.deleted(shortened(deleted));
  return suggestion.formatting ? messages.suggestions.formatted : messages.suggestions.newParagraph;
}

function bylineOf(messages: Messages, suggestion: PendingSuggestion): string {
  const person = suggestion.authorName ?? messages.suggestions.unknownAuthor;
  if (suggestion.at === null) return person;
  const when = new Date(suggestion.at).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' });
  return messages.suggestions.byline(person, when);
}

/**
 * The body's pending suggestions in reading order, each with "Chấp nhận" and "Từ chối", and both for all at once.
 * Shown only while there are any. Buttons never take the focus from the body (like the toolbar's), and each choice
 * is one step of the body's undo history.
 */
export function SuggestionsPanel({ editor }: { editor: Editor }) {
  const messages = useMessages();
  const suggestions = useEditorState({
    editor,
    selector: ({ editor: current }) => pendingSuggestions(current.state.doc),
    equalityFn: (a, b) => b !== null && JSON.stringify(a) === JSON.stringify(b),
  });
  if (suggestions.length === 0) return null;

  const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();
  return (
    <section className="suggestions-panel" aria-label={messages.suggestions.title}>
      <header className="suggestions-header">
        <h3 className="suggestions-title">
          {messages.suggestions.title} <span className="muted">{messages.suggestions.pendingCount(suggestions.length)}</span>
        </h3>
        <div className="suggestions-all">
          <button type="button" className="button button-small" onMouseDown={keepFocus} onClick={() => acceptAllSuggestions(editor)}>
            {messages.suggestions.acceptAll}
          </button>
          <button type="button" className="button button-small" onMouseDown={keepFocus} onClick={() => rejectAllSuggestions(editor)}>
            {messages.suggestions.rejectAll}
          </button>
        </div>
      </header>
      <ol className="suggestions-list" aria-label={messages.suggestions.listLabel}>
        {suggestions.map((suggestion) => {
          const description = describeSuggestion(messages, suggestion);
          return (
            <li key={String(suggestion.id)} className="suggestion-item">
              <span className="suggestion-description">{description}</span>
              <span className="muted suggestion-byline">{bylineOf(messages, suggestion)}</span>
              <span className="suggestion-actions">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`${messages.suggestions.accept}: ${description}`}
                  onMouseDown={keepFocus}
                  onClick={() => acceptSuggestion(editor, suggestion.id)}
                >
                  {messages.suggestions.accept}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`${messages.suggestions.reject}: ${description}`}
                  onMouseDown={keepFocus}
                  onClick={() => rejectSuggestion(editor, suggestion.id)}
                >
                  {messages.suggestions.reject}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
