import { prefixOf, scanXmlTags } from './scanXmlTags';

/** WordprocessingML's namespace, transitional and strict. */
export const wordNamespaces = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

/** Word's levels are 0–8; its start values 0–32767. */
const levelPattern = /^[0-8]$/u;
const startPattern = /^[0-9]{1,6}$/u;
const largestStart = 32_767;

/** The start values of Word's list definitions (numbering.xml), as the counting of numbered paragraphs needs them. */
export interface WordNumbering {
  /** Each w:num: the definition it uses, and the levels it restarts (w:lvlOverride) with their start. */
  nums: Map<string, { abstractNumId: string; overrides: Map<number, number> }>;
  /** Each w:abstractNum's start per level (w:lvl/w:start). */
  starts: Map<string, Map<number, number>>;
  /** The definition and level a paragraph style is numbered by (w:lvl/w:pStyle). */
  styles: Map<string, { abstractNumId: string; level: number }>;
}

function startOf(value: string | undefined): number | null {
  return value !== undefined && startPattern.test(value) ? Math.min(Number(value), largestStart) : null;
}

/**
 * Reads numbering.xml's start values: w:abstractNum/w:lvl/w:start, and w:num/w:lvlOverride's w:startOverride (or the
 * w:start of a w:lvl given in the override). A level without w:start starts at 1 (the schema says 0, but no writer we
 * know leaves it out, and a list from 0 would surprise more than one from 1). Anything unexpected is left out.
 */
export function readWordNumbering(xml: string): WordNumbering {
  const numbering: WordNumbering = { nums: new Map(), starts: new Map(), styles: new Map() };
  let w = 'w';
  let abstractNumId: string | null = null;
  let num: { abstractNumId: string; overrides: Map<number, number> } | null = null;
  let level: number | null = null;
  let overrideLevel: number | null = null;
  let first = true;
  for (const tag of scanXmlTags(xml)) {
    if (first) {
      w = prefixOf(tag, wordNamespaces) ?? w;
      first = false;
    }
    const name = tag.name;
    const value = tag.attributes.get(`${w}:val`);
    if (tag.kind === 'close') {
      if (name === `${w}:abstractNum`) abstractNumId = null;
      else if (name === `${w}:num`) num = null;
      else if (name === `${w}:lvl`) level = null;
      else if (name === `${w}:lvlOverride`) overrideLevel = null;
      continue;
    }
    const opens = tag.kind === 'open';
    if (name === `${w}:abstractNum`) {
      const id = tag.attributes.get(`${w}:abstractNumId`);
      abstractNumId = opens && id !== undefined ? id : null;
      if (abstractNumId !== null && !numbering.starts.has(abstractNumId)) numbering.starts.set(abstractNumId, new Map());
    } else if (name === `${w}:num`) {
      const id = tag.attributes.get(`${w}:numId`);
      num = opens && id !== undefined ? { abstractNumId: '', overrides: new Map() } : null;
      if (num !== null && id !== undefined) numbering.nums.set(id, num);
    } else if (name === `${w}:abstractNumId` && num !== null && value !== undefined) {
      num.abstractNumId = value;
    } else if (name === `${w}:lvlOverride` && num !== null) {
      const ilvl = tag.attributes.get(`${w}:ilvl`) ?? '';
      overrideLevel = opens && levelPattern.test(ilvl) ? Number(ilvl) : null;
    } else if (name === `${w}:startOverride` && num !== null && overrideLevel !== null) {
      const start = startOf(value);
      if (start !== null) num.overrides.set(overrideLevel, start);
    } else if (name === `${w}:lvl`) {
      const ilvl = tag.attributes.get(`${w}:ilvl`) ?? '0';
      level = opens && levelPattern.test(ilvl) ? Number(ilvl) : null;
    } else if (name === `${w}:start` && level !== null) {
      const start = startOf(value);
      if (start === null) continue;
      if (num !== null && overrideLevel !== null && !num.overrides.has(overrideLevel)) num.overrides.set(overrideLevel, start);
      else if (abstractNumId !== null) numbering.starts.get(abstractNumId)!.set(level, start);
    } else if (name === `${w}:pStyle` && level !== null && abstractNumId !== null && value !== undefined) {
      numbering.styles.set(value, { abstractNumId, level });
    }
  }
  return numbering;
}
