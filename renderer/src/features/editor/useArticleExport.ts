import { useCallback, useState } from 'react';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';

function splitPath(path: string): { folder: string; name: string } {
  const separator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return { folder: path.slice(0, separator), name: path.slice(separator + 1) };
}

/** The export forms: one HTML file, a folder with images/, or a Word document. */
type ExportForm = 'file' | 'folder' | 'docx';

function exportRequest(form: ExportForm, id: string) {
  if (form === 'file') return api.articleExportHtml({ id });
  return form === 'folder' ? api.articleExportFolder({ id }) : api.articleExportDocx({ id });
}

/**
 * The exports (one HTML file, a folder with images/, a Word document, or the print dialog, which also saves a PDF), each
 * saving pending edits first, once `beforeExport` (the preflight checklist, `usePreflight`) lets it go on.
 */
export function useArticleExport(
  articleId: string,
  flush: () => Promise<void>,
  showToast: (toast: ToastMessage) => void,
  beforeExport: (proceed: () => unknown) => Promise<void> = async (proceed) => void (await proceed()),
) {
  const messages = useMessages();
  const [exporting, setExporting] = useState(false);
  // How many exports were written: each takes a version (main answers once it is written), so the list reads again.
  const [exportsDone, setExportsDone] = useState(0);

  const run = useCallback(
    async (kind: ExportForm) => {
      setExporting(true);
      try {
        await flush();
        const result = await exportRequest(kind, articleId);
        if (result.status === 'saved') {
          const { folder, name } = splitPath(result.path);
          showToast({ text: messages.exported(name), detail: messages.exportedFolder(folder), tone: 'info' });
          setExportsDone((count) => count + 1);
        } else {
          showToast({ text: messages.exportCancelled, tone: 'info' });
        }
      } catch (error) {
        showToast({ text: describeError(messages, error), tone: 'error' });
      } finally {
        setExporting(false);
      }
    },
    [articleId, flush, messages, showToast],
  );

  const runPrint = useCallback(async () => {
    setExporting(true);
    try {
      await flush();
      // The system print dialog (which also saves a PDF) is open until the user prints or cancels.
      const result = await api.articlePrint({ id: articleId });
      if (result.status === 'printed') {
        showToast({ text: messages.printed, tone: 'info' });
        setExportsDone((count) => count + 1);
      } else {
        showToast({ text: messages.printCancelled, tone: 'info' });
      }
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    } finally {
      setExporting(false);
    }
  }, [articleId, flush, messages, showToast]);

  const start = useCallback(
    (kind: ExportForm) =>
      beforeExport(() => run(kind)).catch((error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' })),
    [beforeExport, run, messages, showToast],
  );

  const print = useCallback(
    () => beforeExport(runPrint).catch((error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' })),
    [beforeExport, runPrint, messages, showToast],
  );

  return {
    exporting,
    exportsDone,
    exportHtml: () => start('file'),
    exportFolder: () => start('folder'),
    exportDocx: () => start('docx'),
    print,
  };
}
