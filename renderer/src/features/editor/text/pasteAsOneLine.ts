import type { ClipboardEvent } from 'react';

const lineBreaks = '\\r\\n\\t\\v\\f\\u2028\\u2029';

/**
 * Pasted text as a one-line field takes it, NFC: line breaks and tabs at its ends dropped, each run of them inside
 * (with the spaces around) one space. Spaces at its ends stay: the paste may go between two words.
 */
export function oneLineText(text: string): string {
  return text
    .normalize('NFC')
    .replace(new RegExp(`^[${lineBreaks}]+|[${lineBreaks}]+$`, 'g'), '')
    .replace(new RegExp(`[ ]*[${lineBreaks}]+[ ]*`, 'g'), ' ');
}

/**
 * Paste into the title, sapo, byline and credit fields: plain text on one line, whatever the clipboard holds (a
 * browser field would drop the line breaks and join the words, "Nguyễn\nVăn" → "NguyễnVăn"). Inserted as typing is,
 * so Ctrl+Z takes it back.
 */
export function pasteAsOneLine(event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>): void {
  const field = event.currentTarget;
  if (field.readOnly || field.disabled) return;
  const pasted = event.clipboardData.getData('text/plain');
  const text = oneLineText(pasted);
  if (text === pasted) return;
  event.preventDefault();
  field.focus();
  // execCommand keeps the field's own undo; where it is missing, the text goes in by hand and React is told.
  const document = field.ownerDocument;
  if (typeof document.execCommand === 'function' && document.execCommand('insertText', false, text)) return;
  field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
