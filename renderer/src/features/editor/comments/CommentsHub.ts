import { useState } from 'react';
import type { Editor } from '@tiptap/core';

/**
 * Connects the body editor with the comments panel without re-rendering the form between them: the editor attaches
 * itself and passes on "Bình luận" (toolbar, Ctrl+Alt+M); the panel follows the editor and answers the requests. One
 * per open article, never replaced, so it is a stable prop.
 */
export class CommentsHub {
  #editor: Editor | null = null;
  readonly #editorListeners = new Set<() => void>();
  readonly #requestListeners = new Set<() => void>();

  /** The body editor announces itself (null when it goes). */
  readonly attachEditor = (editor: Editor | null): void => {
    if (this.#editor === editor) return;
    this.#editor = editor;
    for (const listener of [...this.#editorListeners]) listener();
  };

  /** For useSyncExternalStore: the editor the comments are anchored in, once it is there. */
  readonly subscribeEditor = (listener: () => void): (() => void) => {
    this.#editorListeners.add(listener);
    return () => this.#editorListeners.delete(listener);
  };

  readonly editor = (): Editor | null => this.#editor;

  /** "Bình luận" on the selection: the panel opens its form for it. */
  readonly requestComment = (): void => {
    for (const listener of [...this.#requestListeners]) listener();
  };

  readonly onCommentRequest = (listener: () => void): (() => void) => {
    this.#requestListeners.add(listener);
    return () => this.#requestListeners.delete(listener);
  };
}

/** The article's hub, made once for the component's life. */
export function useCommentsHub(): CommentsHub {
  const [hub] = useState(() => new CommentsHub());
  return hub;
}
