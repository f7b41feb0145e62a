import { generate, List, parse, walk, type Atrule, type CssNode, type Declaration, type Rule } from 'css-tree';
import { AppError } from '../../../shared/errorCodes';
import { templateStylesheetMaximum } from '../../../shared/exportTemplateModel';

/** The stylesheet a template may keep, and one short Vietnamese line per thing taken out of it. */
export interface SanitizedStylesheet {
  stylesheet: string;
  removed: string[];
}

/** Where a node sits: each place allows its own kinds of children. */
type Place = 'top' | 'style' | 'page' | 'margin' | 'font-face';

const loadsFromOutside = 'tải từ ngoài';
const notAllowed = 'không được phép';
const notSupported = 'không được hỗ trợ';
const unreadable = 'không đọc được';
// A rule nested without "&" (article { h1 { … } }) is read as a broken declaration: say how to write it.
const nestedWithoutAmpersand = 'khối lồng nhau: viết “& ” trước bộ chọn, ví dụ “& h1 { … }”';
const wrongPlace = 'không đúng chỗ';
const hasLessThan = 'chứa ký tự “<”';
const tooDeep = 'lồng quá sâu';
const maximumNesting = 16;

const pageMarginBoxes = new Set(
  ['top', 'bottom']
    .flatMap((side) => ['left-corner', 'left', 'center', 'right', 'right-corner'].map((box) => `${side}-${box}`))
    .concat(['left', 'right'].flatMap((side) => ['top', 'middle', 'bottom'].map((box) => `${side}-${box}`))),
);
/** Functions that fetch something (or ran script in old browsers), named without their vendor prefix. */
const loaderFunctions = new Set(['url', 'src', 'image', 'image-set', 'cross-fade', 'element', 'paint']);
const safeDataImage = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}$/;
/** A kept data image as css-tree writes it, in lower case: blanked out before the text checks below. */
const generatedDataImage = /url\(data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/]*={0,2}\)/g;
const loaderCall = /(?:^|[^a-z0-9_-])(?:-[a-z]+-)?(?:url|src|image|image-set|cross-fade|element|paint)\s*\(/;
const scriptMarks = /expression\s*\(|progid|javascript:|vbscript:/;
const doubtfulRaw = /url|\(|\\|expression|<|@/i;

/**
 * An agency template's stylesheet reduced to what cannot load or run anything: style rules, @media, @supports, @page with
 * its margin boxes and @font-face with local() sources only; no url() but PNG, JPEG, GIF or WebP data images, no comments
 * and never a "<", so the result can sit in a <style> element of an exported page, the print page or a preview frame.
 */
export function sanitizeTemplateStylesheet(css: string): SanitizedStylesheet {
  if (css.length > templateStylesheetMaximum) {
    throw new AppError('invalid-request', `Tệp CSS quá lớn (tối đa ${templateStylesheetMaximum / 1000} KB).`);
  }
  const removed: string[] = [];
  let stylesheet: string;
  try {
    const tree = parse(css, { positions: false, parseCustomProperty: true, onParseError: () => undefined });
    if (tree.type !== 'StyleSheet') return { stylesheet: '', removed: [`toàn bộ tệp — ${unreadable}`] };
    const kept = keptChildren(tree.children, 'top', removed, 0);
    stylesheet = kept
      .toArray()
      .map((node) => generate(node))
      .join('\n');
  } catch {
    // Fails closed: css-tree recurses, so a value nested thousands deep ends here like a text it cannot read at all.
    return { stylesheet: '', removed: [`toàn bộ tệp — ${unreadable}`] };
  }
  // A last net under the checks above: the text goes into a <style> element as it is.
  const reason = textRefusal(stylesheet);
  return reason === null ? { stylesheet, removed } : { stylesheet: '', removed: [...removed, `toàn bộ tệp — ${reason}`] };
}

function keptChildren(children: List<CssNode>, place: Place, removed: string[], depth: number): List<CssNode> {
  const kept: CssNode[] = [];
  for (const node of children) {
    const reason = refusal(node, place, removed, depth);
    if (reason === null) kept.push(node);
    // '' drops without a line: comments, and blocks emptied by removals already listed.
    else if (reason !== '') removed.push(`${describe(node)} — ${reason}`);
  }
  return new List<CssNode>().fromArray(kept);
}

/** Why a node goes ('' for silently), or null when it stays; the node's own block is sanitized on the way. */
function refusal(node: CssNode, place: Place, removed: string[], depth: number): string | null {
  switch (node.type) {
    case 'Comment':
    case 'CDO':
    case 'CDC':
      return '';
    case 'Rule':
      return place === 'top' || place === 'style' ? ruleRefusal(node, removed, depth) : wrongPlace;
    case 'Atrule':
      return atruleRefusal(node, place, removed, depth);
    case 'Declaration':
      return place === 'top' ? wrongPlace : declarationRefusal(node);
    default:
      return node.type === 'Raw' && place === 'style' && /^[^{};]+\{[^]*\}\s*$/.test(node.value.trim())
        ? nestedWithoutAmpersand
        : unreadable;
  }
}

function ruleRefusal(rule: Rule, removed: string[], depth: number): string | null {
  if (rule.prelude.type === 'Raw') return unreadable;
  const preludeReason = textRefusal(generate(rule.prelude));
  if (preludeReason !== null) return preludeReason;
  return blockRefusal(rule, 'style', removed, depth);
}

function atruleRefusal(atrule: Atrule, place: Place, removed: string[], depth: number): string | null {
  const name = decodeEscapes(atrule.name).toLowerCase();
  if (name === 'import') return loadsFromOutside;
  // Many CSS files open with it; the page is UTF-8 anyway, so it goes without a line in the list.
  if (name === 'charset' && place === 'top') return '';
  const groupPlace = place === 'top' || place === 'style';
  const allowedHere =
    (groupPlace && (name === 'media' || name === 'supports')) ||
    (place === 'top' && (name === 'page' || name === 'font-face')) ||
    (place === 'page' && pageMarginBoxes.has(name));
  if (!allowedHere) return pageMarginBoxes.has(name) || name === 'page' || name === 'font-face' ? wrongPlace : notSupported;
  if (atrule.block === null) return unreadable;
  if (atrule.prelude !== null) {
    if (pageMarginBoxes.has(name) || name === 'font-face') return unreadable;
    const preludeReason = textRefusal(generate(atrule.prelude));
    if (preludeReason !== null) return preludeReason;
  }
  // Written back in plain lower case, so no escaped at-rule name reaches the page.
  atrule.name = name;
  if (name === 'font-face' && !atrule.block.children.toArray().every(isLocalSourceOrOther)) return loadsFromOutside;
  const blockPlace: Place = name === 'page' ? 'page' : pageMarginBoxes.has(name) ? 'margin' : name === 'font-face' ? 'font-face' : place;
  return blockRefusal(atrule, blockPlace, removed, depth);
}

function blockRefusal(node: Rule | Atrule, place: Place, removed: string[], depth: number): string | null {
  if (node.block === null) return unreadable;
  // A house stylesheet nests a few levels; thousands would only exhaust the stack.
  if (depth >= maximumNesting) return tooDeep;
  const before = node.block.children.size;
  node.block.children = keptChildren(node.block.children, place, removed, depth + 1);
  return before > 0 && node.block.children.isEmpty ? '' : null;
}

/** A @font-face descriptor other than `src`, or a `src` made only of local() fonts. */
function isLocalSourceOrOther(node: CssNode): boolean {
  if (node.type !== 'Declaration' || decodeEscapes(node.property).toLowerCase() !== 'src') return true;
  if (node.value.type !== 'Value') return false;
  return node.value.children
    .toArray()
    .every(
      (part) =>
        (part.type === 'Operator' && part.value === ',') ||
        (part.type === 'Function' && decodeEscapes(part.name).toLowerCase() === 'local'),
    );
}

function declarationRefusal(declaration: Declaration): string | null {
  const property = withoutVendorPrefix(decodeEscapes(declaration.property).toLowerCase());
  if (property === 'behavior' || property === 'binding') return notAllowed;
  let reason: string | null = null;
  walk(declaration.value, (node) => {
    if (reason === null) reason = valuePartRefusal(node);
  });
  return reason ?? textRefusal(generate(declaration));
}

function valuePartRefusal(node: CssNode): string | null {
  switch (node.type) {
    case 'Url':
      return safeDataImage.test(node.value) ? null : loadsFromOutside;
    case 'Function': {
      const name = withoutVendorPrefix(decodeEscapes(node.name).normalize('NFKC').toLowerCase());
      if (name === 'expression') return notAllowed;
      if (loaderFunctions.has(name)) return loadsFromOutside;
      // attr() with a type (attr(data-x url)) may turn page data into a url; a bare attribute name only gives text.
      if (name === 'attr' && !(node.children.size === 1 && node.children.first?.type === 'Identifier')) return notAllowed;
      return null;
    }
    case 'Raw':
      return textRefusal(node.value) ?? (doubtfulRaw.test(node.value) ? unreadable : null);
    default:
      return null;
  }
}

/** The checks on generated text, escapes decoded and full-width letters folded (old IE read them): what the AST checks missed. */
function textRefusal(text: string): string | null {
  const plain = decodeEscapes(text).normalize('NFKC').toLowerCase().replace(generatedDataImage, ' ');
  if (plain.includes('<')) return hasLessThan;
  if (plain.includes('@import') || loaderCall.test(plain)) return loadsFromOutside;
  if (scriptMarks.test(plain)) return notAllowed;
  return null;
}

function withoutVendorPrefix(name: string): string {
  return name.replace(/^-(?:webkit|moz|ms|o|khtml)-/, '');
}

/** CSS escapes decoded the way a browser reads them (`\75 rl` is `url`); a lone backslash before a newline is dropped. */
function decodeEscapes(text: string): string {
  return text.replace(
    /\\(?:([0-9a-fA-F]{1,6})[ \t\n\f]?|\r\n[ \t\n\f]?|([\s\S]))/g,
    (_match, hex: string | undefined, other: string | undefined) => {
      if (hex === undefined) return other === '\n' || other === '\r' || other === '\f' || other === undefined ? '' : other;
      const codePoint = Number.parseInt(hex, 16);
      return codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)
        ? '\uFFFD'
        : String.fromCodePoint(codePoint);
    },
  );
}

/** A short line naming a removed node: its at-rule, selector or declaration, cut to fit one line. */
function describe(node: CssNode): string {
  let text: string;
  if (node.type === 'Atrule') {
    const prelude = node.prelude === null ? '' : ` ${generate(node.prelude)}`;
    const source = node.block?.children.toArray().find((child) => child.type === 'Declaration' && child.property.toLowerCase() === 'src');
    // A @font-face has no prelude: its src tells the reader which font was refused.
    text = `@${decodeEscapes(node.name).toLowerCase()}${prelude}${source === undefined ? '' : ` ${generate(source)}`}`;
  } else if (node.type === 'Rule') {
    text = `${generate(node.prelude)} {…}`;
  } else if (node.type === 'Declaration') {
    text = `${node.property}: ${generate(node.value)}${node.important === false ? '' : ' !important'}`;
  } else if (node.type === 'Raw') {
    text = node.value;
  } else {
    text = generate(node);
  }
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
