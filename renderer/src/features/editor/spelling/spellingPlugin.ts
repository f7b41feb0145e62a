import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { spellingKey } from '../../../../../shared/spelling/findMisspellings';
import type { SpellingBlock, SpellingBlockResult } from './checkTextBlocks';
import type { SpellingChecker } from './SpellingChecker';
import { syncSelectionFromDom } from '../syncSelectionFromDom';

/** A stretch of the document, [from, to). */
type Range = readonly [from: number, to: number];

/** A misspelled word in the body, as the context menu needs it. */
export interface MisspelledWord {
  from: number;
  to: number;
  word: string;
}

interface SpellingState {
  decorations: DecorationSet;
  /** Changed since their blocks were last sent (in the current document). */
  dirty: readonly Range[];
  /** The check on its way: its id and every change since it left, to bring its positions up to date. */
  sent: { id: number; mapping: Mapping } | null;
  /** Lookup forms taken as well spelt: the dictionary, the library's words, the words ignored in this article. */
  known: ReadonlySet<string>;
  enabled: boolean;
  /** A misspelled word the cursor is in, as when it is being typed ("ngươ" before "người"): underlined once left. */
  deferred: Range | null;
}

type SpellingMeta =
  | { kind: 'sent'; id: number }
  | { kind: 'result'; id: number; results: readonly SpellingBlockResult[] }
  | { kind: 'known'; known: ReadonlySet<string> }
  | { kind: 'enabled'; enabled: boolean };

export const spellingPluginKey = new PluginKey<SpellingState>('spelling');

// Text the check leaves alone: a link's (an address is no word) and a suggested deletion's (it is on its way out).
const unchecked = new Set(['link', 'deletion']);

/** The text of a block as the check reads it: unchecked text blanked (offsets kept), a hard break '\n'. */
export function blockText(node: ProseMirrorNode): string {
  let text = '';
  node.forEach((child) => {
    if (child.isText) text += child.marks.some((mark) => unchecked.has(mark.type.name)) ? ' '.repeat(child.text!.length) : child.text!;
    else text += child.type.name === 'hardBreak' ? '\n' : '\uFFFC'.repeat(child.nodeSize);
  });
  return text;
}

/** The text blocks touching any of the ranges, with where each starts. */
export function blocksIn(doc: ProseMirrorNode, ranges: readonly Range[]): SpellingBlock[] {
  const found = new Map<number, SpellingBlock>();
  for (const [from, to] of ranges) {
    doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node, pos) => {
      if (!node.isTextblock) return true;
      if (!found.has(pos)) found.set(pos, { from: pos, text: blockText(node) });
      return false;
    });
  }
  return [...found.values()].sort((first, second) => first.from - second.from);
}

function touches(ranges: readonly Range[], from: number, to: number): boolean {
  return ranges.some(([start, end]) => start <= to && end >= from);
}

/** Where a transaction changed the document, in its resulting positions; older ranges carried along. */
function dirtyAfter(dirty: readonly Range[], transaction: Transaction): Range[] {
  const mapped: Range[] = dirty.map(([from, to]) => [transaction.mapping.map(from, -1), transaction.mapping.map(to, 1)]);
  transaction.mapping.maps.forEach((stepMap, index) => {
    const later = transaction.mapping.slice(index + 1);
    stepMap.forEach((_oldStart, _oldEnd, newStart, newEnd) => mapped.push([later.map(newStart, -1), later.map(newEnd, 1)]));
    // A mark moves nothing, yet a link or a suggested deletion changes what is checked.
    const step = transaction.steps[index];
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) mapped.push([later.map(step.from, -1), later.map(step.to, 1)]);
  });
  return mapped;
}

function withoutKnown(decorations: DecorationSet, known: ReadonlySet<string>): DecorationSet {
  const now = decorations.find(undefined, undefined, (spec: { word?: string }) => spec.word !== undefined && known.has(spec.word));
  return now.length === 0 ? decorations : decorations.remove(now);
}

/**
 * The check's answers laid over the blocks they were asked for, unless a block changed since (it is checked again);
 * a misspelled word with the cursor inside or at its end waits (`deferred`) until the cursor leaves it.
 */
