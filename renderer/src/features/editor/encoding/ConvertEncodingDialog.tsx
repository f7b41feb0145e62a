import { useMemo, useState } from 'react';
import { legacyEncodings, type LegacyEncoding } from '../../../../../shared/legacyEncodings/LegacyEncoding';
import { useMessages } from '../../../i18n/MessagesContext';
import { VersionDialog } from '../versions/VersionDialog';
import type { ConvertedLine } from './convertBodyText';

/** How many converted paragraphs the preview shows. */
const previewLines = 5;
/** How much of a long paragraph the preview shows. */
const previewLength = 160;

export interface ConvertEncodingDialogProps {
  /** The selected part of the body, or the whole article. */
  scope: 'selection' | 'article';
  /** The encoding chosen at first: the one the text's words point to, else TCVN3. */
  initialEncoding: LegacyEncoding;
  /** Whether `initialEncoding` was found in the text (said beside it). */
  detected: boolean;
  /** The paragraphs an encoding would change, before and after. */
  preview: (encoding: LegacyEncoding) => ConvertedLine[];
  onApply: (encoding: LegacyEncoding) => void;
  onClose: () => void;
}

function shortened(text: string): string {
  return text.length > previewLength ? `${text.slice(0, previewLength)}…` : text;
}

/** "Chuyển mã…": which encoding the text is in, a preview of the first paragraphs it changes, and "Chuyển mã". */
export function ConvertEncodingDialog({ scope, initialEncoding, detected, preview, onApply, onClose }: ConvertEncodingDialogProps) {
  const messages = useMessages();
  const text = messages.legacyEncoding;
  const [encoding, setEncoding] = useState(initialEncoding);
  const lines = useMemo(() => preview(encoding), [preview, encoding]);

  return (
    <VersionDialog
      title={text.title}
      subtitle={scope === 'selection' ? text.scopeSelection : text.scopeArticle}
      size="small"
      closeLabel={text.cancel}
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" disabled={lines.length === 0} onClick={() => onApply(encoding)}>
          {text.apply}
        </button>
      }
    >
      <fieldset className="encoding-choice">
        <legend>{text.from}</legend>
        {legacyEncodings.map((choice) => (
          <label key={choice} className="encoding-option">
            <input type="radio" name="legacy-encoding" checked={choice === encoding} onChange={() => setEncoding(choice)} />
            <span>
              {text.name[choice]} <small className="muted">{text.fontHint[choice]}</small>
              {detected && choice === initialEncoding && <small className="encoding-detected"> · {text.detected}</small>}
            </span>
          </label>
        ))}
      </fieldset>
      <h3 className="encoding-preview-title">{text.preview}</h3>
      {lines.length === 0 ? (
        <p className="muted">{text.nothing}</p>
      ) : (
        <ol className="encoding-preview" aria-label={text.preview}>
          {lines.slice(0, previewLines).map((line, index) => (
            <li key={index}>
              <del className="encoding-before">{shortened(line.before)}</del>
              <ins className="encoding-after">{shortened(line.after)}</ins>
            </li>
          ))}
          {lines.length > previewLines && <li className="muted">{text.previewMore(lines.length - previewLines)}</li>}
        </ol>
      )}
    </VersionDialog>
  );
}
