import type { Editor } from '@tiptap/core';
import type { PreflightPlace } from '../../../../../shared/preflightArticle';
import { pendingSuggestions } from '../suggestions/pendingSuggestions';
import { editorTextBlocks } from '../text/editorTextBlocks';
import { fieldElement } from '../text/articleFieldTexts';
import { revealInBody } from '../text/revealInBody';

/** The editor position where a body block or photo starts its text: the photo found by its media id if the blocks moved. */
function blockStart(editor: Editor, place: Extract<PreflightPlace, { block: number }>): number | null {
  const blocks = editorTextBlocks(editor.state.doc);
  const atIndex = blocks[place.block];
  if (place.part === 'body' || (atIndex?.type === 'figure' && atIndex.node.attrs['mediaId'] === place.mediaId))
    return atIndex === undefined ? null : atIndex.position + 1;
  const figure = blocks.find((block) => block.type === 'figure' && block.node.attrs['mediaId'] === place.mediaId);
  return figure === undefined ? null : figure.position + 1;
}

/**
 * "Đến chỗ này" of a preflight finding: the caret at the end of the field, at the start of the body block or the
 * photo's caption (the whole photo scrolled into view), at the first pending suggestion, or on the comments panel.
 */
export function revealPreflightPlace(place: PreflightPlace, editor: Editor | null): void {
  const body = editor !== null && !editor.isDestroyed ? editor : null;
  switch (place.part) {
    case 'title':
    case 'sapo':
    case 'byline': {
      const element = fieldElement(place.part);
      if (element === null) return;
      element.focus({ preventScroll: true });
      element.setSelectionRange(element.value.length, element.value.length);
      element.scrollIntoView?.({ block: 'center' });
      return;
    }
    case 'body':
    case 'figure': {
      const start = body === null ? null : blockStart(body, place);
      if (body === null || start === null) return;
      revealInBody(body, start, start, true);
      if (place.part === 'figure') {
        const figure = body.view.domAtPos(start).node;
        (figure instanceof Element ? figure : figure.parentElement)?.closest('figure')?.scrollIntoView?.({ block: 'center' });
      }
      return;
    }
    case 'suggestions': {
      const first = body === null ? undefined : pendingSuggestions(body.state.doc)[0];
      if (body !== null && first !== undefined) revealInBody(body, first.from, first.from, true);
      return;
    }
    case 'comments': {
      const panel = document.querySelector<HTMLElement>('.comments-panel');
      panel?.scrollIntoView?.({ block: 'start' });
      panel?.querySelector<HTMLElement>('button, [tabindex="0"]')?.focus();
      return;
    }
  }
}
