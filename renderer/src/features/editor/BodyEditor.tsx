import { memo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import { documentExtensions } from '../../../../shared/documentExtensions';
import type { DocumentNodeJson } from '../../../../shared/documentJson';
import { useMessages } from '../../i18n/MessagesContext';
import { EditorToolbar } from './EditorToolbar';
import { LinkForm } from './LinkForm';
import { syncSelectionFromDom } from './syncSelectionFromDom';

export interface BodyEditorProps {
  initialContent: DocumentNodeJson;
  onChange: (editor: Editor) => void;
  onReady: (editor: Editor) => void;
}

/**
 * The article body: a Tiptap editor on the shared document extensions, with its toolbar and link form.
 * Memoized: a parent re-render (an autosave status change) would re-apply the editor's options and could
 * overwrite a selection the user just made but ProseMirror has not read yet.
 */
export const BodyEditor = memo(function BodyEditor({ initialContent, onChange, onReady }: BodyEditorProps) {
  const messages = useMessages();
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const editor = useEditor({
    extensions: [...documentExtensions, Placeholder.configure({ placeholder: 'Nội dung bài viết…' })],
    content: initialContent,
    immediatelyRender: true,
    // The CSP forbids injected <style> tags; ProseMirror's base rules are in app.css.
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { 'aria-label': messages.fieldBody, 'aria-multiline': 'true', role: 'textbox', class: 'body-editor', spellcheck: 'false' },
      handleKeyDown: (view, event) => {
        if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          syncSelectionFromDom(view);
          setLinkFormOpen(true);
          return true;
        }
        return false;
      },
    },
    onCreate: ({ editor: created }) => onReady(created),
    onUpdate: ({ editor: updated }) => onChange(updated),
  });

  return (
    <div className="body-field">
      <EditorToolbar editor={editor} onLink={() => setLinkFormOpen(true)} />
      {linkFormOpen && <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} />}
      <EditorContent editor={editor} className="body-content" />
    </div>
  );
});
