import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import type { Article, ArticleContent } from '../../../../shared/articleModel';
import { articleStatuses, bylineRoles } from '../../../../shared/articleVocabulary';
import { bylineText, photoCreditText } from '../../../../shared/creditLines';
import type { DocumentNodeJson } from '../../../../shared/documentJson';
import { formatDisplayDate, parseDisplayDate } from '../../../../shared/publicationDate';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { BodyEditor } from './BodyEditor';
import { SaveStatusLine } from './SaveStatusLine';
import { useAutosave } from './useAutosave';

type Fields = Omit<ArticleContent, 'body'>;

function fieldsOf(article: Article): Fields {
  const { status, publicationDate, title, sapo, bylineRole, bylineName, photoCredit, photoCreditMode, coverMediaId } = article;
  return { status, publicationDate, title, sapo, bylineRole, bylineName, photoCredit, photoCreditMode, coverMediaId };
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
  showToast: (toast: ToastMessage) => void;
}

/** The article's parts top to bottom, as printed: date, title, sapo, body, byline and photo credit. */
export function ArticleForm({ article, onBack, showToast }: ArticleFormProps) {
  const messages = useMessages();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(article));
  const [dateText, setDateText] = useState(() => formatDisplayDate(article.publicationDate));
  const [dateInvalid, setDateInvalid] = useState(false);
  const [exporting, setExporting] = useState(false);
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

  const readContent = useCallback(
    (): ArticleContent => ({ ...fieldsRef.current, body: (editorRef.current?.getJSON() as DocumentNodeJson | undefined) ?? initialBody.current }),
    [],
  );

  const onEditorReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
  }, []);
  const onEditorChange = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      markChanged(readContent);
    },
    [markChanged, readContent],
  );

  const update = <Key extends keyof Fields>(key: Key, value: Fields[Key]) => {
    fieldsRef.current = { ...fieldsRef.current, [key]: value };
    setFields(fieldsRef.current);
    markChanged(readContent);
  };

  const exportHtml = useCallback(async () => {
    setExporting(true);
    try {
      await flush();
      const result = await api.articleExportHtml({ id: article.id });
      if (result.status === 'saved') {
        const separator = Math.max(result.path.lastIndexOf('/'), result.path.lastIndexOf('\\'));
        showToast({ text: messages.exported(result.path.slice(separator + 1)), detail: messages.exportedFolder(result.path.slice(0, separator)), tone: 'info' });
      } else {
        showToast({ text: messages.exportCancelled, tone: 'info' });
      }
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    } finally {
      setExporting(false);
    }
  }, [article.id, flush, messages, showToast]);

  const goBack = useCallback(() => {
    void flush();
    onBack();
  }, [flush, onBack]);

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

  const closingLines = [bylineText(fields.bylineRole, fields.bylineName), photoCreditText(fields.bylineRole, fields.photoCredit)].filter(Boolean);

  return (
    <div className="editor-screen">
      <header className="topbar">
        <button type="button" className="button button-ghost" onClick={goBack} title="Alt+←">
          ← {messages.backToLibrary}
        </button>
        <SaveStatusLine state={autosave.state} onRetry={autosave.retryNow} />
        <div className="topbar-end">
          <button type="button" className="button button-primary" onClick={() => void exportHtml()} disabled={exporting} title="Ctrl+E">
            {exporting ? messages.exporting : messages.exportHtml}
          </button>
        </div>
      </header>

      <main className="sheet">
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
                if (iso !== null && iso !== fieldsRef.current.publicationDate) update('publicationDate', iso);
              }}
              onBlur={() => {
                if (!dateInvalid) setDateText(formatDisplayDate(fieldsRef.current.publicationDate));
              }}
            />
          </label>
          <label className="field field-status">
            <span className="field-label">{messages.fieldStatus}</span>
            <select value={fields.status} onChange={(event) => update('status', event.target.value as Fields['status'])}>
              {articleStatuses.map((status) => (
                <option key={status} value={status}>{messages.status[status]}</option>
              ))}
            </select>
          </label>
        </div>
        {dateInvalid && <p id="date-error" className="field-error" role="alert">{messages.fieldDateInvalid}</p>}

        <label className="field">
          <span className="field-label">{messages.fieldTitle}</span>
          <textarea
            className="input-title"
            rows={1}
            value={fields.title}
            placeholder={messages.fieldTitlePlaceholder}
            onChange={(event) => update('title', event.target.value.replace(/\n/g, ' '))}
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
            onChange={(event) => update('sapo', event.target.value.replace(/\n/g, ' '))}
            onKeyDown={onEnterMoveTo(() => editorRef.current?.commands.focus('start'))}
          />
        </label>

        <div className="field">
          <span className="field-label">{messages.fieldBody}</span>
          <BodyEditor initialContent={initialBody.current} onReady={onEditorReady} onChange={onEditorChange} />
        </div>

        <div className="credits-row">
          <label className="field field-role">
            <span className="field-label">{messages.fieldBylineRole}</span>
            <select value={fields.bylineRole} onChange={(event) => update('bylineRole', event.target.value as Fields['bylineRole'])}>
              {bylineRoles.map((role) => (
                <option key={role} value={role}>{messages.bylineRole[role]}</option>
              ))}
            </select>
          </label>
          <label className="field field-byline">
            <span className="field-label">{messages.fieldBylineName}</span>
            <input type="text" value={fields.bylineName} placeholder={messages.fieldBylineNamePlaceholder} onChange={(event) => update('bylineName', event.target.value)} />
          </label>
          <label className="field field-credit">
            <span className="field-label">{messages.fieldPhotoCredit}</span>
            <input
              type="text"
              value={fields.photoCredit}
              placeholder={messages.fieldPhotoCreditPlaceholder}
              disabled={fields.bylineRole === 'newsAndPhotos'}
              title={fields.bylineRole === 'newsAndPhotos' ? messages.photoCreditCoveredByByline : undefined}
              onChange={(event) => update('photoCredit', event.target.value)}
            />
          </label>
        </div>
        {closingLines.length > 0 && (
          <div className="closing-preview" aria-label={messages.footerPreview}>
            {closingLines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
      </main>
    </div>
  );
}
