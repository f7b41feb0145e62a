import { useCallback, useState } from 'react';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';

function splitPath(path: string): { folder: string; name: string } {
  const separator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return { folder: path.slice(0, separator), name: path.slice(separator + 1) };
}

/** The two exports (one HTML file, or a folder with images/), each saving pending edits first. */
export function useArticleExport(articleId: string, flush: () => Promise<void>, showToast: (toast: ToastMessage) => void) {
  const messages = useMessages();
  const [exporting, setExporting] = useState(false);

  const run = useCallback(
    async (kind: 'file' | 'folder') => {
      setExporting(true);
      try {
        await flush();
        const result = kind === 'file' ? await api.articleExportHtml({ id: articleId }) : await api.articleExportFolder({ id: articleId });
        if (result.status === 'saved') {
          const { folder, name } = splitPath(result.path);
          showToast({ text: messages.exported(name), detail: messages.exportedFolder(folder), tone: 'info' });
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

  return { exporting, exportHtml: () => run('file'), exportFolder: () => run('folder') };
}
