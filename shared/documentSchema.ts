import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { documentExtensions } from './documentExtensions';
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
    return node;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid-request', `Nội dung bài không hợp lệ: ${reason}`, { cause: error });
  }
}
