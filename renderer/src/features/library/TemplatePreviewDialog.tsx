import { useEffect, useId, useState } from 'react';
import type { ExportTemplate } from '../../../../shared/exportTemplateModel';
import { PreviewFrame, type PreviewPage } from '../../components/PreviewFrame';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { useModalDialog } from '../../lib/useModalDialog';

export interface TemplatePreviewDialogProps {
  /** The template as the settings dialog holds it, saved or not. */
  template: ExportTemplate;
  onClose: () => void;
}

/**
 * "Xem thử mẫu": a sample article rendered by main with the template as it stands in Cài đặt (not yet saved), shown as
 * "Xem trước" shows an article: a frame that runs no script, loads nothing remote and cannot navigate away.
 */
export function TemplatePreviewDialog({ template, onClose }: TemplatePreviewDialogProps) {
  const messages = useMessages();
  const text = messages.template;
  const titleId = useId();
  const [page, setPage] = useState<PreviewPage>(null);
  // Esc closes this dialog only, not Cài đặt beneath it.
  const modal = useModalDialog({ onEscape: onClose, catchEscapeKey: true, closeOnUnmount: true });

  useEffect(() => {
    let current = true;
    api.templatePreview({ exportTemplate: template }).then(
      (result) => current && setPage({ html: result.html }),
      (error: unknown) => current && setPage({ error: describeError(messages, error) }),
    );
    return () => {
      current = false;
    };
  }, [template, messages]);

  return (
    <dialog {...modal} className="version-dialog preview-dialog" aria-labelledby={titleId}>
      <header className="version-dialog-head">
        <h2 id={titleId} className="version-dialog-title">
          {text.previewTitle}
        </h2>
        <div className="preview-actions">
          <button type="button" className="button button-small" onClick={onClose} autoFocus>
            {messages.cms.close}
          </button>
        </div>
      </header>
      <PreviewFrame page={page} title={text.previewFrame} />
    </dialog>
  );
}
