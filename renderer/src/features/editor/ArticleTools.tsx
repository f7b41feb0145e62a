import { useEffect, useState } from 'react';
import type { ArticleContent } from '../../../../shared/articleModel';
import { useMessages } from '../../i18n/MessagesContext';
import type { CommentsHub } from './comments/CommentsHub';
import { CountsStatusLine } from './counts/CountsStatusLine';
import { useArticleCounts } from './counts/useArticleCounts';
import { FindBar, focusMatch } from './find/FindBar';
import type { ArticleFields } from './text/articleFieldTexts';
import { TypographyPanel } from './typography/TypographyPanel';
import { useAttachedEditor } from './useAttachedEditor';

export interface ArticleToolsProps {
  /** Where the body editor attaches itself. */
  hub: CommentsHub;
  fields: Omit<ArticleContent, 'body'>;
  onFieldsChange: (changes: Partial<ArticleFields>) => void;
  locked: boolean;
}

interface FindState {
  replaceShown: boolean;
  initialQuery: string;
  /** Where the focus was when the bar opened, to go back to when it closes on no match. */
  returnTo: HTMLElement | null;
}

/** The selected text where the focus is (the body or a field), when it is short and on one line: what Ctrl+F looks for. */
function selectedText(): string {
  const active = document.activeElement;
  const text =
    active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? active.value.slice(active.selectionStart ?? 0, active.selectionEnd ?? 0)
      : (document.getSelection()?.toString() ?? '');
  return text.length <= 100 && !/[\n\r]/.test(text) ? text : '';
}

/**
 * The editor's tools over the article: the find bar (Ctrl+F, Ctrl+H, F3), the typography panel (F7) and the status bar
 * with the counts. None of them re-renders the body: they read the editor's state when it changes.
 */
export function ArticleTools({ hub, fields, onFieldsChange, locked }: ArticleToolsProps) {
  const messages = useMessages();
  const editor = useAttachedEditor(hub);
  const counts = useArticleCounts(editor, fields);
  const [find, setFind] = useState<FindState | null>(null);
  const [findFocus, setFindFocus] = useState(0);
  const [typographyOpen, setTypographyOpen] = useState(false);
  const [typographyFocus, setTypographyFocus] = useState(0);

  const openFind = (replaceShown: boolean) => {
    setFind((open) =>
      open === null
        ? {
            replaceShown,
            initialQuery: selectedText(),
            returnTo: document.activeElement instanceof HTMLElement ? document.activeElement : null,
          }
        : { ...open, replaceShown: open.replaceShown || replaceShown },
    );
    setFindFocus((request) => request + 1);
  };
  const openTypography = () => {
    setTypographyOpen(true);
    setTypographyFocus((request) => request + 1);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A modal view (versions, a conflict) has the keyboard: nothing opens behind it.
      if (document.querySelector('dialog[open]') !== null) return;
      const modifier = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (modifier && !event.altKey && !event.shiftKey && (key === 'f' || key === 'h')) {
        event.preventDefault();
        openFind(key === 'h');
      } else if (event.key === 'F3' && !modifier && !event.altKey && find === null) {
        event.preventDefault();
        openFind(false);
      } else if (event.key === 'F7' && !modifier && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        openTypography();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <>
      {find !== null && (
        <FindBar
          editor={editor}
          fields={fields}
          onFieldsChange={onFieldsChange}
          locked={locked}
          replaceShown={find.replaceShown}
          onReplaceShownChange={(replaceShown) => setFind({ ...find, replaceShown })}
          initialQuery={find.initialQuery}
          focusRequest={findFocus}
          onClose={(place) => {
            const { returnTo } = find;
            setFind(null);
            if (place !== null) focusMatch(editor, place);
            else if (returnTo?.isConnected) returnTo.focus();
          }}
        />
      )}
      <footer className="editor-dock">
        {typographyOpen && (
          <TypographyPanel
            editor={editor}
            fields={fields}
            onFieldsChange={onFieldsChange}
            locked={locked}
            focusRequest={typographyFocus}
            onClose={() => {
              setTypographyOpen(false);
              editor?.view.focus();
            }}
          />
        )}
        <div className="editor-statusbar">
          <CountsStatusLine counts={counts} />
          <div className="editor-statusbar-actions">
            <button type="button" className="button button-small button-ghost" onClick={() => openFind(true)} title="Ctrl+F, Ctrl+H">
              {messages.find.open}
            </button>
            <button
              type="button"
              className="button button-small button-ghost"
              aria-pressed={typographyOpen}
              onClick={() => (typographyOpen ? setTypographyOpen(false) : openTypography())}
              title="F7"
            >
              {messages.typography.open}
            </button>
          </div>
        </div>
      </footer>
    </>
  );
}
