import { useId } from 'react';
import type { CmsField } from '../../../../../shared/exportArticleFragment';
import { useMessages } from '../../../i18n/MessagesContext';
import { useModalDialog } from '../../../lib/useModalDialog';

export interface CmsCopyPanelProps {
  fields: readonly CmsField[];
  /** The field copied last (its button says "Đã chép"), or null. */
  copiedField: number | null;
  onCopyField: (index: number) => void;
  onSavePhotos: () => void;
  savingPhotos: boolean;
  onClose: () => void;
}

/**
 * "Sao chép cho CMS": the whole article is already on the clipboard; here each part (title, sapo, body, each caption,
 * byline, credit) copies on its own for a CMS form with a box per part. "Đóng" or Esc closes it.
 */
export function CmsCopyPanel({ fields, copiedField, onCopyField, onSavePhotos, savingPhotos, onClose }: CmsCopyPanelProps) {
  const messages = useMessages();
  const text = messages.cms;
  const titleId = useId();
  const modal = useModalDialog({ onEscape: onClose, catchEscapeKey: true, closeOnUnmount: true });
  // Captions are numbered in photo order: "Chú thích ảnh 1", "Chú thích ảnh 2"…
  const captionNumber = (index: number) => fields.slice(0, index + 1).filter((field) => field.kind === 'caption').length;
  const labels = fields.map((field, index) =>
    field.kind === 'caption' ? text.captionNumber(captionNumber(index)) : text.field[field.kind],
  );

  return (
    <dialog {...modal} className="version-dialog cms-panel" aria-labelledby={titleId}>
      <header className="version-dialog-head">
        <h2 id={titleId} className="version-dialog-title">
          {text.panelTitle}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {text.close}
        </button>
      </header>
      <div className="version-dialog-body">
        <p className="muted">{text.panelIntro}</p>
        <ul className="cms-fields">
          {fields.map((field, index) => (
            <li key={`${field.kind}:${index}`} className="cms-field">
              <span className="cms-field-label">{labels[index]}</span>
              <span className="cms-field-text">{field.text}</span>
              <button
                type="button"
                className="button button-small"
                aria-label={text.copyFieldLabel(labels[index]!)}
                onClick={() => onCopyField(index)}
              >
                {copiedField === index ? text.fieldCopied : text.copyField}
              </button>
            </li>
          ))}
        </ul>
        <div className="cms-panel-actions">
          <button type="button" className="button" onClick={onSavePhotos} disabled={savingPhotos}>
            {text.savePhotos}
          </button>
        </div>
      </div>
    </dialog>
  );
}
