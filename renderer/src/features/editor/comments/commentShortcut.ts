const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** "Bình luận" from the keyboard, as the toolbar and the panel name it. */
export const commentShortcut = isMac ? '⌘⌥M' : 'Ctrl+Alt+M';

/** Ctrl+Alt+M (⌘⌥M): by the key's place too, since Alt (Option, AltGr) changes the character some layouts give it. */
export function isCommentShortcut(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key' | 'code'>): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && (event.code === 'KeyM' || event.key.toLowerCase() === 'm');
}
