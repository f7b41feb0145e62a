import type { Ref } from 'react';
import { newsroomRoles, type NewsroomRole } from '../../../shared/articleVocabulary';
import { useMessages } from '../i18n/MessagesContext';
import { identityNameMaximumLength } from '../lib/identity';

export interface IdentityDraft {
  name: string;
  role: NewsroomRole | '';
}

export interface IdentityProblems {
  name?: string;
  role?: string;
}

/** What is missing from a name and role before they can be saved (the messages to show under each field). */
export function identityProblems(draft: IdentityDraft, messages: { identityNameMissing: string; identityRoleMissing: string }) {
  const problems: IdentityProblems = {};
  if (draft.name.trim() === '') problems.name = messages.identityNameMissing;
  if (draft.role === '') problems.role = messages.identityRoleMissing;
  return problems;
}

export interface IdentityFieldsProps {
  value: IdentityDraft;
  onChange: (value: IdentityDraft) => void;
  /** Shown under the fields after a save was tried (the first-run screen and Cài đặt). */
  problems?: IdentityProblems;
  nameRef?: Ref<HTMLInputElement>;
  roleRef?: Ref<HTMLSelectElement>;
  autoFocusName?: boolean;
}

/**
 * Who uses this copy of the app: a name and a newsroom role, with the line saying it is attribution, not a password.
 * The first-run screen and the Cài đặt dialog both show these.
 */
export function IdentityFields({ value, onChange, problems = {}, nameRef, roleRef, autoFocusName = false }: IdentityFieldsProps) {
  const messages = useMessages();
  return (
    <div className="identity-fields">
      <label className="field">
        <span className="field-label">{messages.identityName}</span>
        <input
          ref={nameRef}
          type="text"
          name="userName"
          autoComplete="name"
          autoFocus={autoFocusName}
          maxLength={identityNameMaximumLength}
          value={value.name}
          placeholder={messages.identityNamePlaceholder}
          aria-invalid={problems.name !== undefined}
          aria-describedby={problems.name !== undefined ? 'identity-name-problem' : 'identity-note'}
          onChange={(event) => onChange({ ...value, name: event.target.value })}
        />
        {problems.name !== undefined && (
          <span id="identity-name-problem" className="field-error" role="alert">
            {problems.name}
          </span>
        )}
      </label>
      <label className="field">
        <span className="field-label">{messages.identityRole}</span>
        <select
          ref={roleRef}
          name="userRole"
          value={value.role}
          aria-invalid={problems.role !== undefined}
          aria-describedby={problems.role !== undefined ? 'identity-role-problem' : undefined}
          onChange={(event) => onChange({ ...value, role: event.target.value as NewsroomRole | '' })}
          // Enter submits from the role too, as it does from the name: name, Tab, role, Enter.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && event.currentTarget.form !== null) {
              event.preventDefault();
              event.currentTarget.form.requestSubmit();
            }
          }}
        >
          <option value="" disabled>
            {messages.identityRoleChoose}
          </option>
          {newsroomRoles.map((role) => (
            <option key={role} value={role}>
              {messages.role[role]}
            </option>
          ))}
        </select>
        {problems.role !== undefined && (
          <span id="identity-role-problem" className="field-error" role="alert">
            {problems.role}
          </span>
        )}
      </label>
      <p id="identity-note" className="identity-note muted">
        {messages.identityNote}
      </p>
    </div>
  );
}
