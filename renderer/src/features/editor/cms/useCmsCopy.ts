import { useCallback, useState } from 'react';
import type { CmsField } from '../../../../../shared/exportArticleFragment';
import type { ToastMessage } from '../../../components/useToast';
import { useMessages } from '../../../i18n/MessagesContext';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describeError';

/**
 * "Sao chép cho CMS": saves pending edits, lets `beforeExport` (the preflight checklist) go through it, then has main put
 * the article's fragment on the clipboard and opens the panel of fields; each field copies on its own ("Đã chép" on
 * the last one copied), and "Lưu ảnh cho CMS…" saves the photos named as the fragment names them.
 */
export function useCmsCopy(
  articleId: string,
  flush: () => Promise<void>,
  showToast: (toast: ToastMessage) => void,
  beforeExport: (proceed: () => unknown) => Promise<void>,
  onCopied: () => void = () => undefined,
) {
  const messages = useMessages();
  const [copying, setCopying] = useState(false);
  const [fields, setFields] = useState<CmsField[] | null>(null);
  const [copiedField, setCopiedField] = useState<number | null>(null);
  const [savingPhotos, setSavingPhotos] = useState(false);

  const copy = useCallback(async () => {
    setCopying(true);
    try {
      await flush();
      const result = await api.articleCopyForCms({ id: articleId });
      setCopiedField(null);
      setFields(result.fields);
      showToast({ text: messages.cms.copied, tone: 'info' });
      onCopied();
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    } finally {
      setCopying(false);
    }
  }, [articleId, flush, messages, showToast, onCopied]);

  const copyForCms = useCallback(
    () => beforeExport(copy).catch((error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' })),
    [beforeExport, copy, messages, showToast],
  );

  const copyField = useCallback(
    async (index: number) => {
      const field = fields?.[index];
      if (field === undefined) return;
      try {
        await api.clipboardWrite(field.html === undefined ? { text: field.text } : { text: field.text, html: field.html });
        setCopiedField(index);
      } catch (error) {
        showToast({ text: describeError(messages, error), tone: 'error' });
      }
    },
    [fields, messages, showToast],
  );

  const savePhotos = useCallback(async () => {
    setSavingPhotos(true);
    try {
      const result = await api.articleSaveCmsPhotos({ id: articleId });
      if (result.status === 'saved') {
        showToast({ text: messages.cms.photosSaved(result.count), detail: messages.cms.photosFolder(result.path), tone: 'info' });
      } else {
        showToast({ text: messages.cms.photosCancelled, tone: 'info' });
      }
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    } finally {
      setSavingPhotos(false);
    }
  }, [articleId, messages, showToast]);

  return {
    copying,
    copyForCms,
    panel: fields === null ? null : { fields, copiedField, copyField, savePhotos, savingPhotos, close: () => setFields(null) },
  };
}
