import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Printer } from '../../electron/main/application/Printer';

/**
 * The harness's printer: there is no system print dialog in a browser tab, so the print page is written to
 * `<exportDirectory>/print/<slug>.html`, where an end-to-end test opens it in Chromium and prints it to PDF.
 */
export function createBridgePrinter(exportDirectory: string): Printer {
  return {
    async print({ html, name }) {
      const folder = join(exportDirectory, 'print');
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, `${name === '' ? 'bai-viet' : name}.html`), html, 'utf8');
      return { status: 'printed' };
    },
  };
}
