import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { documentExtensions, headingLevels, textAlignments } from './documentExtensions';
import { figureTextMaximumLength, isFigureMediaId, isFigureText } from './FigureNode';
import type { DocumentNodeJson } from './documentJson';
import { AppError } from './errorCodes';

let cachedSchema: Schema | undefined;

/** The ProseMirror schema built from the document extensions (built once, it is immutable). */
export function documentSchema(): Schema {
  cachedSchema ??= getSchema(documentExtensions);
  return cachedSchema;
}

/** Parses a stored body against the schema; throws an `invalid-request` AppError naming what is wrong. */
export function parseDocument(json: DocumentNodeJson): ProseMirrorNode {
  try {
    const node = ProseMirrorNode.fromJSON(documentSchema(), json);
    node.check();
    if (node.type.name !== 'doc') throw new RangeError('the body must be a doc node');
    node.descendants(checkAttributes);
    return node;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid-request', `Nội dung bài không hợp lệ: ${reason}`, { cause: error });
  }
}

const allowedAlignments = new Set<unknown>([null, ...textAlignments]);
const allowedHeadingLevels = new Set<unknown>(headingLevels);

/** ProseMirror checks structure, not attribute values: refuse the ones the editor can never produce. */
function checkAttributes(node: ProseMirrorNode): void {
  if (node.type.name === 'heading' && !allowedHeadingLevels.has(node.attrs.level)) {
    throw new RangeError(`heading level ${String(node.attrs.level)} is not allowed`);
  }
  if ('textAlign' in node.attrs && !allowedAlignments.has(node.attrs.textAlign)) {
    throw new RangeError(`alignment ${String(node.attrs.textAlign)} is not allowed`);
  }
  if (node.type.name === 'figure') {
    // A media id is also a file name in the media folder: only the 64-hex form can never be a path.
    if (!isFigureMediaId(node.attrs.mediaId)) throw new RangeError(`photo id ${JSON.stringify(node.attrs.mediaId)} is not a media id`);
    for (const name of ['alt', 'credit'] as const) {
      if (!isFigureText(node.attrs[name])) throw new RangeError(`photo ${name} must be text of at most ${figureTextMaximumLength} characters`);
    }
  }
}
