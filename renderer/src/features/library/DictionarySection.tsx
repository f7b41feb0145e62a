import { useEffect, useMemo, useState } from 'react';
import type { DictionaryEntry } from '../../../../shared/spelling/dictionaryModel';
import { spellingKey } from '../../../../shared/spelling/findMisspellings';
import { Toast, useToast } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';

/** Past this many words the list gets a filter box. */
const filterAbove = 20;

// The Vietnamese order: "Đ" after "D", tones in dictionary order; one collator, built once.
const wordCollator = new Intl.Collator('vi', { sensitivity: 'base' });

function sorted(entries: readonly DictionaryEntry[]): DictionaryEntry[] {
  return [...entries].sort((a, b) => wordCollator.compare(a.word, b.word) || a.word.localeCompare(b.word, 'vi'));
}

/**
 * "Từ điển chính tả" in Cài đặt: the library's dictionary words, each with "Xóa" (undone from the toast by adding the
 * word again), so a word added by mistake can be taken back; an editor opened afterwards underlines it again. Its
 * toast is its own: the page's toast sits behind the modal dialog.
 */
export function DictionarySection() {
  const messages = useMessages();
  const [entries, setEntries] = useState<DictionaryEntry[] | null>(null);
  const [filter, setFilter] = useState('');
  const { toast, show: showToast, dismiss } = useToast();

  useEffect(() => {
    let current = true;
    api.dictionaryList({}).then(
      (listed) => current && setEntries(sorted(listed)),
      (error: unknown) => {
        if (!current) return;
        setEntries([]);
        showToast({ text: describeError(messages, error), tone: 'error' });
      },
    );
    return () => {
      current = false;
    };
  }, [messages, showToast]);

  const shown = useMemo(() => {
    const wanted = spellingKey(filter.trim());
    return (entries ?? []).filter((entry) => wanted === '' || spellingKey(entry.word).includes(wanted));
  }, [entries, filter]);

  const restore = (word: string) => {
    api.dictionaryAdd({ word }).then(
      (entry) =>
        setEntries((current) => sorted([...(current ?? []).filter((listed) => spellingKey(listed.word) !== spellingKey(word)), entry])),
      (error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' }),
    );
  };

  const remove = (word: string) => {
    api.dictionaryRemove({ word }).then(
      () => {
        setEntries((current) => (current ?? []).filter((listed) => listed.word !== word));
        showToast({ text: messages.spelling.removed(word), tone: 'info', action: { label: messages.undo, run: () => restore(word) } });
      },
      (error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' }),
    );
  };

  return (
    <fieldset className="settings-section dictionary-section">
      <legend>{messages.spelling.dictionarySection}</legend>
      <p className="muted">{messages.spelling.dictionaryHint}</p>
      {entries !== null && entries.length === 0 && <p className="muted">{messages.spelling.dictionaryEmpty}</p>}
      {entries !== null && entries.length > filterAbove && (
        <label className="field">
          <span className="field-label">
            {messages.spelling.dictionaryFilter} ({messages.spelling.dictionaryCount(entries.length)})
          </span>
          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            // Enter filters; it must not submit the settings form around it.
            onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
          />
        </label>
      )}
      {entries !== null && entries.length > 0 && shown.length === 0 && <p className="muted">{messages.spelling.dictionaryNoMatch}</p>}
      {shown.length > 0 && (
        <ul className="dictionary-words" aria-label={messages.spelling.dictionarySection}>
          {shown.map((entry) => (
            <li key={entry.word}>
              <span className="dictionary-word" lang="vi">
                {entry.word}
              </span>
              {entry.addedBy !== null && <small className="muted">{messages.spelling.dictionaryAddedBy(entry.addedBy.name)}</small>}
              <button
                type="button"
                className="button button-small"
                aria-label={messages.spelling.removeWordLabel(entry.word)}
                onClick={() => remove(entry.word)}
              >
                {messages.spelling.removeWord}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Toast toast={toast} onDismiss={dismiss} />
    </fieldset>
  );
}
