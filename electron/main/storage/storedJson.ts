import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/errorCodes';
import { quotedFileName } from './fileSystemErrors';

/** What kind of document a stored file holds and which version of that kind wrote it. */
export interface StoredFormat {
  kind: string;
  version: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** `sha256-<hex>` of the UTF-8 text; the text is always `JSON.stringify(data)`, which round-trips exactly through JSON.parse. */
export function checksumOf(dataText: string): string {
  return `sha256-${createHash('sha256').update(dataText, 'utf8').digest('hex')}`;
}

/**
 * The bytes of a stored file: an envelope `{ format, formatVersion, checksum, data }`. The data is embedded as
 * the very text the checksum covers, so a write serializes it once (the 10,000-article index is ~3 MB).
 */
export function encodeStoredJson(format: StoredFormat, data: unknown): string {
  const dataText = JSON.stringify(data);
  return (
    `{"format":${JSON.stringify(format.kind)},"formatVersion":${format.version},"checksum":"${checksumOf(dataText)}",\n` +
    `"data":${dataText}}\n`
  );
}

function isEnvelope(json: unknown): json is { format: unknown; formatVersion: unknown; checksum: unknown; data: unknown } {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'format' in json && 'data' in json;
}

/**
 * Decodes and checks a stored file. Every kind of damage is a `corrupt-file` error: invalid UTF-8, invalid JSON
 * (0 bytes, truncated, NUL-filled), a wrong kind, a checksum mismatch, data that fails the schema. A legacy file
 * (written before envelopes) is its data itself and goes straight to the schema, which migrates it.
 */
export function decodeStoredJson<Data>(bytes: Uint8Array, format: StoredFormat, schema: z.ZodType<Data>, path: string): Data {
  let json: unknown;
  try {
    json = JSON.parse(strictUtf8.decode(bytes));
  } catch (error) {
    throw new AppError('corrupt-file', `Tệp ${quotedFileName(path)} bị hỏng (không phải JSON UTF-8 hợp lệ).`, { cause: error });
  }
  let data = json;
  if (isEnvelope(json)) {
    if (json.format !== format.kind)
      throw new AppError('corrupt-file', `Tệp ${quotedFileName(path)} bị hỏng (không phải tệp ${format.kind}).`);
    if (typeof json.formatVersion !== 'number' || !Number.isInteger(json.formatVersion))
      throw new AppError('corrupt-file', `Tệp ${quotedFileName(path)} bị hỏng (thiếu số phiên bản).`);
    let dataText: string;
    try {
      dataText = JSON.stringify(json.data);
    } catch (error) {
      // JSON.parse takes any depth, JSON.stringify recurses: data nested past the call stack was never written by the app.
      throw new AppError('corrupt-file', `Tệp ${quotedFileName(path)} bị hỏng (dữ liệu lồng nhau quá sâu).`, { cause: error });
    }
    if (typeof json.checksum !== 'string' || json.checksum !== checksumOf(dataText)) {
      throw new AppError('corrupt-file', `Tệp ${quotedFileName(path)} bị hỏng (sai mã kiểm tra).`);
    }
    data = json.data;
  }
  const parsed = schema.safeParse(data);
  // The schema's issues (English, with the full path of each fault) stay in the cause, for the log.
  if (!parsed.success) throw new AppError('corrupt-file', `Tệp ${quotedFileName(path)} bị hỏng (sai cấu trúc).`, { cause: parsed.error });
  return parsed.data;
}
