// Kept free of zod: the window imports these (the renderer bundle carries no zod), the template's schema does not.

/** The parts of an article a template may put in its own order (the photo, body and credit follow their own rules). */
export const articlePartNames = ['date', 'title', 'sapo', 'byline'] as const;
export type ArticlePart = (typeof articlePartNames)[number];

/** A clean Vietnamese news page: date, title, sapo, then the body, the byline last. */
export const defaultPartOrder: readonly ArticlePart[] = ['date', 'title', 'sapo', 'byline'];

/** The masthead an export page and a printout open with: the agency's name and logo (either may be empty, not both). */
export interface ExportMasthead {
  readonly text: string;
  readonly logo: { readonly src: string; readonly width: number; readonly height: number } | null;
}

/**
 * How an export looks once the template is resolved (its stylesheet sanitized, its logo measured): what every form
 * (HTML page, folder, CMS fragment, Word, print, preview) is rendered with.
 */
export interface ExportLook {
  readonly partOrder: readonly ArticlePart[];
  readonly masthead: ExportMasthead | null;
  /** Sanitized CSS after the app's stylesheet; '' for none. */
  readonly stylesheet: string;
  /** The running header of printed pages; '' for the app's name. */
  readonly headerText: string;
}

/** The app's own look: what an export is when no template is chosen. */
export const defaultExportLook: ExportLook = { partOrder: defaultPartOrder, masthead: null, stylesheet: '', headerText: '' };
