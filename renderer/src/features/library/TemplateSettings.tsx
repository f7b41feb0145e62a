import { useState, type Dispatch, type SetStateAction } from 'react';
import type { ExportTemplate } from '../../../../shared/exportTemplateModel';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { formatBytes } from '../../lib/formatBytes';
import { templateAsSaved } from './templateAsSaved';
import { TemplatePartOrder } from './TemplatePartOrder';
import { TemplatePreviewDialog } from './TemplatePreviewDialog';

// As long as the shared settings' schema allows (exportTemplateModel: nfcString(200)).
const headerTextMaximum = 200;

export interface TemplateSettingsProps {
  value: ExportTemplate;
  /** Given a function for the answers of main's file dialogs, so an answer lands on the template as it is by then. */
  onChange: Dispatch<SetStateAction<ExportTemplate>>;
}

/** A stylesheet chosen in this dialog: its file's name and what the sanitizer took out of it. */
interface ChosenStylesheet {
  fileName: string;
  removed: string[];
}

const sizeOf = (stylesheet: string) => formatBytes(new TextEncoder().encode(stylesheet).length);

/**
 * "Mẫu trình bày" in Cài đặt: the app's own news page, or the agency's template (its name, logo, the parts' order and a
 * stylesheet). Nothing is stored until the dialog saves; going back to the default keeps the agency's values.
 */
export function TemplateSettings({ value, onChange }: TemplateSettingsProps) {
  const messages = useMessages();
  const text = messages.template;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ChosenStylesheet | null>(null);
  // The template as it stood when "Xem thử mẫu" was pressed: the frame shows that one until it is closed.
  const [previewing, setPreviewing] = useState<ExportTemplate | null>(null);

  const ask = (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    work()
      .catch((error: unknown) => setFailure(describeError(messages, error)))
      .finally(() => setBusy(false));
  };

  const chooseLogo = () =>
    ask(async () => {
      const answer = await api.templateChooseLogo({});
      if (answer.status === 'chosen') onChange((current) => ({ ...current, logo: answer.logo }));
    });

  const chooseStylesheet = () =>
    ask(async () => {
      const answer = await api.templateChooseStylesheet({});
      if (answer.status !== 'chosen') return;
      onChange((current) => ({ ...current, stylesheet: answer.stylesheet }));
      setChosen({ fileName: answer.fileName, removed: answer.removed });
    });

  return (
    <fieldset className="settings-section template-settings">
      <legend>{text.section}</legend>
      <p className="muted template-hint">{text.hint}</p>
      <div className="template-uses">
        {(['default', 'agency'] as const).map((use) => (
          <label key={use} className="radio">
            <input type="radio" name="export-template-use" checked={value.use === use} onChange={() => onChange({ ...value, use })} />
            {text.uses[use]}
          </label>
        ))}
      </div>
      {value.use === 'agency' && (
        <div className="template-agency">
          <label className="field template-header-text">
            <span className="field-label">{text.headerText}</span>
            <input
              type="text"
              value={value.headerText}
              maxLength={headerTextMaximum}
              placeholder="Bản Thảo"
              onChange={(event) => onChange({ ...value, headerText: event.target.value })}
            />
            <small className="muted">{text.headerTextHint(headerTextMaximum)}</small>
          </label>

          <div className="field">
            <span className="field-label">{text.logo}</span>
            <div className="template-row">
              {value.logo === '' ? (
                <span className="muted">{text.noLogo}</span>
              ) : (
                <img className="template-logo" src={value.logo} alt={text.logoAlt} />
              )}
              <button type="button" className="button button-small" disabled={busy} onClick={chooseLogo}>
                {text.chooseLogo}
              </button>
              {value.logo !== '' && (
                <button type="button" className="button button-small" onClick={() => onChange({ ...value, logo: '' })}>
                  {text.removeLogo}
                </button>
              )}
            </div>
            <small className="muted">{text.logoHint}</small>
          </div>

          <div className="field">
            <span className="field-label">{text.order}</span>
            <TemplatePartOrder order={value.partOrder} onChange={(partOrder) => onChange({ ...value, partOrder })} />
          </div>

          <div className="field">
            <span className="field-label">{text.stylesheet}</span>
            <div className="template-row">
              <span className="muted template-stylesheet-state">
                {chosen !== null
                  ? text.chosenStylesheet(chosen.fileName, sizeOf(value.stylesheet))
                  : value.stylesheet === ''
                    ? text.noStylesheet
                    : text.storedStylesheet(sizeOf(value.stylesheet))}
              </span>
              <button type="button" className="button button-small" disabled={busy} onClick={chooseStylesheet}>
                {text.chooseStylesheet}
              </button>
              {(value.stylesheet !== '' || chosen !== null) && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    onChange({ ...value, stylesheet: '' });
                    setChosen(null);
                  }}
                >
                  {text.removeStylesheet}
                </button>
              )}
            </div>
            {chosen !== null && chosen.removed.length > 0 && (
              <div className="template-removed" role="status">
                <p>{text.removedHeading(chosen.removed.length)}</p>
                <ul>
                  {chosen.removed.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </div>
      )}
      <p>
        <button type="button" className="button button-small" onClick={() => setPreviewing(templateAsSaved(value))}>
          {text.preview}
        </button>
      </p>
      {failure !== null && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {previewing !== null && <TemplatePreviewDialog template={previewing} onClose={() => setPreviewing(null)} />}
    </fieldset>
  );
}
