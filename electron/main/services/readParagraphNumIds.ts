import { wordNamespaces } from './readWordNumbering';
import { prefixOf, scanXmlTags } from './scanXmlTags';

/** How deep document.xml may nest before it is not read for numbering at all. */
const deepestNesting = 2_000;

type Frame = 'container' | 'sdt' | 'alternate' | 'skip' | 'paragraph' | 'properties' | 'numbering' | 'markProperties';

/**
 * The w:numPr/w:numId of each paragraph at the top of document.xml's body, in the order mammoth's model lists them
 * (null for a paragraph without one): through content controls (w:sdtContent), insertions, moves, custom XML and smart
 * tags, the fallback of mc:AlternateContent, leaving out tables and the paragraphs whose mark is deleted (mammoth joins
 * them to the next). Null when the XML nests deeper than any Word document.
 */
export function readParagraphNumIds(xml: string): (string | null)[] | null {
  const numIds: (string | null)[] = [];
  const stack: Frame[] = [];
  let w = 'w';
  let mc = 'mc';
  let first = true;
  let numId: string | null = null;
  let deleted = false;
  const containers = new Set<string>();
  const childFrame = (parent: Frame | undefined, name: string): Frame => {
    switch (parent) {
      case undefined:
        return name === `${w}:document` ? 'container' : 'skip';
      case 'container':
        if (name === `${w}:p`) return 'paragraph';
        if (name === `${w}:sdt`) return 'sdt';
        if (name === `${mc}:AlternateContent`) return 'alternate';
        return containers.has(name) ? 'container' : 'skip';
      case 'sdt':
        return name === `${w}:sdtContent` ? 'container' : 'skip';
      case 'alternate':
        return name === `${mc}:Fallback` ? 'container' : 'skip';
      case 'paragraph':
        return name === `${w}:pPr` ? 'properties' : 'skip';
      case 'properties':
        return name === `${w}:numPr` ? 'numbering' : name === `${w}:rPr` ? 'markProperties' : 'skip';
      default:
        return 'skip';
    }
  };
  for (const tag of scanXmlTags(xml)) {
    if (first) {
      w = prefixOf(tag, wordNamespaces) ?? w;
      mc = prefixOf(tag, ['http://schemas.openxmlformats.org/markup-compatibility/2006']) ?? mc;
      for (const name of ['body', 'customXml', 'ins', 'moveTo', 'smartTag']) containers.add(`${w}:${name}`);
      first = false;
    }
    if (tag.kind === 'close') {
      const frame = stack.pop();
      if (frame === 'paragraph') {
        if (!deleted) numIds.push(numId);
        numId = null;
        deleted = false;
      }
      continue;
    }
    const parent = stack.at(-1);
    if (parent === 'numbering' && tag.name === `${w}:numId`) numId = tag.attributes.get(`${w}:val`) ?? null;
    if (parent === 'markProperties' && tag.name === `${w}:del`) deleted = true;
    const frame = childFrame(parent, tag.name);
    if (tag.kind === 'empty') {
      if (frame === 'paragraph') numIds.push(null);
      continue;
    }
    stack.push(frame);
    if (stack.length > deepestNesting) return null;
  }
  return numIds;
}
