import { canonicalJson } from '../../../shared/canonicalJson';
import { encodeStoredJson } from '../storage/storedJson';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Two copies of `shared-settings.json` merged choice by choice against the copy both had: a choice changed on one side
 * is taken, one changed on both keeps ours (the house style is a few independent switches, not text to merge). Both
 * copies were checked before; a copy that does not read as a stored JSON envelope leaves ours as it is.
 */
export function mergeSharedSettingsFiles(base: Uint8Array | null, ours: Uint8Array, theirs: Uint8Array): Uint8Array {
  const [baseFile, oursFile, theirsFile] = [base === null ? null : envelopeOf(base), envelopeOf(ours), envelopeOf(theirs)];
  if (oursFile === null || theirsFile === null) return ours;
  const data = mergeJson(baseFile?.data ?? null, oursFile.data, theirsFile.data);
  const version = Math.max(oursFile.formatVersion, theirsFile.formatVersion);
  return new TextEncoder().encode(encodeStoredJson({ kind: oursFile.format, version }, data));
}

function mergeJson(base: Json | undefined, ours: Json | undefined, theirs: Json | undefined): Json | undefined {
  if (isObject(ours) && isObject(theirs)) {
    const baseObject = isObject(base) ? base : {};
    const merged: { [key: string]: Json } = {};
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const value = mergeJson(baseObject[key], ours[key], theirs[key]);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  const same = (a: Json | undefined, b: Json | undefined) =>
    (a === undefined ? 'undefined' : canonicalJson(a)) === (b === undefined ? 'undefined' : canonicalJson(b));
  return same(ours, base) ? theirs : ours;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function envelopeOf(bytes: Uint8Array): { format: string; formatVersion: number; data: Json } | null {
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (typeof json !== 'object' || json === null) return null;
    const { format, formatVersion, data } = json as { format?: unknown; formatVersion?: unknown; data?: unknown };
    if (typeof format !== 'string' || typeof formatVersion !== 'number') return null;
    return { format, formatVersion, data: data as Json };
  } catch {
    return null;
  }
}
