import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import TextAlign from '@tiptap/extension-text-align';
import { CommentAnchorMark } from './CommentAnchorMark';
import { FigureNode } from './FigureNode';
import { isSafeLinkHref } from './isSafeLinkHref';
import { allowingSuggestionsOnBlocks, suggestionMarks } from './SuggestionMarks';
import { tableNodes } from './tableNodes';

// Re-exported so whoever imports the extension list also sees the figure commands' type declarations.
export { FigureNode } from './FigureNode';

/** The alignments a paragraph or heading may carry; the exporter maps each to a class. */
export const textAlignments = ['left', 'center', 'right', 'justify'] as const;
export type TextAlignment = (typeof textAlignments)[number];

/** Headings an article body may use: the page title is the only h1. */
export const headingLevels = [2, 3] as const;

/**
 * The one Tiptap extension list of an article body: the editor mounts it and the exporter
 * validates stored documents against the schema built from it, so the two can never disagree.
 */
export const documentExtensions: AnyExtension[] = [
  // A suggested block (a pasted paragraph, a deleted list item) carries its suggestion mark on the block itself.
  StarterKit.extend({
    addExtensions() {
      return allowingSuggestionsOnBlocks(this.parent?.() ?? []);
    },
  }).configure({
    heading: { levels: [...headingLevels] },
    // Code and strike-through have no place in a news article; leaving them out keeps pastes clean.
    code: false,
    codeBlock: false,
    strike: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => isSafeLinkHref(url),
      shouldAutoLink: (url) => isSafeLinkHref(url.includes(':') ? url : `https://${url}`),
      HTMLAttributes: { rel: 'noopener noreferrer', target: null },
    },
  }),
  TextAlign.configure({ types: ['heading', 'paragraph'], alignments: [...textAlignments], defaultAlignment: null }),
  FigureNode,
  // A cell's paragraphs may be suggested (a paragraph split in a cell while changes are tracked).
  ...allowingSuggestionsOnBlocks(tableNodes),
  CommentAnchorMark,
  ...suggestionMarks,
];
