import { decodeLegacy } from '../../../shared/legacyEncodings/decodeLegacy';
import { detectLegacyEncoding } from '../../../shared/legacyEncodings/detectLegacyEncoding';
import type { LegacyEncoding } from '../../../shared/legacyEncodings/LegacyEncoding';
import { legacyEncodingOfFont } from '../../../shared/legacyEncodings/legacyEncodingOfFont';
import type { DocxDocument, DocxElement, DocxRun } from './docxModel';

/** The runs of one paragraph (inside its links too), not those of a paragraph nested in a table cell below it. */
function runsOf(elements: readonly DocxElement[], into: DocxRun[] = []): DocxRun[] {
  for (const element of elements) {
    if (element.type === 'run') into.push(element);
    else if (element.type === 'hyperlink') runsOf(element.children, into);
  }
  return into;
}

function textOf(run: DocxRun): string {
  return run.children.map((child) => (child.type === 'text' ? child.value : ' ')).join('');
}

/**
 * Converts text set in a legacy Vietnamese font (TCVN3's ".VnTime", VNI's "VNI-Times"…) to Unicode, in place, before
 * anything else reads the document. The run's font names the encoding; per paragraph, the runs in fonts of one
 * encoding are judged together (a word may be split across runs), and left alone when their text reads better as it
 * is (Unicode typed in an old font). Returns how many runs were converted.
 */
export function decodeLegacyRuns(document: DocxDocument): number {
  let converted = 0;
  const visit = (element: DocxElement) => {
    if (element.type === 'paragraph') {
      const byEncoding = new Map<LegacyEncoding, DocxRun[]>();
      for (const run of runsOf(element.children)) {
        const encoding = typeof run.font === 'string' ? legacyEncodingOfFont(run.font) : null;
        if (encoding !== null) byEncoding.set(encoding, [...(byEncoding.get(encoding) ?? []), run]);
      }
      for (const [encoding, runs] of byEncoding) {
        const guess = detectLegacyEncoding({ text: runs.map(textOf).join(''), fontNames: runs.map((run) => run.font ?? '') });
        if (guess === null || guess.encoding !== encoding) continue;
        for (const run of runs) {
          for (const child of run.children) if (child.type === 'text') child.value = decodeLegacy(child.value, encoding);
          converted += 1;
        }
      }
    }
    if ('children' in element && Array.isArray(element.children)) for (const child of element.children) visit(child);
  };
  for (const child of document.children) visit(child);
  return converted;
}
