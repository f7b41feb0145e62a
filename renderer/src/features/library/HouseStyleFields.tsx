import type { HouseStyle } from '../../../../shared/houseStyle';
import { dateStyles, endMarkRules } from '../../../../shared/houseStyleOptions';
import { toneStyles } from '../../../../shared/placeToneMarks';
import { useMessages } from '../../i18n/MessagesContext';

export interface HouseStyleFieldsProps {
  value: HouseStyle;
  onChange: (value: HouseStyle) => void;
}

/** "Quy chuẩn trình bày" in Cài đặt: the agency's choices the typography check follows, each with its examples. */
export function HouseStyleFields({ value, onChange }: HouseStyleFieldsProps) {
  const messages = useMessages();
  const text = messages.houseStyle;
  return (
    <fieldset className="settings-section house-style">
      <legend>{text.section}</legend>
      <p className="muted house-style-hint">{text.hint}</p>
      <div className="settings-grid">
        <label className="field">
          <span className="field-label">{text.toneMarks}</span>
          <select
            value={value.toneMarks}
            onChange={(event) => onChange({ ...value, toneMarks: event.target.value as HouseStyle['toneMarks'] })}
          >
            {[...toneStyles, 'off' as const].map((choice) => (
              <option key={choice} value={choice}>
                {text.toneMarkChoices[choice]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{text.dates}</span>
          <select value={value.dates} onChange={(event) => onChange({ ...value, dates: event.target.value as HouseStyle['dates'] })}>
            {dateStyles.map((choice) => (
              <option key={choice} value={choice}>
                {text.dateChoices[choice]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{text.endMark}</span>
          <select value={value.endMark} onChange={(event) => onChange({ ...value, endMark: event.target.value as HouseStyle['endMark'] })}>
            {endMarkRules.map((choice) => (
              <option key={choice} value={choice}>
                {text.endMarkChoices[choice]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.titleSentenceCase}
          onChange={(event) => onChange({ ...value, titleSentenceCase: event.target.checked })}
        />
        {text.titleSentenceCase}
      </label>
    </fieldset>
  );
}
