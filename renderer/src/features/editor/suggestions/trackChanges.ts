import { Extension, type Editor } from '@tiptap/core';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import {
  applySuggestion,
  applySuggestions,
  disableSuggestChanges,
  enableSuggestChanges,
  isSuggestChangesEnabled,
  revertSuggestion,
  revertSuggestions,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import type { ArticleStatus } from '../../../../../shared/articleVocabulary';
import type { Identity } from '../../../../../shared/identity';
import { isSuggestionMark } from '../../../../../shared/SuggestionMarks';
import { suggestedBlockRanges } from '../../../../../shared/suggestedBlockRanges';
import { syncSelectionFromDom } from '../syncSelectionFromDom';

/** Who suggests now, and the clock that stamps when (a test passes its own). */
export interface TrackChangesOptions {
  author: () => Identity | null;
  now: () => Date;
}

/** A suggestion id: the time, then random hex, so two machines' suggestions on copies of one article never share one. */
export function newSuggestionId(now: Date = new Date()): string {
  const random = [...crypto.getRandomValues(new Uint8Array(4))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${now.getTime().toString(36)}-${random}`;
}

interface Stamp {
  authorName: string | null;
  authorRole: string | null;
  at: string | null;
}

function isStamped(mark: Mark): boolean {
  return typeof mark.attrs['at'] === 'string';
}

/** The stamps the document already holds, by suggestion id (a suggestion the plugin extended keeps its first stamp). */
function stampsById(doc: ProseMirrorNode): Map<unknown, Stamp> {
  const stamps = new Map<unknown, Stamp>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (isSuggestionMark(mark) && isStamped(mark) && !stamps.has(mark.attrs['id'])) {
        stamps.set(mark.attrs['id'], {
          authorName: mark.attrs['authorName'] as string | null,
          authorRole: mark.attrs['authorRole'] as string | null,
          at: mark.attrs['at'] as string | null,
        });
      }
    }
  });
  return stamps;
}

/**
 * The plugin writes only an id on a suggestion mark: stamp every unstamped one with its suggestion's first stamp, or
 * with the author and time of now, in the same transaction (so one undo takes back the edit with its stamp).
 */
export function stampSuggestions(tr: Transaction, stamp: Stamp): void {
  let known: Map<unknown, Stamp> | null = null;
  const pending: { pos: number; node: ProseMirrorNode; mark: Mark }[] = [];
  tr.doc.descendants((node, pos) => {
    for (const mark of node.marks) if (isSuggestionMark(mark) && !isStamped(mark)) pending.push({ pos, node, mark });
  });
  for (const { pos, node, mark } of pending) {
    known ??= stampsById(tr.doc);
    const stamped = mark.type.create({ ...mark.attrs, ...(known.get(mark.attrs['id']) ?? stamp) });
    if (node.isInline) {
      tr.removeMark(pos, pos + node.nodeSize, mark);
      tr.addMark(pos, pos + node.nodeSize, stamped);
    } else {
      tr.removeNodeMark(pos, mark);
      tr.addNodeMark(pos, stamped);
    }
  }
}

/** Anchoring a comment (adding or removing its mark) is no edit of the text: it is never a suggestion. */
function onlyAnchorsComments(tr: Transaction): boolean {
  return tr.steps.every(
    (step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === 'commentAnchor',
  );
}

/**
 * ProseMirror takes in a selection made with the mouse on the asynchronous `selectionchange` event; a character typed
 * over the selection before then was suggested in the wrong place (the browser replaced the selection, the
 * suggestion kept the caret where the first click left it, so "vắn" came out as "ắnv"). So before a character is typed
 * over a selection the browser shows, ProseMirror takes that selection (never during an IME composition).
 */
function typeOverTheShownSelection(): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view, event) {
        const typesCharacter = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
        const shown = view.dom.ownerDocument.getSelection();
        if (
          typesCharacter &&
          !event.isComposing &&
          !view.composing &&
          isSuggestChangesEnabled(view.state) &&
          view.state.selection instanceof TextSelection &&
          shown !== null &&
          !shown.isCollapsed
        ) {
          syncSelectionFromDom(view);
        }
        return false;
      },
    },
  });
}

/**
 * "Sửa có theo dõi": while on, every edit of the body (typing, IME composition, deleting, pasting, formatting) is turned
 * by @handlewithcare/prosemirror-suggest-changes into suggestion marks instead of being applied, then stamped with
 * who and when. Undo and redo, and accepting or rejecting, pass through unchanged.
 */
export const TrackChanges = Extension.create<TrackChangesOptions>({
  name: 'trackChanges',
  addOptions() {
    return { author: () => null, now: () => new Date() };
  },
  addProseMirrorPlugins() {
    return [suggestChanges(), typeOverTheShownSelection()];
  },
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const meta = (transaction.getMeta(suggestChangesKey) ?? {}) as object;
    const tracked =
      isSuggestChangesEnabled(state) &&
      transaction.docChanged &&
      !transaction.getMeta('history$') &&
      !('skip' in meta) &&
      !onlyAnchorsComments(transaction)
        ? transformToSuggestionTransaction(transaction, state, () => newSuggestionId(this.options.now()))
        : transaction;
    if (tracked !== transaction) {
      const author = this.options.author();
      stampSuggestions(tracked, {
        authorName: author?.name ?? null,
        authorRole: author?.role ?? null,
        at: this.options.now().toISOString(),
      });
    }
    next(tracked);
  },
});

/** "Sửa có theo dõi" starts on for an editor or managing editor opening a submitted article, off for anyone else. */
export function tracksChangesByDefault(status: ArticleStatus, identity: Identity | null): boolean {
  return status === 'submitted' && (identity?.role === 'editor' || identity?.role === 'managingEditor');
}

/** Whether edits are recorded as suggestions now. */
export function isTrackingChanges(state: EditorState): boolean {
  return isSuggestChangesEnabled(state);
}

/** Turns "Sửa có theo dõi" on or off (not an edit: nothing to save, nothing to undo). */
export function setTrackingChanges(editor: Editor, on: boolean): void {
  if (isTrackingChanges(editor.state) === on) return;
  (on ? enableSuggestChanges : disableSuggestChanges)(editor.state, editor.view.dispatch);
}

/**
 * Removes the whole blocks that a choice removes (inserted blocks on rejecting, deleted ones on accepting), for one
 * suggestion id or all, before the plugin's command runs: its 0.1.8 commands fail on a suggested block that ends the
 * document (they read one character past its end). One dispatch, so the plugin's command that follows joins it in the
 * same undo step.
 */
function removeSuggestedBlocks(editor: Editor, markName: 'insertion' | 'deletion', id?: string | number): void {
  const ranges = suggestedBlockRanges(editor.state.doc, markName, id);
  if (ranges.length === 0) return;
  const tr = editor.state.tr;
  for (const range of ranges) tr.deleteRange(range.from, range.to);
  editor.view.dispatch(tr.setMeta(suggestChangesKey, { skip: true }));
}

/** Whether a suggestion id is still in the document. */
function isPending(doc: ProseMirrorNode, id: string | number): boolean {
  let found = false;
  doc.descendants((node) => {
    found ||= node.marks.some((mark) => isSuggestionMark(mark) && mark.attrs['id'] === id);
    return !found;
  });
  return found;
}

/**
 * Accepts or rejects one suggestion. The plugin's per-suggestion commands (0.1.8) accept or revert every pending
 * modification (a block's type or attribute changed under suggestion), whatever its id, and its revert skips a
 * suggestion that is only a modification. So: the modification marks are taken off first (kept aside), the plugin
 * handles the suggestion's insertions and deletions, the marks of other suggestions are put back, and this
 * suggestion's own modifications are kept (accept) or reverted (reject) here. One transaction, one undo step.
 */
function decideSuggestion(editor: Editor, id: string | number, accept: boolean): boolean {
  const { state } = editor;
  const modifications: { pos: number; mark: Mark }[] = [];
  state.doc.descendants((node, pos) => {
    for (const mark of node.marks) if (mark.type.name === 'modification') modifications.push({ pos, mark });
  });
  const tr = state.tr;
  for (const { pos, mark } of modifications) tr.removeNodeMark(pos, mark);
  const stripped = state.apply(tr);
  const command = accept ? applySuggestion(id) : revertSuggestion(id);
  let decidedSteps = 0;
  command(stripped, (decided) => {
    decidedSteps = decided.steps.length;
    for (const step of decided.steps) tr.step(step);
  });
  const own = modifications.filter(({ mark }) => mark.attrs['id'] === id);
  if (decidedSteps === 0 && own.length === 0) return false;
  for (const { pos, mark } of modifications) {
    const mapped = tr.mapping.mapResult(pos);
    if (mapped.deleted) continue;
    if (mark.attrs['id'] !== id) tr.addNodeMark(mapped.pos, mark);
  }
  if (!accept) {
    // Attributes first, then the node type, as the plugin reverts them: a heading back to a paragraph loses its level.
    const ordered = [...own].sort((a, b) => Number(a.mark.attrs['type'] === 'nodeType') - Number(b.mark.attrs['type'] === 'nodeType'));
    for (const { pos, mark } of ordered) {
      const mapped = tr.mapping.mapResult(pos);
      if (mapped.deleted) continue;
      const previous: unknown = mark.attrs['previousValue'];
      if (mark.attrs['type'] === 'attr' && typeof mark.attrs['attrName'] === 'string') {
        tr.setNodeAttribute(mapped.pos, mark.attrs['attrName'], previous);
      } else if (mark.attrs['type'] === 'nodeType' && typeof previous === 'string' && previous in state.schema.nodes) {
        tr.setNodeMarkup(mapped.pos, state.schema.nodes[previous], null);
      }
    }
  }
  editor.view.dispatch(tr.setMeta(suggestChangesKey, { skip: true }));
  return true;
}

/** Accepts one suggestion: its insertions stay as plain text, its deletions go, its formatting stays. */
export function acceptSuggestion(editor: Editor, id: string | number): boolean {
  removeSuggestedBlocks(editor, 'deletion', id);
  return decideSuggestion(editor, id, true) || !isPending(editor.state.doc, id);
}

/** Rejects one suggestion: its insertions go, its deletions stay as plain text, its formatting is undone. */
export function rejectSuggestion(editor: Editor, id: string | number): boolean {
  removeSuggestedBlocks(editor, 'insertion', id);
  return decideSuggestion(editor, id, false) || !isPending(editor.state.doc, id);
}

/** "Chấp nhận tất cả". */
export function acceptAllSuggestions(editor: Editor): boolean {
  removeSuggestedBlocks(editor, 'deletion');
  return applySuggestions(editor.state, editor.view.dispatch);
}

/** "Từ chối tất cả". */
export function rejectAllSuggestions(editor: Editor): boolean {
  removeSuggestedBlocks(editor, 'insertion');
  return revertSuggestions(editor.state, editor.view.dispatch);
}
