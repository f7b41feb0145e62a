import type { LegacyConversion } from './convertLegacyText';

/** The DOM event a one-line field sends up after a paste it converted from a legacy encoding. */
export const legacyPasteEvent = 'banthao-legacy-paste';

export interface LegacyPasteDetail {
  legacy: LegacyConversion;
  /** Puts the pasted text back as it came; false when the field has changed since. */
  undoConversion: () => boolean;
}

/** Tells the screen (usePasteNotices) about a converted paste into a plain field, which has no editor to report to. */
export function announceLegacyPaste(field: HTMLElement, detail: LegacyPasteDetail): void {
  const window = field.ownerDocument.defaultView;
  if (window !== null) field.dispatchEvent(new window.CustomEvent<LegacyPasteDetail>(legacyPasteEvent, { bubbles: true, detail }));
}
