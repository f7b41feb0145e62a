import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/settingsModel';
import { useMessages } from '../../i18n/MessagesContext';
import { useNavigation } from '../../lib/NavigationContext';

export interface SettingsDialogProps {
  settings: Settings;
  onSave: (changes: Partial<Settings>) => void;
  onClose: () => void;
}

const limits = { exportImageMaxSide: [320, 6000], exportJpegQuality: [40, 100] } as const;

/** Export settings in a modal dialog: longest side of exported photos and their JPEG quality. */
export function SettingsDialog({ settings, onSave, onClose }: SettingsDialogProps) {
  const messages = useMessages();
  const navigation = useNavigation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [maxSide, setMaxSide] = useState(String(settings.exportImageMaxSide));
  const [quality, setQuality] = useState(String(settings.exportJpegQuality));

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const valid = (text: string, [minimum, maximum]: readonly [number, number]) => /^\d+$/.test(text) && Number(text) >= minimum && Number(text) <= maximum;
  const allValid = valid(maxSide, limits.exportImageMaxSide) && valid(quality, limits.exportJpegQuality);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!allValid) return;
    onSave({ exportImageMaxSide: Number(maxSide), exportJpegQuality: Number(quality) });
    onClose();
  };

  return (
    <dialog ref={dialog} className="settings-dialog" aria-labelledby="settings-title" onClose={onClose}>
      <form method="dialog" onSubmit={save}>
        <h2 id="settings-title">{messages.settingsTitle}</h2>
        <label className="field">
          <span className="field-label">{messages.exportImageMaxSide}</span>
          <input type="number" inputMode="numeric" min={limits.exportImageMaxSide[0]} max={limits.exportImageMaxSide[1]} step={10} value={maxSide} aria-invalid={!valid(maxSide, limits.exportImageMaxSide)} onChange={(event) => setMaxSide(event.target.value)} />
          <small className="muted">{messages.exportImageMaxSideHint}</small>
        </label>
        <label className="field">
          <span className="field-label">{messages.exportJpegQuality}</span>
          <input type="number" inputMode="numeric" min={limits.exportJpegQuality[0]} max={limits.exportJpegQuality[1]} value={quality} aria-invalid={!valid(quality, limits.exportJpegQuality)} onChange={(event) => setQuality(event.target.value)} />
          <small className="muted">{messages.exportJpegQualityHint}</small>
        </label>
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
          <button type="button" className="button" onClick={onClose}>{messages.cancel}</button>
          <button type="submit" className="button button-primary" disabled={!allValid}>{messages.saveSettings}</button>
        </div>
      </form>
    </dialog>
  );
}