function applyResults(
  state: SpellingState,
  { doc, selection }: EditorState,
  results: readonly SpellingBlockResult[],
  mapping: Mapping,
): Pick<SpellingState, 'decorations' | 'deferred'> {
  let decorations = state.decorations;
  let deferred = state.deferred;
  const head = selection.empty ? selection.head : -1;
  for (const { from: sentFrom, found } of results) {
    const from = mapping.map(sentFrom, 1);
    const node = doc.nodeAt(from);
    if (node === null || !node.isTextblock || touches(state.dirty, from, from + node.nodeSize)) continue;
    const to = from + node.nodeSize;
    const previous = decorations.find(from, to);
    // A copy: remove() empties the array it is given.
    decorations = decorations.remove([...previous]);
    const added: Decoration[] = [];
    for (const { start, end, word } of found) {
      if (state.known.has(spellingKey(word))) continue;
      const [wordFrom, wordTo] = [from + 1 + start, from + 1 + end];
      // Only a new misspelling waits: one already underlined stays so when the cursor is put in it (to correct it).
      const shown = previous.some((decoration) => decoration.from === wordFrom && decoration.to === wordTo);
      if (!shown && wordFrom < head && head <= wordTo) deferred = [wordFrom, wordTo];
      else added.push(Decoration.inline(wordFrom, wordTo, { class: 'spelling-error' }, { word: spellingKey(word) }));
    }
    if (added.length > 0) decorations = decorations.add(doc, added);
  }
  return { decorations, deferred };
}

/** The deferred word is checked again once the cursor has left it. */
function withDeferredLeft(state: SpellingState, { selection }: EditorState): SpellingState {
  if (state.deferred === null) return state;
  const [from, to] = state.deferred;
  if (selection.empty && from < selection.head && selection.head <= to) return state;
  return { ...state, deferred: null, dirty: state.enabled ? [...state.dirty, state.deferred] : state.dirty };
}

function applyMeta(state: SpellingState, meta: SpellingMeta, editorState: EditorState): SpellingState {
  const { doc } = editorState;
  switch (meta.kind) {
    case 'sent':
      return { ...state, dirty: [], sent: { id: meta.id, mapping: new Mapping() } };
    case 'result':
      // A stale answer (the check was turned off and on, or restarted) is dropped.
      if (state.sent?.id !== meta.id) return state;
      return { ...state, sent: null, ...applyResults(state, editorState, meta.results, state.sent.mapping) };
    case 'known':
      return { ...state, known: meta.known, decorations: withoutKnown(state.decorations, meta.known) };
    case 'enabled':
      return meta.enabled
        ? { ...state, enabled: true, dirty: [[0, doc.content.size]], sent: null }
        : { ...state, enabled: false, dirty: [], sent: null, deferred: null, decorations: DecorationSet.empty };
  }
}

export interface SpellingPluginOptions {
  createChecker: () => SpellingChecker;
  /** A right-click or Shift+F10 on a misspelled word; the menu shows next to `place` (viewport coordinates). */
  onMenu: (word: MisspelledWord, place: { left: number; top: number }) => void;
  enabled: boolean;
}

/** The misspelled word at a position of the body, if any. */
export function misspellingAt(state: EditorState, pos: number): MisspelledWord | null {
  const decorations = spellingPluginKey.getState(state)?.decorations.find(pos, pos) ?? [];
  const found = decorations.find((decoration) => decoration.from <= pos && pos <= decoration.to);
  return found === undefined ? null : { from: found.from, to: found.to, word: state.doc.textBetween(found.from, found.to) };
}

/** The body's misspelled words, in order. */
export function misspellingsOf(state: EditorState): MisspelledWord[] {
  return (spellingPluginKey.getState(state)?.decorations.find() ?? [])
    .map((decoration) => ({ from: decoration.from, to: decoration.to, word: state.doc.textBetween(decoration.from, decoration.to) }))
    .sort((first, second) => first.from - second.from);
}

/** Takes these words (any form) as well spelt in this editor from now on, with those it already knew. */
export function addKnownWords(view: EditorView, words: readonly string[]): void {
  const current = spellingPluginKey.getState(view.state);
  if (current === undefined || words.every((word) => current.known.has(spellingKey(word)))) return;
  const known = new Set([...current.known, ...words.map(spellingKey)]);
  view.dispatch(view.state.tr.setMeta(spellingPluginKey, { kind: 'known', known } satisfies SpellingMeta).setMeta('addToHistory', false));
}

/** Turns the check on (the whole body checked again) or off (the underlines gone). */
export function setSpellingEnabled(view: EditorView, enabled: boolean): void {
  if (spellingPluginKey.getState(view.state)?.enabled === enabled) return;
  view.dispatch(
    view.state.tr.setMeta(spellingPluginKey, { kind: 'enabled', enabled } satisfies SpellingMeta).setMeta('addToHistory', false),
  );
}

/** Opens the menu of the misspelled word at the cursor (the keyboard's way), under the word; false when there is none. */
function openAtCursor(view: EditorView, event: Event, options: SpellingPluginOptions): boolean {
  // ProseMirror reads the browser's selection on an asynchronous event: a click just before must count.
  syncSelectionFromDom(view);
  const word = misspellingAt(view.state, view.state.selection.head);
  if (word === null) return false;
  event.preventDefault();
  const coords = view.coordsAtPos(word.from);
  options.onMenu(word, { left: coords.left, top: coords.bottom });
  return true;
}

