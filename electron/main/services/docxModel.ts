/**
 * The parts of mammoth's document model (what `transformDocument` receives) the Word import reads. Mammoth builds
 * these objects from the file: every field is data from outside and is checked where it is used.
 */
export type DocxElement = DocxParagraph | DocxRun | DocxText | DocxHyperlink | DocxImage | DocxTable | DocxOther;

export interface DocxDocument {
  type: 'document';
  children: DocxElement[];
}

export interface DocxParagraph {
  type: 'paragraph';
  children: DocxElement[];
  styleId: string | null;
  styleName: string | null;
  /** A list paragraph's level ("0" is the outermost) and whether that level is numbered or bulleted. */
  numbering: { level: string; isOrdered: boolean } | null;
  /** The number Word shows on a numbered paragraph, counted by readDocxDocument: mammoth's model has no start values. */
  wordNumber?: number;
}

export interface DocxRun {
  type: 'run';
  children: DocxElement[];
  isBold: boolean;
  isItalic: boolean;
  isUnderline: boolean;
  /** The run's own font (w:rFonts w:ascii), which names a legacy encoding (".VnTime", "VNI-Times"). */
  font: string | null;
}

export interface DocxText {
  type: 'text';
  value: string;
}

export interface DocxHyperlink {
  type: 'hyperlink';
  children: DocxElement[];
  href?: string;
  anchor?: string;
}

export interface DocxImage {
  type: 'image';
  contentType?: string;
  altText?: string;
  readAsBuffer(): Promise<Buffer>;
}

export interface DocxTable {
  type: 'table' | 'tableRow' | 'tableCell';
  children: DocxElement[];
  /** A row marked to repeat at the top of each page (w:tblHeader): the table's header row. */
  isHeader?: boolean;
  /** A cell's columns (w:gridSpan) and rows (w:vMerge, the merged cells below left out by mammoth). */
  colSpan?: number;
  rowSpan?: number;
}

/** Tabs, breaks, notes, comments, bookmarks, checkboxes: read by type alone. */
export interface DocxOther {
  type: 'tab' | 'break' | 'noteReference' | 'commentReference' | 'bookmarkStart' | 'checkbox' | 'note' | 'comment';
  breakType?: string;
  children?: DocxElement[];
}
