import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { replaceMatches, type FindOptions } from '../../../../../shared/findMatches';
import { useMessages } from '../../../i18n/MessagesContext';
import { fieldChange, fieldElement, fieldKeys, selectInField, type ArticleFields, type FieldPart } from '../text/articleFieldTexts';
import { revealInBody } from '../text/revealInBody';
import { findHighlightsKey, findHighlightsPlugin, setFindHighlights } from './findHighlights';
import { findInArticle, isAtOrAfter, placeOf, type ArticleMatch, type BodyMatch, type FieldMatch } from './findInArticle';
import { replaceInBody } from './replaceInBody';

export interface FindBarProps {
  editor: Editor | null;
  fields: ArticleFields;
  onFieldsChange: (changes: Partial<ArticleFields>) => void;
  /** Approved or published text (or a move on its way): found, never replaced. */
  locked: boolean;
  /** Ctrl+H: the replace row shown. */
  replaceShown: boolean;
  onReplaceShownChange: (shown: boolean) => void;
  /** The text to look for when the bar opens (the selection's). */
  initialQuery: string;
  /** Bumped by each Ctrl+F or Ctrl+H while open: the query box takes the focus again, its text selected. */
  focusRequest: number;
  /** Esc or ×: the bar closes; `place` is where the current match is, for the focus to go to. */
  onClose: (place: ArticleMatch | null) => void;
}

/** How long a pause in typing in the body waits before the matches are found again. */
const refindDelayMs = 200;

const isBody = (match: ArticleMatch): match is BodyMatch => match.part === 'body';
const fieldParts = Object.keys(fieldKeys) as FieldPart[];

/**
 * Find and replace over the whole article (Ctrl+F, Ctrl+H): title, sapo, body and captions, byline, a typed credit.
 * Enter or F3 goes to the next match, Shift with them to the previous (both wrap); Esc closes and gives the focus back.
 * Matches are highlighted in the body by a plugin and counted on each field; replacing in the body is one undo step.
 */
