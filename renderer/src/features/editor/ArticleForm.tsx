import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import type { Article, ArticleContent } from '../../../../shared/articleModel';
import { articleStatuses } from '../../../../shared/articleVocabulary';
import { composePhotoCredit } from '../../../../shared/composePhotoCredit';
import type { DocumentNodeJson } from '../../../../shared/documentJson';
import { formatDisplayDate, parseDisplayDate } from '../../../../shared/publicationDate';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { BodyEditor } from './BodyEditor';
import { CreditsFields, type CreditsValues } from './CreditsFields';
import { FigureContext, type FigureContextValue } from './FigureContext';
import { SaveStatusLine } from './SaveStatusLine';
import { useArticleExport } from './useArticleExport';
import { useAutosave } from './useAutosave';
import { usePhotoImport } from './usePhotoImport';

type Fields = Omit<ArticleContent, 'body'>;

function fieldsOf(article: Article): Fields {
  const { status, publicationDate, title, sapo, bylineRole, bylineName, photoCredit, photoCreditMode, coverMediaId } = article;
  return { status, publicationDate, title, sapo, bylineRole, bylineName, photoCredit, photoCreditMode, coverMediaId };
}

/** The credits typed on the photos, read from the editor's document (cheap: no JSON). */
function figureCreditsOf(editor: Editor): string[] {
  const credits: string[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'figure') credits.push(node.attrs.credit as string);
    // Runs on every keystroke: never descend into paragraphs' text, only into containers that may hold figures.
    return node.type.name !== 'figure' && !node.isTextblock;
  });
  return credits;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Stops Enter from adding a line break to a one-paragraph field and moves on instead, like a form. */
function onEnterMoveTo(next: () => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      next();
    }
  };
}

export interface ArticleFormProps {
  article: Article;
  onBack: () => void;
  /** Moves the editor to another article (the new one made from the text on screen after a conflict). */
  onOpenArticle: (articleId: string) => void;
  showToast: (toast: ToastMessage) => void;
}

