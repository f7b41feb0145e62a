import { canInsertNode, mergeAttributes, Node } from '@tiptap/core';
import { Fragment, type Node as ProseMirrorNode, type NodeType } from '@tiptap/pm/model';
import { NodeSelection, TextSelection, type Transaction } from '@tiptap/pm/state';
import { isMediaId } from './isMediaId';

/** The longest alt text or credit a figure may carry (the document schema check refuses longer ones). */
export const figureTextMaximumLength = 500;

/** True for a media id a figure may refer to: the 64-hex SHA-256 name of a photo in the media folder. */
export function isFigureMediaId(value: unknown): value is string {
  return isMediaId(value);
}

/** True for an alt text or credit a figure may carry. */
export function isFigureText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= figureTextMaximumLength;
}

export interface FigureOptions {
  /**
   * HTML attributes added to the rendered `<figure>`.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** The attributes of a figure: which photo, its alt text and its photographer. Never a URL. */
export interface FigureAttributes {
  mediaId: string;
  alt: string;
  credit: string;
}

export interface InsertFigureOptions {
  mediaId: string;
  /** @default '' (the export then uses the caption) */
  alt?: string;
  /** @default '' */
  credit?: string;
  /** The caption text typed under the photo. @default '' */
  caption?: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /**
       * Inserts a photo at the selection and puts the cursor in the paragraph after it.
       * @example editor.commands.insertFigure({ mediaId, credit: 'Văn Đốc' })
       */
      insertFigure: (options: InsertFigureOptions) => ReturnType;
      /**
       * Changes the attributes of the figure at `position` (the position before it, as a node view's `getPos()`).
       * @example editor.commands.updateFigure(getPos(), { credit: 'Minh Anh' })
       */
      updateFigure: (position: number, attributes: Partial<FigureAttributes>) => ReturnType;
      /**
       * Swaps the figure at `position` with the block before or after it.
       * @example editor.commands.moveFigure(getPos(), 'up')
       */
      moveFigure: (position: number, direction: 'up' | 'down') => ReturnType;
      /**
       * Removes the figure at `position`.
       * @example editor.commands.removeFigure(getPos())
       */
      removeFigure: (position: number) => ReturnType;
    };
  }
}

/** The figure starting at `position`, or null when there is none (a stale position from a node view). */
function figureAt(doc: ProseMirrorNode, position: number, type: NodeType): ProseMirrorNode | null {
  if (!Number.isSafeInteger(position) || position < 0 || position >= doc.content.size) return null;
  const node = doc.nodeAt(position);
  return node !== null && node.type === type ? node : null;
}

/**
 * Puts the cursor at the start of a paragraph right after position `after`: the paragraph already there when it
 * is empty or `reuseNext` is set (it holds the text that followed the cursor), otherwise a new empty one.
 */
function enterParagraphAfter(tr: Transaction, after: number, reuseNext: boolean): boolean {
  const paragraph = tr.doc.type.schema.nodes['paragraph'];
  if (paragraph === undefined) return false;
  const $after = tr.doc.resolve(after);
  const next = $after.nodeAfter;
  if (next?.type !== paragraph || !(reuseNext || next.content.size === 0)) {
    if (!$after.parent.canReplaceWith($after.index(), $after.index(), paragraph)) return false;
    tr.insert(after, paragraph.create());
  }
  tr.setSelection(TextSelection.create(tr.doc, after + 1));
  return true;
}

/** True when a node of `type` may stand at `position`. */
function fitsAt(doc: ProseMirrorNode, position: number, type: NodeType): boolean {
  const $position = doc.resolve(position);
  return $position.parent.canReplaceWith($position.index(), $position.index(), type);
}

/**
 * Inserts a block at the selection and returns where it landed: after a selected node (never replacing it, so
 * inserting while a photo is selected keeps that photo), else in place of the selection, splitting a paragraph.
 */
function insertBlock(tr: Transaction, block: ProseMirrorNode): number | null {
  const { selection } = tr;
  if (selection instanceof NodeSelection && fitsAt(tr.doc, selection.to, block.type)) {
    tr.insert(selection.to, block);
    return selection.to;
  }
  const stepsBefore = tr.steps.length;
  tr.replaceSelectionWith(block, false);
  // Where the block landed: a selection in mid-paragraph splits it, an empty paragraph moves the block before it.
  let landed: number | null = null;
  for (const map of tr.mapping.slice(stepsBefore).maps) {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      tr.doc.nodesBetween(newStart, Math.min(newEnd, tr.doc.content.size), (node, position) => {
        if (landed === null && node.type === block.type && node.eq(block)) landed = position;
        return landed === null;
      });
    });
  }
  return landed;
}

/** The attributes of a figure (known keys only), or null when one of them is not allowed. */
function checkedAttributes(attributes: Partial<FigureAttributes>): Partial<FigureAttributes> | null {
  const checked: Partial<FigureAttributes> = {};
  if (attributes.mediaId !== undefined) {
    if (!isFigureMediaId(attributes.mediaId)) return null;
    checked.mediaId = attributes.mediaId;
  }
  for (const key of ['alt', 'credit'] as const) {
    const value = attributes[key];
    if (value === undefined) continue;
    if (!isFigureText(value)) return null;
    checked[key] = value;
  }
  return checked;
}

