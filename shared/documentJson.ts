import { z } from 'zod';
import { nfcString } from './nfcString';

/** A mark in a stored document (bold, link…), as ProseMirror's toJSON writes it. */
export interface DocumentMarkJson {
  type: string;
  attrs?: Record<string, unknown> | undefined;
}

/** A node in a stored document, as ProseMirror's toJSON writes it. */
export interface DocumentNodeJson {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: DocumentNodeJson[] | undefined;
  marks?: DocumentMarkJson[] | undefined;
  text?: string | undefined;
}

const typeName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/).max(64);
const attributeValue = z.union([z.string().max(4096).transform((text) => text.normalize('NFC')), z.number(), z.boolean(), z.null()]);
const attributes = z.record(z.string().max(64), attributeValue);

const markSchema: z.ZodType<DocumentMarkJson> = z.object({ type: typeName, attrs: attributes.optional() });

/** The JSON shape of a body; which types and attributes are allowed is checked against the document schema. */
export const documentNodeSchema: z.ZodType<DocumentNodeJson> = z.lazy(() =>
  z.object({
    type: typeName,
    attrs: attributes.optional(),
    content: z.array(documentNodeSchema).max(100_000).optional(),
    marks: z.array(markSchema).max(32).optional(),
    text: nfcString(1_000_000).optional(),
  }),
);

/** The body of a new article: one empty paragraph. */
export function emptyDocument(): DocumentNodeJson {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}
