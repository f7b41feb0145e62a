import { Extension } from '@tiptap/core';
import { closeHistory, undo } from '@tiptap/pm/history';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { cleanPastedHtml } from './cleanPastedHtml';
import type { LegacyConversion } from './convertLegacyText';
import { convertPastedText } from './convertPastedText';
import type { EmbeddedImage } from './takePastedImages';

/** What a paste into the body did beyond inserting its text: told to the screen, which shows a notice. */
export interface PasteReport {
  legacy: LegacyConversion | null;
  embeddedImages: EmbeddedImage[];
  droppedImages: number;
  /**
   * Takes back the legacy conversion only: the paste is undone and pasted again as it came. False (and nothing done)
   * when the body has changed since the paste.
   */
  undoConversion: () => boolean;
}

export interface CleanPasteOptions {
  /** Called after a paste that converted legacy text, carried pictures' bytes or left pictures out. */
  onPasted: (report: PasteReport) => void;
}

type Pending = Omit<PasteReport, 'undoConversion'> & { pasteAgain: (view: EditorView) => void };

const cleanPasteKey = new PluginKey('cleanPaste');

/**
 * Clean paste into the body: pasted HTML goes through cleanPastedHtml (legacy text converted first, Word's lists made
 * lists, only the schema's markup kept), plain text (Ctrl+Shift+V, or a clipboard without HTML) through the legacy
 * detection; ProseMirror then makes each line of plain text a paragraph. Every paste is its own undo step.
 */
export const CleanPaste = Extension.create<CleanPasteOptions>({
  name: 'cleanPaste',

  addOptions() {
    return { onPasted: () => undefined };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    // Set while "Hoàn tác" pastes the original again: nothing converted, nothing reported.
    let repasting = false;
    let pending: Pending | null = null;
    let armed: Pending | null = null;
    return [
      new Plugin({
        key: cleanPasteKey,
        props: {
          transformPastedHTML(html, view) {
            const cleaned = cleanPastedHtml(html, view.dom.ownerDocument, { convertLegacy: !repasting });
            pending = {
              legacy: cleaned.legacy,
              embeddedImages: repasting ? [] : cleaned.embeddedImages,
              droppedImages: repasting ? 0 : cleaned.droppedImages,
              pasteAgain: (target) => target.pasteHTML(html, pasteEvent(target)),
            };
            return cleaned.html;
          },
          transformPastedText(text) {
            const converted = repasting ? { text, legacy: null } : convertPastedText(text);
            pending = { legacy: converted.legacy, embeddedImages: [], droppedImages: 0, pasteAgain: (target) => target.pasteText(text) };
            return converted.text;
          },
          handlePaste(view) {
            // Typing just before must not join the paste's undo step: Ctrl+Z takes back the paste, and only it.
            view.dispatch(closeHistory(view.state.tr));
            armed = pending;
            pending = null;
            return false;
          },
        },
        view: () => ({
          update(view, previous) {
            const pasted = armed;
            armed = null;
            if (pasted === null || view.state.doc === previous.doc) return;
            if (pasted.legacy === null && pasted.embeddedImages.length === 0 && pasted.droppedImages === 0) return;
            const after = view.state.doc;
            const { pasteAgain, ...report } = pasted;
            options.onPasted({
              ...report,
              undoConversion: () => {
                if (view.isDestroyed || view.state.doc !== after) return false;
                undo(view.state, view.dispatch);
                repasting = true;
                try {
                  pasteAgain(view);
                } finally {
                  repasting = false;
                }
                return true;
              },
            });
          },
        }),
      }),
    ];
  },
});

/** A paste event for a paste run by hand (jsdom has no ClipboardEvent; ProseMirror only hands it to handlePaste). */
function pasteEvent(view: EditorView): ClipboardEvent {
  const window = view.dom.ownerDocument.defaultView;
  return new (window?.Event ?? Event)('paste') as ClipboardEvent;
}
