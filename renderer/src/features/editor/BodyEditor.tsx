import { memo, useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { EditorContent, useEditor } from '@tiptap/react';
import type { DocumentNodeJson } from '../../../../shared/documentJson';
import type { MediaInfo } from '../../../../shared/mediaModel';
import { useMessages } from '../../i18n/MessagesContext';
import { EditorToolbar } from './EditorToolbar';
import { editorExtensions } from './editorExtensions';
import { LinkForm } from './LinkForm';
import { syncSelectionFromDom } from './syncSelectionFromDom';
import type { CommentsHub } from './comments/CommentsHub';
import { commentShortcut, isCommentShortcut } from './comments/commentShortcut';
import { ToolbarIcon } from './ToolbarIcon';
import type { Identity } from '../../../../shared/identity';
import { SuggestionsPanel } from './suggestions/SuggestionsPanel';
import { setTrackingChanges, TrackChanges } from './suggestions/trackChanges';
import { CleanPaste, type PasteReport } from './paste/CleanPaste';
import { Spelling } from './spelling/Spelling';
import { TableEditing } from './tables/TableEditing';
import { SpellingControls } from './spelling/SpellingControls';

export interface BodyEditorProps {
  initialContent: DocumentNodeJson;
  onChange: (editor: Editor) => void;
  onReady: (editor: Editor) => void;
  /** Stable functions (see usePhotoImport): a new identity would re-render the editor. */
  importFiles: (files: readonly File[]) => Promise<MediaInfo[]>;
  importFromDialog: () => Promise<MediaInfo[]>;
  /** Approved or published text: shown, selectable and copyable, but not editable; the toolbar and photo controls are off. */
  readOnly?: boolean;
  /** Where "Bình luận" (toolbar, Ctrl+Alt+M) goes, and who follows this editor for the comments' anchors (stable). */
  comments?: CommentsHub;
  /** Whether "Sửa có theo dõi" starts on (an editor or managing editor on a submitted article); read once, at mount. */
  trackChangesByDefault?: boolean;
  /** Who a suggestion is stamped with (null until named in Cài đặt). */
  author?: Identity | null;
  /** Told after a paste that converted legacy text or left pictures out (the screen shows the notice). */
  onPasted?: (report: PasteReport) => void;
  /** Opens "Chuyển mã…" (the toolbar's button). */
  onConvertEncoding?: () => void;
  /** The article shown: the spell check knows the words the library's other articles use. */
  articleId?: string;
  /** Told when a table's rows or columns were not changed because changes are tracked (the screen says why). */
  onTableEditRefused?: () => void;
}

/** Inserts one figure per imported photo at a document position (or the selection), credit prefilled from EXIF. */
function insertPhotos(editor: Editor, photos: readonly MediaInfo[], position?: number): void {
  if (photos.length === 0) return;
  let chain = editor.chain().focus();
  if (position !== undefined) chain = chain.setTextSelection(position);
  for (const photo of photos) chain = chain.insertFigure({ mediaId: photo.id, credit: photo.suggestedCredit ?? '' });
  chain.run();
}

function imageFilesOf(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((file) => file.type.startsWith('image/') || file.type === '');
}

/**
 * The article body: a Tiptap editor on the shared document extensions, with its toolbar and link form.
 * Memoized: a parent re-render (an autosave status change) would re-apply the editor's options and could
 * overwrite a selection the user just made but ProseMirror has not read yet.
 */
export const BodyEditor = memo(function BodyEditor({
  initialContent,
  onChange,
  onReady,
  importFiles,
  importFromDialog,
  readOnly = false,
  comments,
  trackChangesByDefault = false,
  author = null,
  onPasted,
  onConvertEncoding,
  articleId,
  onTableEditRefused,
}: BodyEditorProps) {
  const messages = useMessages();
  // The editor's event handlers are created once; they reach the current import functions through this.
  const figuresRef = useRef({ importFiles, importFromDialog });
  figuresRef.current = { importFiles, importFromDialog };
  const editorRef = useRef<Editor | null>(null);
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const commentsRef = useRef(comments);
  commentsRef.current = comments;
  const authorRef = useRef(author);
  authorRef.current = author;
  const trackByDefault = useRef(trackChangesByDefault);
  const onPastedRef = useRef(onPasted);
  onPastedRef.current = onPasted;
  const onTableEditRefusedRef = useRef(onTableEditRefused);
  onTableEditRefusedRef.current = onTableEditRefused;

  const importAndInsert = (files: File[], position?: number) => {
    void figuresRef.current.importFiles(files).then((photos) => editorRef.current && insertPhotos(editorRef.current, photos, position));
  };

  const editor = useEditor({
    extensions: [
      ...editorExtensions('Nội dung bài viết…'),
      TrackChanges.configure({ author: () => authorRef.current, now: () => new Date() }),
      TableEditing.configure({ onRefused: () => onTableEditRefusedRef.current?.() }),
      CleanPaste.configure({
        onPasted: (report) => {
          // Pictures whose bytes came in the pasted HTML become photos, after the pasted text.
          const pictures = report.embeddedImages.map(({ bytes, fileName, type }) => new File([bytes], fileName, { type }));
          if (pictures.length > 0) importAndInsert(pictures);
          onPastedRef.current?.(report);
        },
      }),
      // Off until the setting is read (SpellingControls): no underline flashes for someone who turned it off.
      Spelling.configure({ enabled: false }),
    ],
    content: initialContent,
    immediatelyRender: true,
    editable: !readOnly,
    // The CSP forbids injected <style> tags; ProseMirror's base rules are in app.css.
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': messages.fieldBody,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'body-editor',
        spellcheck: 'false',
      },
      handleKeyDown: (view, event) => {
        if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          syncSelectionFromDom(view);
          setLinkFormOpen(true);
          return true;
        }
        if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'i') {
          event.preventDefault();
          void figuresRef.current.importFromDialog().then((photos) => editorRef.current && insertPhotos(editorRef.current, photos));
          return true;
        }
        if (isCommentShortcut(event) && commentsRef.current !== undefined) {
          event.preventDefault();
          syncSelectionFromDom(view);
          commentsRef.current.requestComment();
          return true;
        }
        return false;
      },
      handleDrop: (view: EditorView, event: DragEvent, _slice, moved) => {
        const files = imageFilesOf(event.dataTransfer?.files);
        if (moved || files.length === 0) return false;
        event.preventDefault();
        importAndInsert(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
        return true;
      },
      handlePaste: (_view, event, slice) => {
        const files = imageFilesOf(event.clipboardData?.files);
        // Word and Excel put a picture of the copied text beside it: with text to paste, the text is what was meant.
        if (files.length === 0 || slice.content.textBetween(0, slice.content.size, ' ', ' ').trim() !== '') return false;
        event.preventDefault();
        importAndInsert(files);
        return true;
      },
    },
    onCreate: ({ editor: created }) => {
      editorRef.current = created;
      if (trackByDefault.current) setTrackingChanges(created, true);
      onReady(created);
    },
    onUpdate: ({ editor: updated }) => onChange(updated),
  });

  useEffect(() => {
    // No update event: making the text read-only (or editable again) is not an edit to save.
    if (editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
    if (readOnly) setLinkFormOpen(false);
  }, [editor, readOnly]);

  useEffect(() => {
    comments?.attachEditor(editor);
    return () => comments?.attachEditor(null);
  }, [comments, editor]);

  // Read-only text cannot hold the keyboard focus, so Ctrl+Alt+M is heard on the page while it is shown.
  useEffect(() => {
    if (!readOnly || comments === undefined) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const selected = editor.view.dom.ownerDocument.getSelection()?.anchorNode ?? null;
      if (!isCommentShortcut(event) || selected === null || !editor.view.dom.contains(selected)) return;
      event.preventDefault();
      syncSelectionFromDom(editor.view);
      comments.requestComment();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [comments, editor, readOnly]);

  // Commenting approved text is reviewing it, not editing: "Bình luận" stays offered when the toolbar is off.
  const commentOnReadOnly = readOnly && comments !== undefined && (
    <div className="readonly-comment-bar">
      <button
        type="button"
        className="button button-small"
        title={`${messages.comments.add} (${commentShortcut})`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          syncSelectionFromDom(editor.view);
          comments.requestComment();
        }}
      >
        <ToolbarIcon name="comment" /> {messages.comments.add}
      </button>
    </div>
  );

  return (
    <>
      {commentOnReadOnly}
      {/* A disabled fieldset turns off the toolbar and every control of the photos (buttons, credit and alt inputs) at once. */}
      <fieldset className={readOnly ? 'body-field body-field-readonly' : 'body-field'} disabled={readOnly}>
        <EditorToolbar
          editor={editor}
          onLink={() => setLinkFormOpen(true)}
          onInsertPhoto={() => void figuresRef.current.importFromDialog().then((photos) => insertPhotos(editor, photos))}
          // The selection a mouse drag just made may not be ProseMirror's yet: take the one on screen first.
          onComment={
            comments === undefined
              ? undefined
              : () => {
                  syncSelectionFromDom(editor.view);
                  comments.requestComment();
                }
          }
          onConvertEncoding={onConvertEncoding}
        />
        {linkFormOpen && <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} />}
        <EditorContent editor={editor} className="body-content" />
        <SuggestionsPanel editor={editor} />
      </fieldset>
      {/* Outside the fieldset: approved text is still checked, and a word still added to the dictionary. */}
      <SpellingControls editor={editor} articleId={articleId} readOnly={readOnly} />
    </>
  );
});
