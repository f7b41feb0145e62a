import { useEffect, useId, useState } from 'react';
import { PreviewFrame, type PreviewPage } from '../../../components/PreviewFrame';
import { useMessages } from '../../../i18n/MessagesContext';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describeError';
import { useModalDialog } from '../../../lib/useModalDialog';

export interface ArticlePreviewDialogProps {
  articleId: string;
  /** Saves pending edits first, so the preview shows the text on screen. */
  flush: () => Promise<void>;
  exporting: boolean;
  copying: boolean;
  onExportHtml: () => void;
  onExportFolder: () => void;
  /** "Xuất Word": the .docx form, through the same preflight as the other forms. */
  onExportDocx: () => void;
  /** "In / PDF": the system print dialog on the print page (A4, header, page numbers). */
  onPrint: () => void;
  onCopyForCms: () => void;
  onClose: () => void;
}

/**
 * "Xem trước": the page the HTML export writes, rendered once by main ('article:preview'), shown in a frame that runs
 * no script (sandbox without allow-scripts), loads nothing remote (the page's own policy, and the window's it
 * inherits) and cannot navigate away. The export buttons stay at hand; "Đóng" or Esc closes it.
 */
export function ArticlePreviewDialog(props: ArticlePreviewDialogProps) {
  const { articleId, flush, exporting, copying, onExportHtml, onExportFolder, onExportDocx, onPrint, onCopyForCms, onClose } = props;
  const messages = useMessages();
  const text = messages.cms;
  const titleId = useId();
  const [page, setPage] = useState<PreviewPage>(null);
  const modal = useModalDialog({ onEscape: onClose, catchEscapeKey: true, closeOnUnmount: true });

  useEffect(() => {
    let current = true;
    flush()
      .then(() => api.articlePreview({ id: articleId }))
      .then(
        (result) => current && setPage({ html: result.html }),
        (error: unknown) => current && setPage({ error: describeError(messages, error) }),
      );
    return () => {
      current = false;
    };
  }, [articleId, flush, messages]);

  return (
    <dialog {...modal} className="version-dialog preview-dialog" aria-labelledby={titleId}>
      <header className="version-dialog-head">
        <h2 id={titleId} className="version-dialog-title">
          {text.previewTitle}
        </h2>
        <div className="preview-actions">
          <button type="button" className="button button-small" onClick={onCopyForCms} disabled={copying}>
            {copying ? text.copying : text.copy}
          </button>
          <button type="button" className="button button-small" onClick={onExportFolder} disabled={exporting}>
            {messages.exportFolder}
          </button>
          <button type="button" className="button button-small" onClick={onExportDocx} disabled={exporting}>
            {messages.exportDocx}
          </button>
          <button type="button" className="button button-small" onClick={onPrint} disabled={exporting}>
            {messages.print}
          </button>
          <button type="button" className="button button-small button-primary" onClick={onExportHtml} disabled={exporting}>
            {exporting ? messages.exporting : messages.exportHtml}
          </button>
          <button type="button" className="button button-small" onClick={onClose} autoFocus>
            {text.close}
          </button>
        </div>
      </header>
      <PreviewFrame page={page} title={text.previewFrame} />
    </dialog>
  );
}
