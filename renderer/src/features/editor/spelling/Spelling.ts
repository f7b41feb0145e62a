import { Extension, type Editor } from '@tiptap/core';
import { createSpellingChecker, type SpellingChecker } from './SpellingChecker';
import { spellingPlugin, type MisspelledWord } from './spellingPlugin';

export interface SpellingOptions {
  /** A test passes its own (to count what is checked); the app checks in a Web Worker. */
  createChecker: () => SpellingChecker;
  /** Whether the check starts on (the setting is read after; setSpellingEnabled follows it). */
  enabled: boolean;
}

export interface SpellingStorage {
  /** Who shows the context menu of a misspelled word (SpellingControls, once mounted). */
  onMenu: ((word: MisspelledWord, place: { left: number; top: number }) => void) | null;
}

declare module '@tiptap/core' {
  interface Storage {
    spelling: SpellingStorage;
  }
}

/** Who shows the context menu of a misspelled word from now on (null: nobody; the browser's own menu shows). */
export function setSpellingMenuHandler(editor: Editor, onMenu: SpellingStorage['onMenu']): void {
  editor.storage.spelling.onMenu = onMenu;
}

/** Spell check of the body: misspelled words underlined (spellingPlugin), their menu shown by SpellingControls. */
export const Spelling = Extension.create<SpellingOptions, SpellingStorage>({
  name: 'spelling',
  addOptions() {
    return { createChecker: createSpellingChecker, enabled: true };
  },
  addStorage() {
    return { onMenu: null };
  },
  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      spellingPlugin({
        createChecker: this.options.createChecker,
        enabled: this.options.enabled,
        onMenu: (word, place) => storage.onMenu?.(word, place),
      }),
    ];
  },
});
