import { useRef, useState, type FormEvent } from 'react';
import type { Language, Settings } from '../../../../shared/settingsModel';
import { IdentityFields, identityProblems, type IdentityDraft, type IdentityProblems } from '../../components/IdentityFields';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';

export interface FirstRunScreenProps {
  /** What the settings hold so far (a name typed earlier stays). */
  settings: Pick<Settings, 'userName' | 'userRole'>;
  language: Language;
  onLanguageChange: (language: Language) => void;
  /** The settings as saved, with the name and role in them. */
  onDone: (settings: Settings) => void;
}

/**
 * "Bạn là ai?": asked once, before the library, because every step of the review is stamped with a name and a role.
 * Name, role, Enter: nothing else stands between a reporter on deadline and the library.
 */
export function FirstRunScreen({ settings, language, onLanguageChange, onDone }: FirstRunScreenProps) {
  const messages = useMessages();
  const [draft, setDraft] = useState<IdentityDraft>({ name: settings.userName, role: settings.userRole ?? '' });
  const [problems, setProblems] = useState<IdentityProblems>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const roleRef = useRef<HTMLSelectElement>(null);

  const change = (next: IdentityDraft) => {
    setDraft(next);
    // Once shown, a problem goes away as soon as it is fixed.
    if (problems.name !== undefined || problems.role !== undefined) setProblems(identityProblems(next, messages));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = identityProblems(draft, messages);
    setProblems(found);
    if (found.name !== undefined) {
      nameRef.current?.focus();
      return;
    }
    if (draft.role === '') {
      roleRef.current?.focus();
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onDone(await api.settingsUpdate({ userName: draft.name.trim(), userRole: draft.role }));
    } catch (error) {
      setFailure(describeError(messages, error));
      setSaving(false);
    }
  };

  return (
    <main className="first-run">
      <div className="first-run-language">
        <label className="language">
          <span>{messages.language}</span>
          <select value={language} onChange={(event) => onLanguageChange(event.target.value as Language)}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <form className="first-run-card" aria-labelledby="first-run-title" onSubmit={(event) => void submit(event)} noValidate>
        <div className="brand" aria-hidden="true">
          <span className="brand-mark">BT</span>
          <span className="brand-name">{messages.appName}</span>
        </div>
        <h1 id="first-run-title" className="first-run-title">
          {messages.firstRunTitle}
        </h1>
        <IdentityFields value={draft} onChange={change} problems={problems} nameRef={nameRef} roleRef={roleRef} autoFocusName />
        {failure !== null && (
          <p className="field-error first-run-failure" role="alert">
            {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {messages.firstRunStart}
          </button>
        </div>
      </form>
    </main>
  );
}
