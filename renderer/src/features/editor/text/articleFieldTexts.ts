import type { ArticleContent } from '../../../../../shared/articleModel';

/** The fields around the body that find, the counts and the typography check read and change. */
export type ArticleFields = Pick<ArticleContent, 'title' | 'sapo' | 'bylineName' | 'photoCredit' | 'photoCreditMode'>;

/** A field's part, as `ArticleTextLocation` names it. */
export type FieldPart = 'title' | 'sapo' | 'byline' | 'credit';

/** Which property of the content each part is. */
export const fieldKeys = { title: 'title', sapo: 'sapo', byline: 'bylineName', credit: 'photoCredit' } as const satisfies Record<
  FieldPart,
  keyof ArticleFields
>;

/** A field's text where it stands: before the body (title, sapo) or after it (byline, typed photo credit). */
export interface FieldText {
  part: FieldPart;
  text: string;
}

/** The fields' texts before the body, in reading order. */
export function fieldsBeforeBody(fields: ArticleFields): FieldText[] {
  return [
    { part: 'title', text: fields.title },
    { part: 'sapo', text: fields.sapo },
  ];
}

/** The fields' texts after the body: the byline's name and, when typed by hand, the photo credit (a composed one follows the photos). */
export function fieldsAfterBody(fields: ArticleFields): FieldText[] {
  return [
    { part: 'byline', text: fields.bylineName },
    ...(fields.photoCreditMode === 'manual' ? [{ part: 'credit' as const, text: fields.photoCredit }] : []),
  ];
}

/** A field's new text as the form keeps it: NFC, and one line for the title and sapo. */
export function fieldChange(part: FieldPart, text: string): Partial<ArticleFields> {
  const composed = text.normalize('NFC');
  return { [fieldKeys[part]]: part === 'title' || part === 'sapo' ? composed.replace(/\n/g, ' ') : composed };
}

// The form's own inputs (ArticleForm, CreditsFields): one per part on the editor screen.
const fieldSelectors: Record<FieldPart, string> = {
  title: 'textarea.input-title',
  sapo: 'textarea.input-sapo',
  byline: '.field-byline input',
  credit: '.field-credit input',
};

/** The input of a part on the editor screen, if shown. */
export function fieldElement(part: FieldPart): HTMLInputElement | HTMLTextAreaElement | null {
  return document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`.editor-screen ${fieldSelectors[part]}`);
}

/** Puts the caret (or a selection) in a field and brings it into view. */
export function selectInField(part: FieldPart, start: number, end: number): void {
  const element = fieldElement(part);
  if (element === null) return;
  element.focus({ preventScroll: true });
  element.setSelectionRange(start, end);
  element.scrollIntoView?.({ block: 'center' });
}
