import { Mark, mergeAttributes, type AnyExtension, type Attributes, type Node } from '@tiptap/core';
import type { Mark as ProseMirrorMark, Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * Tracked changes ("Sửa có theo dõi"), recorded by @handlewithcare/prosemirror-suggest-changes, which needs three
 * marks named `insertion`, `deletion` and `modification`. The plugin itself gives a mark only its `id`; who made the
 * suggestion and when (`authorName`, `authorRole`, `at`) are stamped onto the same marks by the editor right after
 * (renderer/src/features/editor/suggestions/), so they travel with the text in the article file, the versions and a
 * package, with no side table to keep in step. Like the comment anchor, these marks are never created from pasted HTML
 * (parseHTML is empty) and never exported: the exporter writes the text as if every pending suggestion were rejected.
 */
export const suggestionMarkNames = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionMarkName = (typeof suggestionMarkNames)[number];

/** The longest suggestion id, author name or role a stored mark may carry. */
export const suggestionAttributeMaximumLength = 120;

/** Whether a mark is one of the three suggestion marks. */
export function isSuggestionMark(mark: ProseMirrorMark): boolean {
  return (suggestionMarkNames as readonly string[]).includes(mark.type.name);
}

/** A text node that only anchors a suggestion (the plugin's zero-width space at a block boundary). */
export function isSuggestionAnchorText(node: ProseMirrorNode): boolean {
  return node.isText && node.text === '\u200B' && node.marks.some(isSuggestionMark);
}

/** The plugin's id (it only writes numbers or strings), and who made the suggestion and when. */
function stampAttributes(): Attributes {
  return {
    id: { default: null, rendered: false },
    authorName: { default: null, rendered: false },
    authorRole: { default: null, rendered: false },
    at: { default: null, rendered: false },
  };
}

/** The hover text of a suggestion mark: its author and time, as the editor shows it. */
function titleOf(mark: ProseMirrorMark): string {
  const name = typeof mark.attrs['authorName'] === 'string' ? mark.attrs['authorName'] : '';
  const at = typeof mark.attrs['at'] === 'string' ? mark.attrs['at'] : '';
  const when = at === '' ? '' : new Date(at).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' });
  return [name, when].filter((part) => part !== '').join(' · ');
}

function suggestionMark(name: 'insertion' | 'deletion', tag: 'ins' | 'del', excludes: string) {
  return Mark.create({
    name,
    inclusive: false,
    excludes,
    addAttributes: stampAttributes,
    parseHTML() {
      return [];
    },
    renderHTML({ mark, HTMLAttributes }) {
      const id: unknown = mark.attrs['id'];
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          class: `suggestion suggestion-${name}`,
          'data-suggestion-id': String(id),
          title: titleOf(mark),
        }),
        0,
      ];
    },
  });
}

/** Text suggested for insertion: kept in the document, marked, until accepted (mark removed) or rejected (text removed). */
export const InsertionMark = suggestionMark('insertion', 'ins', 'deletion modification insertion');

/** Text suggested for deletion: kept visible, struck through, until accepted (text removed) or rejected (mark removed). */
export const DeletionMark = suggestionMark('deletion', 'del', 'insertion modification deletion');

/** A node whose type or attributes were changed under suggestion; the plugin keeps the previous value to revert to. */
export const ModificationMark = Mark.create({
  name: 'modification',
  inclusive: false,
  excludes: 'deletion insertion',
  addAttributes() {
    return {
      ...stampAttributes(),
      type: { default: null, rendered: false },
      attrName: { default: null, rendered: false },
      previousValue: { default: null, rendered: false },
      newValue: { default: null, rendered: false },
    };
  },
  parseHTML() {
    return [];
  },
  renderHTML({ mark, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        class: 'suggestion suggestion-modification',
        'data-suggestion-id': String(mark.attrs['id']),
        title: titleOf(mark),
      }),
      0,
    ];
  },
});

/**
 * Whole blocks are suggested too (a pasted paragraph, a deleted list item): the plugin then puts the mark on the block
 * node itself, which ProseMirror allows only where the parent lets it. Textblocks already allow every mark inside; the
 * containers of blocks among `extensions` are given the three suggestion marks, and nothing else.
 */
export function allowingSuggestionsOnBlocks(extensions: readonly AnyExtension[]): AnyExtension[] {
  return extensions.map((extension) =>
    containersOfBlocks.has(extension.name) ? (extension as Node).extend({ marks: suggestionMarkNames.join(' ') }) : extension,
  );
}

const containersOfBlocks = new Set(['doc', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'tableCell', 'tableHeader']);

export const suggestionMarks = [InsertionMark, DeletionMark, ModificationMark];
