import type { AnyExtension, Node } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { documentExtensions } from '../../../../shared/documentExtensions';
import { FigureView } from './FigureView';
import { NormalizeToNfc } from './text/NormalizeToNfc';

/** The document extensions plus what only the screen needs: the photo's React view, placeholders, NFC at the door. */
export function editorExtensions(bodyPlaceholder: string): AnyExtension[] {
  return [
    ...documentExtensions.map((extension) =>
      extension.name === 'figure' ? (extension as Node).extend({ addNodeView: () => ReactNodeViewRenderer(FigureView) }) : extension,
    ),
    Placeholder.configure({ placeholder: bodyPlaceholder, includeChildren: false }),
    NormalizeToNfc,
  ];
}
