import { useCallback, useEffect, useRef, useState } from 'react';
import { articleContentOf } from '../../../../shared/articleContentOf';
import { wordImportLimitBytes } from '../../../../shared/wordFileLimits';
import type { WordDraft, WordImportProgress } from '../../../../shared/wordImportModel';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { wordDraftBody } from './wordDraftBody';

/**
 * Where an import stands: nothing, the file being read (how far; null while the system's file dialog is still open),
 * or the draft waiting for the user's word.
 */
export type WordImportState =
  { phase: 'idle' } | { phase: 'reading'; progress: WordImportProgress } | { phase: 'confirming'; draft: WordDraft; creating: boolean };

/** How often the progress of a file being read is asked (main answers at once). */
const progressPollMs = 250;

/**
 * "Nhập từ Word…" and a .docx dropped on the library: main reads the file into a draft (asked for its progress while
 * it reads), the user confirms or corrects the guessed title and sapo, then the article is created, saved with the
 * draft's body and opened. Cancelling creates nothing.
 */
export function useWordImport(options: {
  onOpen: (articleId: string) => void;
  showToast: (toast: ToastMessage) => void;
  onCreated: () => void;
}) {
  const { onOpen, showToast, onCreated } = options;
  const messages = useMessages();
  const [state, setState] = useState<WordImportState>({ phase: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const read = useCallback(
    async (reading: () => Promise<WordDraft | null>, progress: WordImportProgress) => {
      setState({ phase: 'reading', progress });
      let polling = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const poll = () => {
        timer = setTimeout(() => {
          void api.wordProgress({}).then(
            (progress) => {
              if (!polling || !mounted.current) return;
              if (progress !== null) setState({ phase: 'reading', progress });
              poll();
            },
            () => undefined,
          );
        }, progressPollMs);
      };
      poll();
      try {
        const draft = await reading();
        if (mounted.current) setState(draft === null ? { phase: 'idle' } : { phase: 'confirming', draft, creating: false });
      } catch (error) {
        if (mounted.current) setState({ phase: 'idle' });
        showToast({ text: describeError(messages, error), tone: 'error' });
      } finally {
        polling = false;
        clearTimeout(timer);
      }
    },
    [messages, showToast],
  );

  const importFromDialog = useCallback(
    () =>
      read(async () => {
        const outcome = await api.wordOpenFromDialog({});
        return outcome.status === 'read' ? outcome.draft : null;
        // Nothing shown until main says it reads: the system's file dialog is open until then.
      }, null),
    [read],
  );

  const importFile = useCallback(
    (file: File) => {
      if (file.size > wordImportLimitBytes) {
        showToast({ text: messages.wordImport.tooLarge(file.name, wordImportLimitBytes / 1024 / 1024), tone: 'error' });
        return Promise.resolve();
      }
      return read(async () => api.wordReadBytes({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }), {
        stage: 'reading',
      });
    },
    [messages, read, showToast],
  );

  const cancel = useCallback(() => setState({ phase: 'idle' }), []);

  const create = useCallback(
    async (draft: WordDraft, title: string, sapo: string) => {
      setState({ phase: 'confirming', draft, creating: true });
      let createdId: string | null = null;
      try {
        const article = await api.articleCreate({});
        createdId = article.id;
        const content = { ...articleContentOf(article), title: title.trim(), sapo: sapo.trim(), body: wordDraftBody(draft, title, sapo) };
        await api.articleSave({ id: article.id, baseRevision: article.revision, content });
        showToast({ text: messages.wordImport.created(content.title || messages.untitled), tone: 'info' });
        if (mounted.current) setState({ phase: 'idle' });
        onCreated();
        onOpen(article.id);
      } catch (error) {
        // An empty article whose text could not be saved would be half an import: it goes to the trash (restorable).
        if (createdId !== null) await api.articleTrash({ id: createdId }).catch(() => undefined);
        if (mounted.current) setState({ phase: 'confirming', draft, creating: false });
        showToast({ text: describeError(messages, error), tone: 'error' });
      }
    },
    [messages, onCreated, onOpen, showToast],
  );

  return { state, importFromDialog, importFile, cancel, create };
}