/**
 * Underlines misspelled words. Only the text blocks changed since the last check are sent to the checker, one batch
 * at a time; its answer is mapped through whatever happened meanwhile, and a block changed since is left for the next
 * batch. Nothing is sent while an input method is composing a word.
 */
export function spellingPlugin(options: SpellingPluginOptions): Plugin<SpellingState> {
  return new Plugin<SpellingState>({
    key: spellingPluginKey,
    state: {
      init: (_config, state) => ({
        decorations: DecorationSet.empty,
        dirty: options.enabled ? [[0, state.doc.content.size]] : [],
        sent: null,
        known: new Set(),
        enabled: options.enabled,
        deferred: null,
      }),
      apply: (transaction, previous, _oldState, newState) => {
        let state = previous;
        if (transaction.docChanged) {
          state = {
            ...state,
            decorations: state.decorations.map(transaction.mapping, transaction.doc),
            dirty: state.enabled ? dirtyAfter(state.dirty, transaction) : [],
            sent:
              state.sent === null
                ? null
                : { id: state.sent.id, mapping: new Mapping([...state.sent.mapping.maps, ...transaction.mapping.maps]) },
            deferred:
              state.deferred === null
                ? null
                : [transaction.mapping.map(state.deferred[0], -1), transaction.mapping.map(state.deferred[1], 1)],
          };
        }
        const meta = transaction.getMeta(spellingPluginKey) as SpellingMeta | undefined;
        return withDeferredLeft(meta === undefined ? state : applyMeta(state, meta, newState), newState);
      },
    },
    view: (editorView) => {
      const checker = options.createChecker();
      let destroyed = false;
      let scheduled = false;
      let knownSent: ReadonlySet<string> | null = null;
      let nextId = 1;
      // Outside the update that noticed the change: a view must not dispatch while it is being updated.
      const sendChanged = (view: EditorView) => {
        scheduled = false;
        const state = spellingPluginKey.getState(view.state);
        if (destroyed || state === undefined || !state.enabled || state.sent !== null || state.dirty.length === 0 || view.composing) return;
        const id = nextId++;
        const blocks = blocksIn(view.state.doc, state.dirty);
        view.dispatch(view.state.tr.setMeta(spellingPluginKey, { kind: 'sent', id } satisfies SpellingMeta).setMeta('addToHistory', false));
        void checker.check(id, blocks).then((response) => {
          if (destroyed) return;
          view.dispatch(
            view.state.tr
              .setMeta(spellingPluginKey, { kind: 'result', id: response.id, results: response.results } satisfies SpellingMeta)
              .setMeta('addToHistory', false),
          );
        });
      };
      const update = (view: EditorView) => {
        const state = spellingPluginKey.getState(view.state);
        if (state === undefined) return;
        if (state.known !== knownSent) {
          knownSent = state.known;
          checker.setKnown([...state.known]);
        }
        if (scheduled || !state.enabled || state.sent !== null || state.dirty.length === 0) return;
        scheduled = true;
        queueMicrotask(() => sendChanged(view));
      };
      update(editorView);
      return {
        update,
        destroy: () => {
          destroyed = true;
          checker.destroy();
        },
      };
    },
    props: {
      decorations: (state) => spellingPluginKey.getState(state)?.decorations ?? DecorationSet.empty,
      handleDOMEvents: {
        // The word composed is sent once the input method lets go of it.
        compositionend: (view) => {
          setTimeout(() => {
            const state = spellingPluginKey.getState(view.state);
            if (state !== undefined && state.dirty.length > 0) view.dispatch(view.state.tr.setMeta('addToHistory', false));
          });
          return false;
        },
        contextmenu: (view, event) => {
          // The underline's own element first: its place is exact, where a point's may fall between two letters. The
          // menu key and Shift+F10 fire this on the editor itself: then the word is the one at the cursor.
          const underlined = event.target instanceof Element ? event.target.closest('.spelling-error') : null;
          if (underlined === null && event.target === view.dom) return openAtCursor(view, event, options);
          const pos =
            underlined !== null ? view.posAtDOM(underlined, 0) : view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
          const word = pos === undefined ? null : misspellingAt(view.state, pos);
          if (word === null) return false;
          event.preventDefault();
          options.onMenu(word, { left: event.clientX, top: event.clientY });
          return true;
        },
      },
      handleKeyDown: (view, event) =>
        (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey && !event.ctrlKey && !event.altKey)) &&
        openAtCursor(view, event, options),
    },
  });
}
