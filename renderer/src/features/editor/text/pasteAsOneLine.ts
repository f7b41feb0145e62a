import type { ClipboardEvent } from 'react';
import { convertPastedText } from '../paste/convertPastedText';
import { announceLegacyPaste } from '../paste/legacyPasteEvent';

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
 * browser field would drop the line breaks and join the words, "Nguyễn\nVăn" → "NguyễnVăn"), converted to Unicode
 * when its words are in a legacy encoding (TCVN3, VNI, VIQR: told to the screen, which offers to take it back).
 * Inserted as typing is, so Ctrl+Z takes it back.
 */
export function pasteAsOneLine(event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>): void {
  const field = event.currentTarget;
  if (field.readOnly || field.disabled) return;
  const pasted = event.clipboardData.getData('text/plain');
  const converted = convertPastedText(pasted);
  const text = oneLineText(converted.text);
  if (text === pasted) return;
  event.preventDefault();
  field.focus();
  const start = field.selectionStart ?? field.value.length;
  insertAsTyped(field, text);
  if (converted.legacy === null) return;
  const raw = oneLineText(pasted);
  announceLegacyPaste(field, {
    legacy: converted.legacy,
    undoConversion: () => {
      if (field.value.slice(start, start + text.length) !== text) return false;
      field.focus();
      field.setSelectionRange(start, start + text.length);
      insertAsTyped(field, raw);
      return true;
    },
  });
}

function insertAsTyped(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  // execCommand keeps the field's own undo; where it is missing, the text goes in by hand and React is told.
  const document = field.ownerDocument;
  if (typeof document.execCommand === 'function' && document.execCommand('insertText', false, text)) return;
  field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