/** A string attribute read from the DOM: an element attribute, or '' when absent. */
interface AttributeSource {
  getAttribute(name: string): string | null;
}

interface FigureElement extends AttributeSource {
  querySelector(selectors: string): unknown;
}

/**
 * A photo in the article body: `<figure data-media-id data-alt data-credit><figcaption>caption</figcaption></figure>`.
 * The caption is the node's inline content; the photo is named by its media id only, never by a URL, so a stored
 * document never holds a path or base64 (the editor's node view and the exporter each turn the id into an image).
 */
export const FigureNode = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  draggable: true,
  // The caption is its own field: Backspace at its start must not merge it into the paragraph above.
  isolating: true,
  defining: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      mediaId: {
        isRequired: true,
        parseHTML: (element: AttributeSource) => element.getAttribute('data-media-id'),
        renderHTML: (attributes) => ({ 'data-media-id': attributes['mediaId'] as string }),
      },
      alt: {
        default: '',
        parseHTML: (element: AttributeSource) => element.getAttribute('data-alt') ?? '',
        renderHTML: (attributes) => ({ 'data-alt': attributes['alt'] as string }),
      },
      credit: {
        default: '',
        parseHTML: (element: AttributeSource) => element.getAttribute('data-credit') ?? '',
        renderHTML: (attributes) => ({ 'data-credit': attributes['credit'] as string }),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-media-id]',
        // Only a real media id and our own shape (a caption element) make a figure; anything else is not a photo of ours.
        getAttrs: (element: FigureElement) =>
          isFigureMediaId(element.getAttribute('data-media-id')) && element.querySelector(':scope > figcaption') !== null ? null : false,
        contentElement: ':scope > figcaption',
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), ['figcaption', 0]];
  },

  addCommands() {
    return {
      insertFigure:
        ({ mediaId, alt = '', credit = '', caption = '' }) =>
        ({ state, tr, dispatch }) => {
          if (checkedAttributes({ mediaId, alt, credit }) === null) return false;
          const figure = this.type.create({ mediaId, alt, credit }, caption === '' ? null : state.schema.text(caption));
          if (!canInsertNode(state, this.type)) return false;
          if (dispatch === undefined) return true;
          // Text after the cursor ends up after the photo: the cursor stays in front of it, as it was.
          const { selection } = tr;
          const textFollows = !(selection instanceof NodeSelection) && selection.$to.parentOffset < selection.$to.parent.content.size;
          const inserted = insertBlock(tr, figure);
          if (inserted !== null) enterParagraphAfter(tr, inserted + figure.nodeSize, textFollows);
          tr.scrollIntoView();
          return true;
        },

      updateFigure:
        (position, attributes) =>
        ({ tr, dispatch }) => {
          const figure = figureAt(tr.doc, position, this.type);
          const checked = checkedAttributes(attributes);
          if (figure === null || checked === null) return false;
          if (dispatch !== undefined) tr.setNodeMarkup(position, undefined, { ...figure.attrs, ...checked });
          return true;
        },

      moveFigure:
        (position, direction) =>
        ({ tr, dispatch }) => {
          const figure = figureAt(tr.doc, position, this.type);
          if (figure === null) return false;
          const $position = tr.doc.resolve(position);
          const index = $position.index();
          const neighbourIndex = direction === 'up' ? index - 1 : index + 1;
          if (neighbourIndex < 0 || neighbourIndex >= $position.parent.childCount) return false;
          const neighbour = $position.parent.child(neighbourIndex);
          const swapped = Fragment.fromArray(direction === 'up' ? [figure, neighbour] : [neighbour, figure]);
          // A list item must open with a paragraph: a photo may not move above it.
          if (!$position.parent.canReplace(Math.min(index, neighbourIndex), Math.max(index, neighbourIndex) + 1, swapped)) return false;
          if (dispatch === undefined) return true;
          const from = direction === 'up' ? position - neighbour.nodeSize : position;
          const to = from + figure.nodeSize + neighbour.nodeSize;
          tr.replaceWith(from, to, swapped);
          // The moved photo stays selected, so pressing "up" again moves it again.
          tr.setSelection(NodeSelection.create(tr.doc, direction === 'up' ? from : from + neighbour.nodeSize));
          tr.scrollIntoView();
          return true;
        },

      removeFigure:
        (position) =>
        ({ tr, dispatch }) => {
          const figure = figureAt(tr.doc, position, this.type);
          if (figure === null) return false;
          if (dispatch !== undefined) tr.delete(position, position + figure.nodeSize);
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      // Enter ends the caption and starts a paragraph after the photo: splitting a figure would make two copies of one photo.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type !== this.type) return false;
        return editor.commands.command(({ tr, dispatch }) => {
          if (dispatch === undefined) return true;
          return enterParagraphAfter(tr, $from.after(), false);
        });
      },
      // Backspace at the start of a caption selects the photo (a second Backspace removes it, undoably) rather
      // than Tiptap's default at the top of a document, which turns the figure into a paragraph and drops the photo.
      Backspace: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type !== this.type || $from.parentOffset !== 0) return false;
        return editor.commands.setNodeSelection($from.before());
      },
    };
  },
});
