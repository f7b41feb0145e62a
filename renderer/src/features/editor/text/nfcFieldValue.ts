import type { ChangeEvent } from 'react';

/**
 * NFC at the door for plain fields (title, sapo, byline, credits, a photo's credit and alt): the value as the field
 * should hold it. When normalizing shortened it (a decomposed paste, a combining mark typed alone), the caret is put
 * back after the same characters once React has written the value. Left as typed while an IME composes.
 */
export function nfcFieldValue(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): string {
  const field = event.target;
  const value = field.value;
  if ((event.nativeEvent as Partial<InputEvent>).isComposing === true) return value;
  const normalized = value.normalize('NFC');
  if (normalized === value) return value;
  const caret = field.selectionStart === null ? null : value.slice(0, field.selectionStart).normalize('NFC').length;
  if (caret !== null) {
    // After React's own write of the new value, which puts the caret at the end.
    setTimeout(() => {
      if (field.ownerDocument.activeElement === field) field.setSelectionRange(caret, caret);
    });
  }
  return normalized;
}
