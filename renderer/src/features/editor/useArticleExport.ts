import { useCallback, useState } from 'react';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { unresolvedCommentCount } from './comments/unresolvedComments';

function splitPath(path: string): { folder: string; name: string } {
  const separator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return { folder: path.slice(0, separator), name: path.slice(separator + 1) };
}

/**
 * The two exports (one HTML file, or a folder with images/), each saving pending edits first; open comments and pending
 * suggestions in the body (`pendingSuggestions`, counted on the text on screen) ask first.
 */
export function useArticleExport(
  articleId: string,
  flush: () => Promise<void>,
  showToast: (toast: ToastMessage) => void,
  pendingSuggestions: () => number = () => 0,
) {
  const messages = useMessages();
  const [exporting, setExporting] = useState(false);
  // How many exports were written: each takes a version (main answers once it is written), so the list reads again.
  const [exportsDone, setExportsDone] = useState(0);
  // Open comments ask first (issue 9, point 8): which export waits for the answer, and how many are open.
  const [question, setQuestion] = useState<{ kind: 'file' | 'folder'; unresolved: number; suggestions: number } | null>(null);

  const run = useCallback(
    async (kind: 'file' | 'folder') => {
      setExporting(true);
      try {
        await flush();
        const result = kind === 'file' ? await api.articleExportHtml({ id: articleId }) : await api.articleExportFolder({ id: articleId });
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

  const ask = useCallback(
    async (kind: 'file' | 'folder') => {
      // Unreadable comments do not stop an export: the exporter never writes them anyway.
      const unresolved = await unresolvedCommentCount(articleId).catch(() => 0);
      const suggestions = pendingSuggestions();
      if (unresolved > 0 || suggestions > 0) setQuestion({ kind, unresolved, suggestions });
      else await run(kind);
    },
    [articleId, pendingSuggestions, run],
  );

  const exportQuestion =
    question === null
      ? null
      : {
          unresolved: question.unresolved,
          suggestions: question.suggestions,
          confirm: () => {
            setQuestion(null);
            void run(question.kind);
          },
          cancel: () => setQuestion(null),
        };

  return { exporting, exportsDone, exportHtml: () => ask('file'), exportFolder: () => ask('folder'), exportQuestion };
}
