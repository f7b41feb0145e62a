import { useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { isSafeLinkHref } from '../../../../shared/isSafeLinkHref';
import { useMessages } from '../../i18n/MessagesContext';

/** Adds "https://" to a bare address such as "moit.gov.vn", the way people type links. */
export function completeLinkHref(text: string): string {
  const trimmed = text.trim();
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(trimmed)) return trimmed;
  if (trimmed.includes('@') && !trimmed.includes('/')) return `mailto:${trimmed}`;
  return `https://${trimmed}`;
}

/** The small form for adding, changing or removing the link on the selection (Ctrl+K). */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const messages = useMessages();
  const [address, setAddress] = useState<string>(() => (editor.getAttributes('link').href as string | undefined) ?? '');
  const [invalid, setInvalid] = useState(false);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const href = completeLinkHref(address);
    if (!isSafeLinkHref(href)) {
      setInvalid(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onClose();
  };

  return (
    <form className="link-form" onSubmit={apply} onKeyDown={(event) => event.key === 'Escape' && (onClose(), editor.commands.focus())}>
      <label>
        <span>{messages.linkAddress}</span>
        <input
          autoFocus
          type="text"
          inputMode="url"
          value={address}
          placeholder="https://"
          aria-invalid={invalid}
          onChange={(event) => {
            setAddress(event.target.value);
            setInvalid(false);
          }}
        />
      </label>
      <button type="submit" className="button button-small button-primary">
        {messages.linkApply}
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          editor.chain().focus().extendMarkRange('link').unsetLink().run();
          onClose();
        }}
      >
        {messages.linkRemove}
      </button>
      <button type="button" className="button button-small" onClick={() => (onClose(), editor.commands.focus())}>
        {messages.cancel}
      </button>
      {invalid && (
        <p className="field-error" role="alert">
          {messages.linkInvalid}
        </p>
      )}
    </form>
  );
}
