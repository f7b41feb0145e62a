import type { ExportTemplate } from '../../../../shared/exportTemplateModel';

/** A header line as saved: NFC, line breaks and runs of spaces made one space, trimmed. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The template as the dialog sends it: what was typed in the name field made one line; the rest as chosen. */
export function templateAsSaved(draft: ExportTemplate): ExportTemplate {
  return { ...draft, headerText: oneLine(draft.headerText) };
}
