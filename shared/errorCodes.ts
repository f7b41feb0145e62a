import { z } from 'zod';

/** Every error that can cross the IPC boundary; the renderer maps each code to a Vietnamese message. */
export const errorCodes = [
  'invalid-request',
  'document-too-large',
  'unknown-channel',
  'forbidden-sender',
  'not-found',
  'conflict',
  'disk-full',
  'permission-denied',
  'storage-failed',
  'corrupt-file',
  'library-locked',
  'invalid-image',
  'export-failed',
  'invalid-move',
  'article-locked',
  'identity-missing',
  'invalid-package',
  'package-refused',
  'invalid-word-file',
  'sync-failed',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Whether a value is one of the codes above (a schema issue may name the code its refusal answers with). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return (errorCodes as readonly unknown[]).includes(value);
}

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
});

/** An error as data: the only error shape that travels between processes. */
export type AppErrorData = z.infer<typeof appErrorSchema>;

/** Thrown by services and handlers; the IPC wrapper turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message };
  }
}