export function FindBar(props: FindBarProps) {
  const { editor, fields, onFieldsChange, locked, replaceShown, onReplaceShownChange, initialQuery, focusRequest, onClose } = props;
  const messages = useMessages();
  const [query, setQuery] = useState(initialQuery);
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, wholeWord: false, ignoreDiacritics: false });
  const [docVersion, setDocVersion] = useState(0);
  const [current, setCurrent] = useState(0);
  const [notice, setNotice] = useState('');
  const queryRef = useRef<HTMLInputElement>(null);
  // After a replacement: the next match is the first one from where the replaced text ended.
  const resumeAt = useRef<[number, number] | null>(null);
  // Whether the next matches found should be brought into view (a new query, not an edit of the body).
  const revealNext = useRef(true);

  // The query box never waits for the search: on a long article each letter typed is searched once typing lets it.
  const searched = useDeferredValue(query);
  const matches = useMemo(
    () => (editor === null || editor.isDestroyed ? [] : findInArticle(fields, editor.state.doc, searched, options)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- docVersion stands for the editor's document, read here unseen by React
    [editor, fields, searched, options, docVersion],
  );
  const currentIndex = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);
  const currentMatch = currentIndex >= 0 ? matches[currentIndex]! : null;

  useEffect(() => {
    const input = queryRef.current;
    input?.focus();
    input?.select();
  }, [focusRequest]);

  // The body's highlights live while the bar is open.
  useEffect(() => {
    if (editor === null || editor.isDestroyed) return;
    editor.registerPlugin(findHighlightsPlugin());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refind = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setDocVersion((version) => version + 1), refindDelayMs);
    };
    editor.on('update', refind);
    return () => {
      clearTimeout(timer);
      editor.off('update', refind);
      if (!editor.isDestroyed) editor.unregisterPlugin(findHighlightsKey);
    };
  }, [editor]);

  // A replacement moves on to the next match after it; anything else keeps the current one in range.
  useEffect(() => {
    const resume = resumeAt.current;
    if (resume === null) return;
    resumeAt.current = null;
    const next = matches.findIndex((match) => isAtOrAfter(placeOf(match), resume));
    setCurrent(next < 0 ? 0 : next);
  }, [matches]);

  useEffect(() => {
    if (editor === null || editor.isDestroyed) return;
    const body = matches.filter(isBody);
    const inBody = currentMatch !== null && isBody(currentMatch) ? body.indexOf(currentMatch) : -1;
    editor.view.dispatch(setFindHighlights(editor.state.tr, body, inBody));
  }, [editor, matches, currentMatch]);

  // Each field shows how many matches it holds, and whether the current one is in it.
  useEffect(() => {
    for (const part of fieldParts) {
      const holder = fieldElement(part)?.closest<HTMLElement>('.field');
      if (holder === null || holder === undefined) continue;
      const count = matches.filter((match) => match.part === part).length;
      if (count > 0) holder.dataset.findCount = messages.find.fieldCount(count);
      else delete holder.dataset.findCount;
      holder.classList.toggle('find-field-current', currentMatch !== null && currentMatch.part === part);
    }
  }, [matches, currentMatch, messages]);
  useEffect(
    () => () => {
      for (const part of fieldParts) {
        const holder = fieldElement(part)?.closest<HTMLElement>('.field');
        if (holder === null || holder === undefined) continue;
        delete holder.dataset.findCount;
        holder.classList.remove('find-field-current');
      }
    },
    [],
  );

  const reveal = useCallback(
    (match: ArticleMatch | null) => {
      if (match === null) return;
      if (isBody(match)) {
        if (editor !== null) revealInBody(editor, match.from, match.to, false);
      } else {
        fieldElement(match.part)?.scrollIntoView?.({ block: 'center' });
      }
    },
    [editor],
  );

  // A new query or option shows its first match.
  useEffect(() => {
    if (!revealNext.current) return;
    revealNext.current = false;
    reveal(currentMatch);
  }, [currentMatch, reveal]);

  const go = useCallback(
    (step: 1 | -1) => {
      if (matches.length === 0) return;
      const next = (currentIndex + step + matches.length) % matches.length;
      setCurrent(next);
      setNotice('');
      reveal(matches[next]!);
    },
    [matches, currentIndex, reveal],
  );

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'F3' || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      go(event.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go]);

  const changeFields = (changed: FieldMatch[], text: string) => {
    const changes: Partial<ArticleFields> = {};
    for (const part of fieldParts) {
      const inPart = changed.filter((match) => match.part === part);
      if (inPart.length > 0) Object.assign(changes, fieldChange(part, replaceMatches(fields[fieldKeys[part]], inPart, text)));
    }
    if (Object.keys(changes).length > 0) onFieldsChange(changes);
  };

  const replaceOne = () => {
    if (locked || currentMatch === null || editor === null) return;
    const text = replacement.normalize('NFC');
    const [rank, offset] = placeOf(currentMatch);
    resumeAt.current = [rank, offset + text.length];
    if (isBody(currentMatch)) replaceInBody(editor, [currentMatch], text);
    else changeFields([currentMatch], text);
    setDocVersion((version) => version + 1);
    setNotice(messages.find.replaced(1));
  };

  const replaceAll = () => {
    if (locked || matches.length === 0 || editor === null) return;
    const text = replacement.normalize('NFC');
    replaceInBody(editor, matches.filter(isBody), text);
    changeFields(
      matches.filter((match): match is FieldMatch => !isBody(match)),
      text,
    );
    setDocVersion((version) => version + 1);
    setCurrent(0);
    setNotice(messages.find.replaced(matches.length));
  };

  const close = () => onClose(currentMatch);

  const onQueryKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      go(event.shiftKey ? -1 : 1);
    }
  };
  const onReplaceKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) replaceAll();
      else replaceOne();
    }
  };
  const onBarKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    // Alt+C, Alt+W, Alt+D toggle the options without leaving the query.
    const option = event.altKey && !event.ctrlKey && !event.metaKey ? optionKeys[event.code] : undefined;
    if (option !== undefined) {
      event.preventDefault();
      toggle(option);
    }
  };

  const toggle = (option: keyof FindOptions) => {
    revealNext.current = true;
    setCurrent(0);
    setOptions((previous) => ({ ...previous, [option]: !previous[option] }));
  };

  const count =
    query === ''
      ? ''
      : matches.length === 0
        ? messages.find.none
        : messages.find.position(currentIndex + 1, matches.length, messages.numberLocale);
  const where = currentMatch === null ? '' : messages.find.where[currentMatch.part];

  return (
    <div className="find-bar" role="search" aria-label={messages.find.title} onKeyDown={onBarKeyDown}>
      <div className="find-row">
        <input
          ref={queryRef}
          type="text"
          className="find-query"
          aria-label={messages.find.query}
          placeholder={messages.find.query}
          value={query}
          spellCheck={false}
          onChange={(event) => {
            revealNext.current = true;
            setCurrent(0);
            setNotice('');
            setQuery(event.target.value);
          }}
          onKeyDown={onQueryKeyDown}
        />
        <span className="find-count" aria-live="polite" title={where}>
          {count}
        </span>
        <button
          type="button"
          className="button button-small"
          onClick={() => go(-1)}
          disabled={matches.length === 0}
          title="Shift+Enter, Shift+F3"
        >
          {messages.find.previous}
        </button>
        <button type="button" className="button button-small" onClick={() => go(1)} disabled={matches.length === 0} title="Enter, F3">
          {messages.find.next}
        </button>
        <button type="button" className="button button-small button-ghost" onClick={close} aria-label={messages.find.close} title="Esc">
          ×
        </button>
      </div>
      <div className="find-options">
        {(['matchCase', 'wholeWord', 'ignoreDiacritics'] as const).map((option) => (
          <label key={option} className="checkbox" title={messages.find.optionHint[option]}>
            <input type="checkbox" checked={options[option]} onChange={() => toggle(option)} />
            {messages.find.options[option]}
          </label>
        ))}
        {!replaceShown && (
          <button type="button" className="button button-small button-ghost" onClick={() => onReplaceShownChange(true)} title="Ctrl+H">
            {messages.find.showReplace}
          </button>
        )}
      </div>
      {replaceShown && (
        <div className="find-row">
          <input
            type="text"
            className="find-replacement"
            aria-label={messages.find.replacement}
            placeholder={messages.find.replacement}
            value={replacement}
            spellCheck={false}
            disabled={locked}
            onChange={(event) => setReplacement(event.target.value)}
            onKeyDown={onReplaceKeyDown}
          />
          <button
            type="button"
            className="button button-small"
            onClick={replaceOne}
            disabled={locked || currentMatch === null}
            title="Enter"
          >
            {messages.find.replaceOne}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={replaceAll}
            disabled={locked || matches.length === 0}
            title="Ctrl+Enter"
          >
            {messages.find.replaceAll}
          </button>
        </div>
      )}
      {replaceShown && locked && <p className="find-notice muted">{messages.find.locked}</p>}
      {notice !== '' && (
        <p className="find-notice muted" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}

const optionKeys: Record<string, keyof FindOptions | undefined> = { KeyC: 'matchCase', KeyW: 'wholeWord', KeyD: 'ignoreDiacritics' };

/** Where the focus goes when the bar closes on a match: the match itself, selected, in the body or its field. */
export function focusMatch(editor: Editor | null, match: ArticleMatch): void {
  if (isBody(match)) {
    if (editor !== null) revealInBody(editor, match.from, match.to, true);
  } else {
    selectInField(match.part, match.start, match.end);
  }
}
