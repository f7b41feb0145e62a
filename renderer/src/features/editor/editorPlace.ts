import type { Editor } from '@tiptap/core';

/** Where the user was in the form: the page's scroll, the field with the focus and the selection in it. */
export interface EditorPlace {
  scrollTop: number;
  focus: 'title' | 'sapo' | 'body' | null;
  from: number;
  to: number;
}

export interface PlaceFields {
  title: HTMLTextAreaElement | null;
  sapo: HTMLTextAreaElement | null;
  body: Editor | null;
}

/** The user's place now, to be taken back when the form is rebuilt with another revision of the article. */
export function placeOf(fields: PlaceFields): EditorPlace {
  const scrollTop = document.documentElement.scrollTop;
  for (const focus of ['title', 'sapo'] as const) {
    const field = fields[focus];
    if (field !== null && document.activeElement === field) return { scrollTop, focus, from: field.selectionStart, to: field.selectionEnd };
  }
  const body = fields.body;
  if (body === null || body.isDestroyed) return { scrollTop, focus: null, from: 0, to: 0 };
  const { from, to } = body.state.selection;
  return { scrollTop, focus: body.isFocused ? 'body' : null, from, to };
}

/** Takes the user back to `place` in the new text: the same selection where it still exists (else its end), the same scroll. */
export function restorePlace(fields: PlaceFields, place: EditorPlace): void {
  const body = fields.body;
  if (body !== null && !body.isDestroyed) {
    const size = body.state.doc.content.size;
    const clamp = (position: number) => Math.max(0, Math.min(position, size));
    body.commands.setTextSelection({ from: clamp(place.from), to: clamp(place.to) });
    if (place.focus === 'body') body.commands.focus(undefined, { scrollIntoView: false });
  }
  const field = place.focus === 'title' || place.focus === 'sapo' ? fields[place.focus] : null;
  if (field !== null) {
    field.focus({ preventScroll: true });
    field.setSelectionRange(Math.min(place.from, field.value.length), Math.min(place.to, field.value.length));
  }
  document.documentElement.scrollTop = place.scrollTop;
}
