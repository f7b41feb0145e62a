import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useMessages } from '../../../i18n/MessagesContext';

export interface SpellingMenuProps {
  word: string;
  suggestions: readonly string[];
  /** Viewport coordinates: where the right-click was, or below the word for the keyboard. */
  place: { left: number; top: number };
  onChoose: (suggestion: string) => void;
  onAddToDictionary: () => void;
  onIgnore: () => void;
  onClose: () => void;
}

/**
 * The context menu of a misspelled word: its suggestions, "Thêm vào từ điển", "Bỏ qua". The first item takes the
 * focus; arrows, Home and End move it, Enter chooses, Esc (or a click outside, or Tab) closes it.
 */
export function SpellingMenu({ word, suggestions, place, onChoose, onAddToDictionary, onIgnore, onClose }: SpellingMenuProps) {
  const messages = useMessages();
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') focusAt(at + 1);
    else if (event.key === 'ArrowUp') focusAt(at - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={menuRef}
      className="spelling-menu"
      role="menu"
      aria-label={messages.spelling.menuLabel(word)}
      style={{ left: place.left, top: place.top }}
      onKeyDown={onKeyDown}
    >
      {suggestions.length === 0 ? (
        <div className="spelling-menu-empty">{messages.spelling.noSuggestions}</div>
      ) : (
        suggestions.map((suggestion) => (
          <button
            key={suggestion}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="spelling-menu-suggestion"
            onClick={() => onChoose(suggestion)}
          >
            {suggestion}
          </button>
        ))
      )}
      <div role="separator" className="spelling-menu-separator" />
      <button type="button" role="menuitem" tabIndex={-1} onClick={onAddToDictionary}>
        {messages.spelling.addToDictionary}
      </button>
      <button type="button" role="menuitem" tabIndex={-1} onClick={onIgnore}>
        {messages.spelling.ignore}
      </button>
    </div>
  );
}