/** The article's parts top to bottom, as printed: date, title, sapo, body, byline and photo credit. */
export function ArticleForm({ article, onBack, onOpenArticle, showToast }: ArticleFormProps) {
  const messages = useMessages();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(article));
  const [dateText, setDateText] = useState(() => formatDisplayDate(article.publicationDate));
  const [dateInvalid, setDateInvalid] = useState(false);
  const [figureCredits, setFigureCredits] = useState<string[]>([]);
  const [peopleNames, setPeopleNames] = useState<string[]>([]);
  const fieldsRef = useRef(fields);
  const editorRef = useRef<Editor | null>(null);
  const sapoRef = useRef<HTMLTextAreaElement>(null);
  const initialBody = useRef<DocumentNodeJson>(article.body);

  const autosave = useAutosave({
    initialRevision: article.revision,
    lastSavedAt: new Date(article.updatedAt),
    save: (baseRevision, content) => api.articleSave({ id: article.id, baseRevision, content }),
  });
  const { markChanged, flush } = autosave;
  const { exporting, exportHtml, exportFolder } = useArticleExport(article.id, flush, showToast);
  const { importFromDialog, importFiles } = usePhotoImport(showToast);

  const readContent = useCallback(
    (): ArticleContent => ({
      ...fieldsRef.current,
      body: (editorRef.current?.getJSON() as DocumentNodeJson | undefined) ?? initialBody.current,
    }),
    [],
  );

  const updateFields = useCallback(
    (changes: Partial<Fields>) => {
      const next = { ...fieldsRef.current, ...changes };
      // While the credit line is composed, it follows the photos' credits.
      if (next.photoCreditMode === 'auto' && editorRef.current !== null)
        next.photoCredit = composePhotoCredit(figureCreditsOf(editorRef.current));
      fieldsRef.current = next;
      setFields(next);
      markChanged(readContent);
    },
    [markChanged, readContent],
  );

  const onEditorReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
    setFigureCredits(figureCreditsOf(editor));
  }, []);
  const onEditorChange = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      const credits = figureCreditsOf(editor);
      setFigureCredits((previous) => (sameList(previous, credits) ? previous : credits));
      const composed = composePhotoCredit(credits);
      if (fieldsRef.current.photoCreditMode === 'auto' && composed !== fieldsRef.current.photoCredit) updateFields({});
      else markChanged(readContent);
    },
    [markChanged, readContent, updateFields],
  );

  const figureContext = useMemo<FigureContextValue>(
    () => ({
      coverMediaId: fields.coverMediaId,
      setCover: (coverMediaId) => updateFields({ coverMediaId }),
      importFromDialog,
      importFiles,
    }),
    [fields.coverMediaId, updateFields, importFromDialog, importFiles],
  );

  // After a conflict: the text on screen becomes a new draft, and the editor moves to it; the original is untouched.
  const saveAsNewArticle = useCallback(async () => {
    try {
      const content = readContent();
      const created = await api.articleCreate({});
      await api.articleSave({
        id: created.id,
        baseRevision: created.revision,
        content: { ...content, status: 'draft', title: messages.myVersionTitle(content.title) },
      });
      showToast({ text: messages.savedAsNewArticle, tone: 'info' });
      onOpenArticle(created.id);
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    }
  }, [readContent, messages, showToast, onOpenArticle]);

  const goBack = useCallback(() => {
    void flush();
    onBack();
  }, [flush, onBack]);

  useEffect(() => {
    api.peopleNames({}).then(setPeopleNames, () => setPeopleNames([]));
  }, []);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const modifier = event.ctrlKey || event.metaKey;
      if (modifier && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void flush();
      } else if (modifier && !event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        void exportHtml();
      } else if (event.altKey && event.key === 'ArrowLeft') {
        event.preventDefault();
        goBack();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [flush, exportHtml, goBack]);

  return (
    <div className="editor-screen">
      <header className="topbar">
        <button type="button" className="button button-ghost" onClick={goBack} title="Alt+←">
          ← {messages.backToLibrary}
        </button>
        <SaveStatusLine state={autosave.state} onRetry={autosave.retryNow} onSaveAsNew={() => void saveAsNewArticle()} />
        <div className="topbar-end">
          <button type="button" className="button" onClick={() => void exportFolder()} disabled={exporting}>
            {messages.exportFolder}
          </button>
          <button type="button" className="button button-primary" onClick={() => void exportHtml()} disabled={exporting} title="Ctrl+E">
            {exporting ? messages.exporting : messages.exportHtml}
          </button>
        </div>
      </header>

      <main className="sheet">
        <datalist id="people-names">
          {peopleNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <div className="meta-row">
          <label className="field field-date">
            <span className="field-label">{messages.fieldDate}</span>
            <input
              type="text"
              inputMode="numeric"
              value={dateText}
              placeholder={messages.fieldDateHint}
              aria-invalid={dateInvalid}
              aria-describedby={dateInvalid ? 'date-error' : undefined}
              onChange={(event) => {
                setDateText(event.target.value);
                const iso = parseDisplayDate(event.target.value);
                setDateInvalid(iso === null);
                if (iso !== null && iso !== fieldsRef.current.publicationDate) updateFields({ publicationDate: iso });
              }}
              onBlur={() => {
                if (!dateInvalid) setDateText(formatDisplayDate(fieldsRef.current.publicationDate));
              }}
            />
          </label>
          <label className="field field-status">
            <span className="field-label">{messages.fieldStatus}</span>
            <select value={fields.status} onChange={(event) => updateFields({ status: event.target.value as Fields['status'] })}>
              {articleStatuses.map((status) => (
                <option key={status} value={status}>
                  {messages.status[status]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {dateInvalid && (
          <p id="date-error" className="field-error" role="alert">
            {messages.fieldDateInvalid}
          </p>
        )}

        <label className="field">
          <span className="field-label">{messages.fieldTitle}</span>
          <textarea
            className="input-title"
            rows={1}
            // A new article starts where a reporter starts: typing its title.
            autoFocus={article.revision === 1 && article.title === ''}
            value={fields.title}
            placeholder={messages.fieldTitlePlaceholder}
            onChange={(event) => updateFields({ title: event.target.value.replace(/\n/g, ' ') })}
            onKeyDown={onEnterMoveTo(() => sapoRef.current?.focus())}
          />
        </label>

        <label className="field">
          <span className="field-label">{messages.fieldSapo}</span>
          <textarea
            ref={sapoRef}
            className="input-sapo"
            rows={2}
            value={fields.sapo}
            placeholder={messages.fieldSapoPlaceholder}
            onChange={(event) => updateFields({ sapo: event.target.value.replace(/\n/g, ' ') })}
            onKeyDown={onEnterMoveTo(() => editorRef.current?.commands.focus('start'))}
          />
        </label>

        <div className="field">
          <span className="field-label">{messages.fieldBody}</span>
          <FigureContext.Provider value={figureContext}>
            <BodyEditor
              initialContent={initialBody.current}
              onReady={onEditorReady}
              onChange={onEditorChange}
              importFiles={importFiles}
              importFromDialog={importFromDialog}
            />
          </FigureContext.Provider>
        </div>

        <CreditsFields
          values={fields satisfies CreditsValues}
          figureCredits={figureCredits}
          composedCredit={composePhotoCredit(figureCredits)}
          onChange={updateFields}
        />
      </main>
    </div>
  );
}
