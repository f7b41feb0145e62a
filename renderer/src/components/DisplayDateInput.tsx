import { useEffect, useState } from 'react';
import { formatDisplayDate, parseDisplayDate } from '../../../shared/publicationDate';

export interface DisplayDateInputProps {
  /** ISO date ("2022-07-08") or '' for none. */
  value: string;
  onChange: (isoDate: string) => void;
  'aria-label'?: string;
}

/**
 * A date typed as dd/mm/yyyy whatever the machine's locale (a native date input follows the OS and shows
 * mm/dd/yyyy on an English Windows). Reports an ISO date, or '' when cleared; an unfinished date reports nothing.
 */
export function DisplayDateInput({ value, onChange, ...rest }: DisplayDateInputProps) {
  const [text, setText] = useState(value === '' ? '' : formatDisplayDate(value));
  useEffect(() => {
    if (value === '' ? text.trim() !== '' && parseDisplayDate(text) !== null : parseDisplayDate(text) !== value)
      setText(value === '' ? '' : formatDisplayDate(value));
    // Only an outside change of value (a reset) rewrites what the user is typing.
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps -- `text` is left out on purpose: typing must not re-run this
  const invalid = text.trim() !== '' && parseDisplayDate(text) === null;
  return (
    <input
      type="text"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      className="date-input"
      value={text}
      aria-invalid={invalid}
      aria-label={rest['aria-label']}
      onChange={(event) => {
        setText(event.target.value);
        if (event.target.value.trim() === '') onChange('');
        else {
          const iso = parseDisplayDate(event.target.value);
          if (iso !== null) onChange(iso);
        }
      }}
    />
  );
}
