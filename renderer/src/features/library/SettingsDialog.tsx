import { useState, type FormEvent } from 'react';
import { canonicalJson } from '../../../../shared/canonicalJson';
import { numberSettings, type NumberSettingKey } from '../../../../shared/numberSettings';
import type { Settings } from '../../../../shared/settingsModel';
import { IdentityFields, identityProblems, type IdentityDraft } from '../../components/IdentityFields';
import type { Messages } from '../../i18n/messages';
import { useMessages } from '../../i18n/MessagesContext';
import { useNavigation } from '../../lib/NavigationContext';
import { useModalDialog } from '../../lib/useModalDialog';
import { DictionarySection } from './DictionarySection';
import { HouseStyleFields } from './HouseStyleFields';
import { SharedLibrarySection } from './SharedLibrarySection';
import { templateAsSaved } from './templateAsSaved';
import { TemplateSettings } from './TemplateSettings';

export interface SettingsDialogProps {
  settings: Settings;
  onSave: (changes: Partial<Settings>) => void;
  onClose: () => void;
}

/** The order and labels of the numbers the dialog edits; bounds and defaults come from the shared table. */
const fields: ReadonlyArray<{ key: NumberSettingKey; label: (messages: Messages) => string }> = [
  { key: 'exportImageMaxSide', label: (messages) => messages.exportImageMaxSide },
  { key: 'exportJpegQuality', label: (messages) => messages.exportJpegQuality },
  { key: 'docxFontSize', label: (messages) => messages.docxFontSize },
  { key: 'backupEveryMinutes', label: (messages) => messages.backupEveryMinutes },
  { key: 'backupKeepHours', label: (messages) => messages.backupKeepHours },
  { key: 'backupDailyKeepDays', label: (messages) => messages.backupDailyKeepDays },
];

/**
 * Settings in a modal dialog: who uses this computer (name and role), exported photos' size and quality, how often
 * backups are taken and kept, the house style, the export template, the spelling dictionary's words (removed at once,
 * not on save), and the shared library's connection (saved by its own button).
 */
export function SettingsDialog({ settings, onSave, onClose }: SettingsDialogProps) {
  const messages = useMessages();
  const navigation = useNavigation();
  // Esc: the browser closes the dialog, and its close event closes Cài đặt. However it closes, the focus goes back to
  // "Cài đặt" (it was left on the page's body).
  const modal = useModalDialog({ onEscape: 'browser', closeOnUnmount: true, restoreFocus: true });
  const [texts, setTexts] = useState<Record<NumberSettingKey, string>>(
    () => Object.fromEntries(fields.map(({ key }) => [key, String(settings[key])])) as Record<NumberSettingKey, string>,
  );

  const [identity, setIdentity] = useState<IdentityDraft>({ name: settings.userName, role: settings.userRole ?? '' });
  const problems = identityProblems(identity, messages);
  const [houseStyle, setHouseStyle] = useState(settings.houseStyle);
  const [template, setTemplate] = useState(settings.exportTemplate);

  const valid = ({ key }: { key: NumberSettingKey }) =>
    /^\d+$/.test(texts[key]) && Number(texts[key]) >= numberSettings[key].minimum && Number(texts[key]) <= numberSettings[key].maximum;
  const allValid = fields.every(valid) && identity.role !== '' && problems.name === undefined;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!allValid || identity.role === '') return;
    onSave({
      userName: identity.name.trim(),
      userRole: identity.role,
      houseStyle,
      // Sent only when changed: an untouched template is no change of the shared settings for a sync to carry.
      ...(canonicalJson(templateAsSaved(template)) === canonicalJson(settings.exportTemplate)
        ? {}
        : { exportTemplate: templateAsSaved(template) }),
      ...Object.fromEntries(fields.map(({ key }) => [key, Number(texts[key])])),
    });
    onClose();
  };

  return (
    <dialog {...modal} className="settings-dialog" aria-labelledby="settings-title" onClose={onClose}>
      <form method="dialog" onSubmit={save}>
        <h2 id="settings-title">{messages.settingsTitle}</h2>
        <fieldset className="settings-section">
          <legend>{messages.identitySection}</legend>
          <IdentityFields value={identity} onChange={setIdentity} problems={problems} />
        </fieldset>
        <div className="settings-grid">
          {fields.map((setting) => (
            <label className="field" key={setting.key}>
              <span className="field-label">{setting.label(messages)}</span>
              <input
                type="number"
                inputMode="numeric"
                min={numberSettings[setting.key].minimum}
                max={numberSettings[setting.key].maximum}
                value={texts[setting.key]}
                aria-invalid={!valid(setting)}
                onChange={(event) => setTexts((current) => ({ ...current, [setting.key]: event.target.value }))}
              />
              <small className="muted">
                {messages.settingRange(
                  numberSettings[setting.key].minimum,
                  numberSettings[setting.key].maximum,
                  numberSettings[setting.key].fallback,
                )}
              </small>
            </label>
          ))}
        </div>
        <HouseStyleFields value={houseStyle} onChange={setHouseStyle} />
        <TemplateSettings value={template} onChange={setTemplate} />
        <DictionarySection />
        <SharedLibrarySection />
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              onClose();
              navigation.openBackups();
            }}
          >
            {messages.openBackups}
          </button>
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {messages.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={!allValid}>
            {messages.saveSettings}
          </button>
        </div>
      </form>
    </dialog>
  );
}
