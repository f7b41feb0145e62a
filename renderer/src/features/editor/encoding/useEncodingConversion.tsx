import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Editor } from '@tiptap/core';
import { detectLegacyEncoding } from '../../../../../shared/legacyEncodings/detectLegacyEncoding';
import type { LegacyEncoding } from '../../../../../shared/legacyEncodings/LegacyEncoding';
import type { ToastMessage } from '../../../components/useToast';
import { useMessages } from '../../../i18n/MessagesContext';
import { convertArticleFields, type ConvertibleFields } from './convertArticleFields';
import { convertBodyText, isConvertible, type BodyRange } from './convertBodyText';
import { ConvertEncodingDialog } from './ConvertEncodingDialog';

export interface EncodingConversionOptions {
  editorRef: RefObject<Editor | null>;
  /** The article's fields now. */
  readFields: () => ConvertibleFields;
  updateFields: (changes: Partial<ConvertibleFields>) => void;
  showToast: (toast: ToastMessage) => void;
  /** Read-only text (approved, published, a move on its way): nothing to convert. */
  locked: boolean;
}

/** Whether a key press is "Chuyển mã…"'s shortcut, Ctrl+Alt+U (⌘⌥U): U for Unicode, free in the editor and the browser. */
export function isConvertEncodingShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyU';
}

export const convertEncodingShortcut = 'Ctrl+Alt+U';

/**
 * "Chuyển mã…" (toolbar, Ctrl+Alt+U): converts the body's selection, or the whole article when nothing is selected,
 * from a legacy encoding the user picks (preselected by the text's words), after a preview. The body's change is one
 * Ctrl+Z step; the notice's "Hoàn tác" takes back the fields as well.
 */
export function useEncodingConversion({ editorRef, readFields, updateFields, showToast, locked }: EncodingConversionOptions): {
  open: () => void;
  dialog: ReactNode;
} {
  const messages = useMessages();
  const [request, setRequest] = useState<{ range: BodyRange; encoding: LegacyEncoding; detected: boolean } | null>(null);
  const lockedRef = useRef(locked);
  lockedRef.current = locked;

  const open = useCallback(() => {
    const editor = editorRef.current;
    if (lockedRef.current || editor === null || editor.isDestroyed) return;
    const { from, to, empty } = editor.state.selection;
    const range = empty ? null : { from, to };
    const doc = editor.state.doc;
    const fields = readFields();
    const texts = range === null ? [fields.title, fields.sapo, doc.textBetween(0, doc.content.size, '\n', ' '), fields.bylineName] : [];
    // What a whole-article conversion would touch: the paragraphs not already in Unicode.
    const text =
      range === null
        ? texts
            .join('\n')
            .split('\n')
            .filter((line) => isConvertible(line, false))
            .join('\n')
        : doc.textBetween(from, to, '\n', ' ');
    const guess = detectLegacyEncoding({ text });
    setRequest({ range, encoding: guess?.encoding ?? 'tcvn3', detected: guess !== null });
  }, [editorRef, readFields]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isConvertEncodingShortcut(event)) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const preview = useCallback(
    (encoding: LegacyEncoding) => {
      const editor = editorRef.current;
      if (request === null || editor === null || editor.isDestroyed) return [];
      const fields = request.range === null ? convertArticleFields(readFields(), encoding).lines : [];
      return [...fields, ...convertBodyText(editor.state, encoding, request.range).lines];
    },
    [editorRef, readFields, request],
  );

  const apply = useCallback(
    (encoding: LegacyEncoding) => {
      const editor = editorRef.current;
      if (request === null || editor === null || editor.isDestroyed) return;
      setRequest(null);
      const body = convertBodyText(editor.state, encoding, request.range);
      const before = readFields();
      const fields = request.range === null ? convertArticleFields(before, encoding) : { changes: {}, lines: [] };
      const previous = Object.fromEntries(Object.keys(fields.changes).map((name) => [name, before[name as keyof ConvertibleFields]]));
      let bodyAfter = null;
      if (body.tr.docChanged) {
        editor.view.dispatch(body.tr.scrollIntoView());
        bodyAfter = editor.state.doc;
      }
      if (Object.keys(fields.changes).length > 0) updateFields(fields.changes);
      const paragraphs = body.lines.length + fields.lines.length;
      if (paragraphs === 0) return;
      showToast({
        text: messages.legacyEncoding.done(paragraphs, messages.legacyEncoding.name[encoding]),
        tone: 'info',
        action: {
          label: messages.legacyEncoding.undo,
          run: () => {
            if (bodyAfter !== null && editor.state.doc === bodyAfter) editor.commands.undo();
            else if (bodyAfter !== null) showToast({ text: messages.legacyEncoding.undoTooLate, tone: 'error' });
            if (Object.keys(previous).length > 0) updateFields(previous);
          },
        },
      });
    },
    [editorRef, readFields, updateFields, showToast, messages, request],
  );

  const dialog =
    request === null ? null : (
      <ConvertEncodingDialog
        scope={request.range === null ? 'article' : 'selection'}
        initialEncoding={request.encoding}
        detected={request.detected}
        preview={preview}
        onApply={apply}
        onClose={() => setRequest(null)}
      />
    );
  return { open, dialog };
}
