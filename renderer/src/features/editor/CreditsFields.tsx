import { bylineRoles, type BylineRole } from '../../../../shared/articleVocabulary';
import { bylineText, photoCreditText } from '../../../../shared/creditLines';
import { photosAllBy } from '../../../../shared/composePhotoCredit';
import { useMessages } from '../../i18n/MessagesContext';
import { nfcFieldValue } from './text/nfcFieldValue';
import { pasteAsOneLine } from './text/pasteAsOneLine';

export interface CreditsValues {
  bylineRole: BylineRole;
  bylineName: string;
  photoCredit: string;
  photoCreditMode: 'auto' | 'manual';
}

export interface CreditsFieldsProps {
  values: CreditsValues;
  /** The credits typed on the article's photos, in document order. */
  figureCredits: readonly string[];
  /** The auto-composed credit line ("Văn Đốc, Minh Anh"), shown while the mode is auto. */
  composedCredit: string;
  onChange: (changes: Partial<CreditsValues>) => void;
  /** Approved or published: the lines are shown, not edited. */
  readOnly?: boolean;
}

/** The closing lines: byline form and name, the "Ảnh:" credit (composed from the photos unless typed), a preview. */
export function CreditsFields({ values, figureCredits, composedCredit, onChange, readOnly = false }: CreditsFieldsProps) {
  const messages = useMessages();
  const credit = values.photoCreditMode === 'auto' ? composedCredit : values.photoCredit;
  const offerNewsAndPhotos = values.bylineRole === 'news' && photosAllBy(values.bylineName, figureCredits);
  const closingLines = [bylineText(values.bylineRole, values.bylineName), photoCreditText(values.bylineRole, credit)].filter(Boolean);

  return (
    <>
      <div className="credits-row">
        <label className="field field-role">
          <span className="field-label">{messages.fieldBylineRole}</span>
          <select
            value={values.bylineRole}
            disabled={readOnly}
            onChange={(event) => onChange({ bylineRole: event.target.value as BylineRole })}
          >
            {bylineRoles.map((role) => (
              <option key={role} value={role}>
                {messages.bylineRole[role]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-byline">
          <span className="field-label">{messages.fieldBylineName}</span>
          <input
            type="text"
            list="people-names"
            value={values.bylineName}
            readOnly={readOnly}
            placeholder={messages.fieldBylineNamePlaceholder}
            onChange={(event) => onChange({ bylineName: nfcFieldValue(event) })}
            onPaste={pasteAsOneLine}
          />
        </label>
        <label className="field field-credit">
          <span className="field-label">{messages.fieldPhotoCredit}</span>
          <input
            type="text"
            list="people-names"
            value={credit}
            readOnly={readOnly}
            placeholder={messages.fieldPhotoCreditPlaceholder}
            disabled={values.bylineRole === 'newsAndPhotos'}
            title={values.bylineRole === 'newsAndPhotos' ? messages.photoCreditCoveredByByline : undefined}
            // Typing a credit takes over from the composed one; the checkbox below gives it back.
            onChange={(event) => onChange({ photoCredit: nfcFieldValue(event), photoCreditMode: 'manual' })}
            onPaste={pasteAsOneLine}
          />
        </label>
      </div>
      <div className="credits-options">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.photoCreditMode === 'auto'}
            disabled={readOnly}
            onChange={(event) =>
              onChange(event.target.checked ? { photoCreditMode: 'auto', photoCredit: composedCredit } : { photoCreditMode: 'manual' })
            }
          />
          {messages.creditAuto}
        </label>
        {offerNewsAndPhotos && !readOnly && (
          <button type="button" className="button button-small" onClick={() => onChange({ bylineRole: 'newsAndPhotos' })}>
            {messages.useNewsAndPhotos(values.bylineName.trim())}
          </button>
        )}
      </div>
      {closingLines.length > 0 && (
        <div className="closing-preview" aria-label={messages.footerPreview}>
          {closingLines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </>
  );
}
