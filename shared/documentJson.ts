import { z } from 'zod';
import { findDocumentLimitBreach } from './documentLimits';
import type { ErrorCode } from './errorCodes';
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

const typeName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/)
  .max(64);
const attributeValue = z.union([
  z
    .string()
    .max(4096)
    .transform((text) => text.normalize('NFC')),
  z.number(),
  z.boolean(),
  z.null(),
]);
const attributes = z.record(z.string().max(64), attributeValue);

const markSchema: z.ZodType<DocumentMarkJson> = z.object({ type: typeName, attrs: attributes.optional() });

// The recursive shape of one node; reached only through the size gate of documentNodeSchema below.
const nodeSchema: z.ZodType<DocumentNodeJson> = z.lazy(() =>
  z.object({
    type: typeName,
    attrs: attributes.optional(),
    content: z.array(nodeSchema).max(100_000).optional(),
    marks: z.array(markSchema).max(32).optional(),
    text: nfcString(1_000_000).optional(),
  }),
);

/**
 * The JSON shape of a body; which types and attributes are allowed is checked against the document schema.
 * The size limits are checked first, without recursion: the recursive shape check only ever sees a bounded body.
 * A breach is an issue whose `params.code` names the error code the IPC envelope answers with.
 */
export const documentNodeSchema: z.ZodType<DocumentNodeJson> = z
  .unknown()
  .superRefine((body, context) => {
    const breach = findDocumentLimitBreach(body);
    if (breach !== null)
      context.addIssue({ code: 'custom', message: breach.message, params: { code: 'document-too-large' satisfies ErrorCode } });
  })
  .pipe(nodeSchema);

/** The body of a new article: one empty paragraph. */
export function emptyDocument(): DocumentNodeJson {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}
