/** One tag of an XML text: its qualified name, its attributes, and whether it opens, closes or is empty. */
export interface XmlTag {
  kind: 'open' | 'close' | 'empty';
  name: string;
  attributes: Map<string, string>;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/giu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name] ?? whole;
  });
}

function isSpace(character: string | undefined): boolean {
  return character === ' ' || character === '\n' || character === '\r' || character === '\t';
}

/**
 * The tags of an XML text in order, read in one pass (every step moves forward, so the time is linear in the text
 * whatever it holds): comments, CDATA, processing instructions and the text between tags are skipped, and a tag
 * left unclosed at the end stops the scan. Namespaces are not resolved: the caller reads the root's prefixes.
 */
export function* scanXmlTags(xml: string): Generator<XmlTag> {
  let index = 0;
  while (index < xml.length) {
    const start = xml.indexOf('<', index);
    if (start < 0) return;
    if (xml.startsWith('<!--', start)) {
      const end = xml.indexOf('-->', start + 4);
      if (end < 0) return;
      index = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', start)) {
      const end = xml.indexOf(']]>', start + 9);
      if (end < 0) return;
      index = end + 3;
      continue;
    }
    if (xml[start + 1] === '?' || xml[start + 1] === '!') {
      const end = xml.indexOf('>', start + 2);
      if (end < 0) return;
      index = end + 1;
      continue;
    }
    const closing = xml[start + 1] === '/';
    let cursor = start + (closing ? 2 : 1);
    const nameStart = cursor;
    while (cursor < xml.length && !isSpace(xml[cursor]) && xml[cursor] !== '>' && xml[cursor] !== '/') cursor += 1;
    const name = xml.slice(nameStart, cursor);
    const attributes = new Map<string, string>();
    let empty = false;
    for (;;) {
      while (isSpace(xml[cursor])) cursor += 1;
      const character = xml[cursor];
      if (character === undefined) return;
      if (character === '>') break;
      if (character === '/') {
        empty = true;
        cursor += 1;
        continue;
      }
      const attributeStart = cursor;
      while (cursor < xml.length && xml[cursor] !== '=' && xml[cursor] !== '>' && !isSpace(xml[cursor])) cursor += 1;
      const attributeName = xml.slice(attributeStart, cursor);
      while (isSpace(xml[cursor])) cursor += 1;
      if (xml[cursor] !== '=') continue;
      cursor += 1;
      while (isSpace(xml[cursor])) cursor += 1;
      const quote = xml[cursor];
      if (quote !== '"' && quote !== "'") continue;
      const valueEnd = xml.indexOf(quote, cursor + 1);
      if (valueEnd < 0) return;
      attributes.set(attributeName, decodeEntities(xml.slice(cursor + 1, valueEnd)));
      cursor = valueEnd + 1;
    }
    index = cursor + 1;
    if (name === '') continue;
    yield { kind: closing ? 'close' : empty ? 'empty' : 'open', name, attributes };
  }
}

/** The prefix a root tag binds to one of these namespaces ("w" when Word's usual one is declared), or null. */
export function prefixOf(root: XmlTag, namespaces: readonly string[]): string | null {
  for (const [name, value] of root.attributes) {
    if (name.startsWith('xmlns:') && namespaces.includes(value)) return name.slice('xmlns:'.length);
  }
  return null;
}
