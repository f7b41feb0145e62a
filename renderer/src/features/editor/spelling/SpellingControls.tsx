import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { ToneStyle } from '../../../../../shared/placeToneMarks';
import { spellingKey } from '../../../../../shared/spelling/findMisspellings';
import { suggestSpellings } from '../../../../../shared/spelling/suggestSpellings';
import { useMessages } from '../../../i18n/MessagesContext';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describeError';
import { setSpellingMenuHandler } from './Spelling';
import { SpellingMenu } from './SpellingMenu';
import { addKnownWords, misspellingsOf, setSpellingEnabled, type MisspelledWord } from './spellingPlugin';
import { wordsOfDocument } from './wordsOfDocument';

/** Words "Bỏ qua" set aside, per article, until the app closes. */
const ignoredByArticle = new Map<string, Set<string>>();

export interface SpellingControlsProps {
  editor: Editor;
  /** Whose library words and ignored words apply (none: the dictionary only). */
  articleId?: string;
  /** Approved or published text: the menu offers no replacement. */
  readOnly: boolean;
}

/**
 * The spell check's controls under the body: the on/off switch (Cài đặt remembers it) with how many words look
 * misspelled, and the context menu of a misspelled word. Feeds the check its known words: the library's dictionary,
 * the words other articles use (names, loan words) and the words ignored in this article.
 */
export function SpellingControls({ editor, articleId, readOnly }: SpellingControlsProps) {
  const messages = useMessages();
  const [enabled, setEnabled] = useState(true);
  const [toneStyle, setToneStyle] = useState<ToneStyle>('old');
  const [menu, setMenu] = useState<{ word: MisspelledWord; place: { left: number; top: number } } | null>(null);
  const [count, setCount] = useState(0);
  const [notice, setNotice] = useState('');
  // The dictionary's and the library's words, for suggestions close to them ("emai" → "email").
  const knownRef = useRef(new Set<string>());

  const learn = useCallback(
    (words: readonly string[]) => {
      if (editor.isDestroyed) return;
      for (const word of words) knownRef.current.add(spellingKey(word));
      addKnownWords(editor.view, words);
    },
    [editor],
  );

  useEffect(() => {
    setSpellingMenuHandler(editor, (word, place) => setMenu({ word, place }));
    return () => setSpellingMenuHandler(editor, null);
  }, [editor]);

  useEffect(() => {
    let current = true;
    const failed = (error: unknown) => current && setNotice(describeError(messages, error));
    if (articleId !== undefined) learn([...(ignoredByArticle.get(articleId) ?? [])]);
    api.settingsGet({}).then(
      (settings) => {
        if (!current || editor.isDestroyed) return;
        setEnabled(settings.spellCheck);
        setSpellingEnabled(editor.view, settings.spellCheck);
        setToneStyle(settings.houseStyle.toneMarks === 'new' ? 'new' : 'old');
      },
      (error: unknown) => {
        // Unread settings leave the check on, as by default.
        if (current && !editor.isDestroyed) setSpellingEnabled(editor.view, true);
        failed(error);
      },
    );
    api.dictionaryList({}).then((entries) => current && learn(entries.map((entry) => entry.word)), failed);
    // Read from every article once per session: the first answer may come a few seconds after the article opens.
    if (articleId !== undefined) api.spellingKnownWords({ id: articleId }).then((words) => current && learn(words), failed);
    return () => {
      current = false;
    };
  }, [editor, articleId, learn, messages]);

  useEffect(() => {
    const recount = () => setCount(editor.isDestroyed ? 0 : misspellingsOf(editor.state).length);
    recount();
    editor.on('transaction', recount);
    return () => {
      editor.off('transaction', recount);
    };
  }, [editor]);

  const closeMenu = useCallback(() => {
    setMenu(null);
    if (!editor.isDestroyed) editor.view.focus();
  }, [editor]);

  // Made on demand, for one word: the article's own words first among equals.
  const suggestions = useMemo(
    () =>
      menu === null || readOnly
        ? []
        : suggestSpellings(menu.word.word, { known: knownRef.current, used: wordsOfDocument(editor.state.doc), toneStyle }),
    [menu, readOnly, editor, toneStyle],
  );

  const choose = (suggestion: string) => {
    if (menu === null) return;
    const { from, to, word } = menu.word;
    closeMenu();
    // The word may have changed under the menu (a package received, an undo): then nothing is replaced.
    if (editor.isDestroyed || editor.state.doc.textBetween(from, to) !== word) return;
    // An ordinary edit of its own undo step (not joined to the typing before it), a suggestion when "Sửa có theo dõi" is on.
    editor.view.dispatch(closeHistory(editor.state.tr).insertText(suggestion, from, to).scrollIntoView());
  };

  const addToDictionary = () => {
    if (menu === null) return;
    const { word } = menu.word;
    closeMenu();
    api.dictionaryAdd({ word }).then(
      (entry) => {
        learn([entry.word]);
        setNotice(messages.spelling.added(entry.word));
      },
      (error: unknown) => setNotice(describeError(messages, error)),
    );
  };

  const ignore = () => {
    if (menu === null) return;
    const { word } = menu.word;
    closeMenu();
    if (articleId !== undefined) ignoredByArticle.set(articleId, (ignoredByArticle.get(articleId) ?? new Set()).add(word));
    learn([word]);
  };

  const toggle = (on: boolean) => {
    setEnabled(on);
    setSpellingEnabled(editor.view, on);
    setMenu(null);
    api.settingsUpdate({ spellCheck: on }).catch((error: unknown) => setNotice(describeError(messages, error)));
  };

  return (
    <>
      <div className="spelling-bar">
        <label className="spelling-toggle">
          <input type="checkbox" checked={enabled} onChange={(event) => toggle(event.target.checked)} /> {messages.spelling.toggle}
        </label>
        {enabled && <span className="spelling-count">{messages.spelling.count(count)}</span>}
        {notice !== '' && (
          <span className="spelling-notice" role="status">
            {notice}
          </span>
        )}
      </div>
      {menu !== null && (
        <SpellingMenu
          word={menu.word.word}
          suggestions={suggestions}
          place={menu.place}
          onChoose={choose}
          onAddToDictionary={addToDictionary}
          onIgnore={ignore}
          onClose={closeMenu}
        />
      )}
    </>
  );
}
