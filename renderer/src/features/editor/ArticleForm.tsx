import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import type { Article, ArticleContent, LastMove } from '../../../../shared/articleModel';
import type { ArticleStatus } from '../../../../shared/articleVocabulary';
import { composePhotoCredit } from '../../../../shared/composePhotoCredit';
import type { DocumentNodeJson } from '../../../../shared/documentJson';
import type { Identity } from '../../../../shared/identity';
import { formatDisplayDate, parseDisplayDate } from '../../../../shared/publicationDate';
import { isLockedForEditing } from '../../../../shared/workflow';
import { bodyWithoutAnchors } from '../../../../shared/withoutCommentAnchors';
import type { WorkflowEvent } from '../../../../shared/workflowEvent';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { ArticleTools } from './ArticleTools';
import { BodyEditor } from './BodyEditor';
import { CommentsPanel } from './comments/CommentsPanel';
import { useCommentsHub } from './comments/CommentsHub';
import { CreditsFields, type CreditsValues } from './CreditsFields';
import { FigureContext, type FigureContextValue } from './FigureContext';
import { HistoryPanel } from './HistoryPanel';
import { LockedBanner } from './LockedBanner';
import { SaveStatusLine } from './SaveStatusLine';
import { useArticleExport } from './useArticleExport';
import { useAutosave } from './useAutosave';
import { useFollowReceivedPackages } from './useFollowReceivedPackages';
import type { EditorPlace } from './editorPlace';
import { usePhotoImport } from './usePhotoImport';
import { WorkflowBar } from './WorkflowBar';
import { VersionsPanel } from './versions/VersionsPanel';
import { ConflictBanner } from './conflicts/ConflictBanner';
import { usePreflight } from './preflight/usePreflight';
import { ArticlePreviewDialog } from './cms/ArticlePreviewDialog';
import { CmsCopyPanel } from './cms/CmsCopyPanel';
import { useCmsCopy } from './cms/useCmsCopy';
import { tracksChangesByDefault } from './suggestions/trackChanges';
import { nfcFieldValue } from './text/nfcFieldValue';
import { pasteAsOneLine } from './text/pasteAsOneLine';
import { usePasteNotices } from './paste/usePasteNotices';
import { useEncodingConversion } from './encoding/useEncodingConversion';

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
  /** Who is editing (null until named in Cài đặt): their role decides the workflow moves offered. */
  identity: Identity | null;
  showToast: (toast: ToastMessage) => void;
  /**
   * Shows an article restored from one of its versions, or updated by a received package: the form is rebuilt from it
   * (and saves from its revision), with the user taken back to `place` when given.
   */
  onRestored: (article: Article, place?: EditorPlace) => void;
  /** Where the user was before the form was rebuilt (a received package updated the article). */
  place?: EditorPlace | null;
  /** Open the three-way view of the article's pending conflict at once (a package just received, the library's button). */
  openConflict?: boolean;
}

/** The note of the last move, when the history read has it ('' otherwise: the bar then shows who and when only). */
function noteOfLastMove(history: readonly WorkflowEvent[] | null, lastMove: LastMove | null): string {
  const last = history?.at(-1);
  return last !== undefined && lastMove !== null && last.at === lastMove.at && last.to === lastMove.to ? last.note : '';
}

/**
 * The article's parts top to bottom, as printed: date, title, sapo, body, byline and photo credit; above them where
 * the article is in the review and the moves the user may make, below them the review history. Approved and
 * published text is read-only until it is moved back to draft.
 */
