import { useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import type { CommentsHub } from './comments/CommentsHub';

/** The body editor once it has attached itself to the article's hub (the one place the form learns of it without re-rendering). */
export function useAttachedEditor(hub: CommentsHub): Editor | null {
  return useSyncExternalStore(hub.subscribeEditor, hub.editor);
}