export function ArticleForm(props: ArticleFormProps) {
  const { article, onBack, onOpenArticle, identity, showToast, onRestored, place = null, openConflict = false } = props;
  const messages = useMessages();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(article));
  const [dateText, setDateText] = useState(() => formatDisplayDate(article.publicationDate));
  const [dateInvalid, setDateInvalid] = useState(false);
  const [figureCredits, setFigureCredits] = useState<string[]>([]);
  const [peopleNames, setPeopleNames] = useState<string[]>([]);
  const [lastMove, setLastMove] = useState<LastMove | null>(article.lastMove);
  const [history, setHistory] = useState<WorkflowEvent[] | null>(null);
  const [moving, setMoving] = useState(false);
  // A package opened outside the window is being received: no typing until main says what it did.
  const [receiving, setReceiving] = useState(false);
  const receivingRef = useRef(false);
  // Read-only text (approved, published, or while a move is on its way) takes no typing, so none is saved.
  const lockedRef = useRef(isLockedForEditing(article.status));
  const locked = isLockedForEditing(fields.status) || moving || receiving;
  const fieldsRef = useRef(fields);
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const sapoRef = useRef<HTMLTextAreaElement>(null);
  const initialBody = useRef<DocumentNodeJson>(article.body);

  const autosave = useAutosave({
    initialRevision: article.revision,
    lastSavedAt: new Date(article.updatedAt),
    save: (baseRevision, content) => api.articleSave({ id: article.id, baseRevision, content }),
  });
  const { markChanged, flush, runBetweenSaves, hasPendingEdits } = autosave;
  const commentsHub = useCommentsHub();
  const { importFromDialog, importFiles } = usePhotoImport(showToast);
  const onPasted = usePasteNotices(showToast);
  const showTableRefusal = useCallback(() => showToast({ text: messages.table.trackedRefusal, tone: 'info' }), [showToast, messages]);

  const readContent = useCallback(
    (): ArticleContent => ({
      ...fieldsRef.current,
      body: (editorRef.current?.getJSON() as DocumentNodeJson | undefined) ?? initialBody.current,
    }),
    [],
  );
  const readEditor = useCallback(() => editorRef.current, []);
  // Every export form goes through this one checklist first ("Kiểm tra trước khi xuất").
  const preflight = usePreflight({ articleId: article.id, readContent, editor: readEditor });
  const { exporting, exportsDone, exportHtml, exportFolder, exportDocx, print } = useArticleExport(
    article.id,
    flush,
    showToast,
    preflight.beforeExport,
  );
  // A copy for the CMS is an export too (main takes a version): the versions list reads again after each.
  const [cmsCopies, setCmsCopies] = useState(0);
  const countCmsCopy = useCallback(() => setCmsCopies((count) => count + 1), []);
  const cms = useCmsCopy(article.id, flush, showToast, preflight.beforeExport, countCmsCopy);
  const [previewOpen, setPreviewOpen] = useState(false);

  const updateFields = useCallback(
    (changes: Partial<Fields>) => {
      if (lockedRef.current) return;
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

  const readFields = useCallback(() => fieldsRef.current, []);
  const encodingConversion = useEncodingConversion({ editorRef, readFields, updateFields, showToast, locked });

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
      const recompose = fieldsRef.current.photoCreditMode === 'auto' && composed !== fieldsRef.current.photoCredit;
      // A change that reached the document is always saved, even one made while the text is read-only (a comment's
      // anchor set during a move or on approved text): a save asked for during a move waits for it, on its revision.
      if (recompose && !lockedRef.current) updateFields({});
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
        // The new draft has none of this article's comment threads, so it carries none of their anchors.
        content: { ...content, body: bodyWithoutAnchors(content.body), status: 'draft', title: messages.myVersionTitle(content.title) },
      });
      showToast({ text: messages.savedAsNewArticle, tone: 'info' });
      onOpenArticle(created.id);
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    }
  }, [readContent, messages, showToast, onOpenArticle]);

  useFollowReceivedPackages({
    articleId: article.id,
    titleRef,
    sapoRef,
    editorRef,
    hold: (held) => {
      if (held === receivingRef.current) return;
      receivingRef.current = held;
      lockedRef.current = held || isLockedForEditing(fieldsRef.current.status);
      // As a move does, the body stops taking keystrokes now, not at the next render; and it takes them again now: a
      // short hold may never render, and the body's own effect would not see its read-only flag change.
      const editor = editorRef.current;
      if (editor !== null && !editor.isDestroyed) editor.setEditable(!lockedRef.current, false);
      setReceiving(held);
    },
    flush,
    hasPendingEdits,
    currentRevision: autosave.currentRevision,
    onUpdated: onRestored,
    onError: (error) => showToast({ text: describeError(messages, error), tone: 'error' }),
    place,
  });

  const loadHistory = useCallback(() => {
    api.articleHistory({ id: article.id }).then(setHistory, (error: unknown) => {
      setHistory([]);
      showToast({ text: describeError(messages, error), tone: 'error' });
    });
  }, [article.id, messages, showToast]);

  useEffect(() => loadHistory(), [loadHistory]);

  /**
   * Moves the article one step in the review: pending edits are saved first (the move builds on their revision), the
   * text is read-only meanwhile, and the autosave goes on from the revision the move made.
   */
  const move = useCallback(
    async (to: ArticleStatus, note: string): Promise<boolean> => {
      // The body stops taking keystrokes now, not at the next render: nothing typed meanwhile can be dropped.
      if (editorRef.current !== null && !editorRef.current.isDestroyed) editorRef.current.setEditable(false, false);
      lockedRef.current = true;
      setMoving(true);
      try {
        const moved = await runBetweenSaves(async (baseRevision) => {
          const result = await api.articleMove({ id: article.id, baseRevision, to, note });
          // Before any later save reads the fields: it must carry the new status.
          fieldsRef.current = { ...fieldsRef.current, status: result.status };
          return result;
        });
        lockedRef.current = isLockedForEditing(moved.status);
        setFields(fieldsRef.current);
        setLastMove(moved.lastMove);
        showToast({ text: messages.moveDone(messages.status[moved.status]), tone: 'info' });
        loadHistory();
        return true;
      } catch (error) {
        lockedRef.current = isLockedForEditing(fieldsRef.current.status);
        showToast({ text: describeError(messages, error), tone: 'error' });
        return false;
      } finally {
        setMoving(false);
      }
    },
    [article.id, runBetweenSaves, messages, showToast, loadHistory],
  );

  const [sendingPackage, setSendingPackage] = useState(false);
  /** "Gửi gói": pending edits are saved first, so the package holds the text on screen. */
  const sendPackage = useCallback(async () => {
    setSendingPackage(true);
    try {
      await flush();
      const result = await api.packageSend({ id: article.id });
      if (result.status === 'saved') {
        const separator = Math.max(result.path.lastIndexOf('/'), result.path.lastIndexOf('\\'));
        showToast({
          text: messages.packageSent(result.path.slice(separator + 1)),
          detail: messages.exportedFolder(result.path.slice(0, separator)),
          tone: 'info',
        });
      } else {
        showToast({ text: messages.packageCancelled, tone: 'info' });
      }
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    } finally {
      setSendingPackage(false);
    }
  }, [article.id, flush, messages, showToast]);

  const reopenForEditing = useCallback(async (): Promise<boolean> => {
    const reopened = await move('draft', '');
    if (reopened) requestAnimationFrame(() => titleRef.current?.focus());
    return reopened;
  }, [move]);

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
      } else if (modifier && !event.shiftKey && event.key.toLowerCase() === 'p') {
        // Chromium's own print would print the editor screen: Ctrl+P prints the article's print page instead.
        event.preventDefault();
        void print();
      } else if (event.altKey && event.key === 'ArrowLeft') {
        event.preventDefault();
        goBack();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [flush, exportHtml, print, goBack]);

  return (
    <div className="editor-screen">
      <header className="topbar">
        <button type="button" className="button button-ghost" onClick={goBack} title="Alt+←">
          ← {messages.backToLibrary}
        </button>
        <SaveStatusLine state={autosave.state} onRetry={autosave.retryNow} onSaveAsNew={() => void saveAsNewArticle()} />
        <div className="topbar-end">
          <button type="button" className="button" onClick={() => setPreviewOpen(true)}>
            {messages.cms.preview}
          </button>
          <button type="button" className="button" onClick={() => void cms.copyForCms()} disabled={cms.copying}>
            {cms.copying ? messages.cms.copying : messages.cms.copy}
          </button>
          <button type="button" className="button" onClick={() => void exportFolder()} disabled={exporting}>
            {messages.exportFolder}
          </button>
          <button type="button" className="button" onClick={() => void exportDocx()} disabled={exporting}>
            {messages.exportDocx}
          </button>
          <button type="button" className="button" onClick={() => void print()} disabled={exporting} title="Ctrl+P">
            {messages.print}
          </button>
          <button type="button" className="button button-primary" onClick={() => void exportHtml()} disabled={exporting} title="Ctrl+E">
            {exporting ? messages.exporting : messages.exportHtml}
          </button>
        </div>
        {previewOpen && (
          <ArticlePreviewDialog
            articleId={article.id}
            flush={flush}
            exporting={exporting}
            copying={cms.copying}
            onExportHtml={() => void exportHtml()}
            onExportFolder={() => void exportFolder()}
            onExportDocx={() => void exportDocx()}
            onPrint={() => void print()}
            onCopyForCms={() => void cms.copyForCms()}
            onClose={() => setPreviewOpen(false)}
          />
        )}
        {cms.panel && (
          <CmsCopyPanel
            fields={cms.panel.fields}
            copiedField={cms.panel.copiedField}
            onCopyField={(index) => void cms.panel?.copyField(index)}
            onSavePhotos={() => void cms.panel?.savePhotos()}
            savingPhotos={cms.panel.savingPhotos}
            onClose={cms.panel.close}
          />
        )}
        {preflight.dialog}
      </header>

      <main className="editor-column">
        <WorkflowBar
          status={fields.status}
          lastMove={lastMove}
          createdBy={article.createdBy}
          createdAt={article.createdAt}
          lastNote={noteOfLastMove(history, lastMove)}
          identity={identity}
          busy={moving}
          onMove={move}
          onSendPackage={() => void sendPackage()}
          sending={sendingPackage}
        />
        <div className="sheet">
          <ConflictBanner
            articleId={article.id}
            locked={isLockedForEditing(fields.status)}
            openAtStart={openConflict}
            flush={flush}
            runBetweenSaves={runBetweenSaves}
            onResolved={onRestored}
            showToast={showToast}
          />
          {(fields.status === 'approved' || fields.status === 'published') && (
            <LockedBanner status={fields.status} busy={moving} onReopen={reopenForEditing} />
          )}
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
                readOnly={locked}
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
          </div>
          {dateInvalid && (
            <p id="date-error" className="field-error" role="alert">
              {messages.fieldDateInvalid}
            </p>
          )}

          <label className="field">
            <span className="field-label">{messages.fieldTitle}</span>
            <textarea
              ref={titleRef}
              className="input-title"
              rows={1}
              readOnly={locked}
              // A new article starts where a reporter starts: typing its title.
              autoFocus={article.revision === 1 && article.title === ''}
              value={fields.title}
              placeholder={messages.fieldTitlePlaceholder}
              onChange={(event) => updateFields({ title: nfcFieldValue(event).replace(/\n/g, ' ') })}
              onPaste={pasteAsOneLine}
              onKeyDown={onEnterMoveTo(() => sapoRef.current?.focus())}
            />
          </label>

          <label className="field">
            <span className="field-label">{messages.fieldSapo}</span>
            <textarea
              ref={sapoRef}
              className="input-sapo"
              rows={2}
              readOnly={locked}
              value={fields.sapo}
              placeholder={messages.fieldSapoPlaceholder}
              onChange={(event) => updateFields({ sapo: nfcFieldValue(event).replace(/\n/g, ' ') })}
              onPaste={pasteAsOneLine}
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
                readOnly={locked}
                comments={commentsHub}
                trackChangesByDefault={tracksChangesByDefault(article.status, identity)}
                author={identity}
                onPasted={onPasted}
                onConvertEncoding={encodingConversion.open}
                articleId={article.id}
                onTableEditRefused={showTableRefusal}
              />
            </FigureContext.Provider>
          </div>

          <CreditsFields
            values={fields satisfies CreditsValues}
            figureCredits={figureCredits}
            composedCredit={composePhotoCredit(figureCredits)}
            onChange={updateFields}
            readOnly={locked}
          />
        </div>
        {/* Comments can be started on any text, approved too: an anchor is not an edit of the article. */}
        <CommentsPanel articleId={article.id} hub={commentsHub} showToast={showToast} />
        <HistoryPanel events={history} />
        <VersionsPanel
          articleId={article.id}
          status={fields.status}
          revision={autosave.savedRevision}
          exportsDone={exportsDone + cmsCopies}
          flush={flush}
          runBetweenSaves={runBetweenSaves}
          onRestored={onRestored}
          showToast={showToast}
        />
      </main>
      {encodingConversion.dialog}
      <ArticleTools hub={commentsHub} fields={fields} onFieldsChange={updateFields} locked={locked} />
    </div>
  );
}
