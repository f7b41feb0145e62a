import { Editor } from '@tiptap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema } from '../../shared/articleModel';
import { documentExtensions } from '../../shared/documentExtensions';
import { exportArticleHtml } from '../../shared/exportArticleHtml';
import vectors from '../fixtures/dompurify/expect.mjs';
import { seedArticle } from '../fixtures/seedArticle';

// What exportArticleHtml itself writes inside <body>; anything else came from a payload.
const allowedElements = new Set([
  'article',
  'header',
  'time',
  'h1',
  'h2',
  'h3',
  'p',
  'div',
  'footer',
  'strong',
  'em',
  'u',
  'ul',
  'ol',
  'li',
  'blockquote',
  'br',
  'hr',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const allowedAttributes = new Set(['class', 'datetime', 'href', 'rel', 'start', 'type', 'colspan', 'rowspan', 'scope']);
const urlAttributes = /^\s*(?:href|src|xlink:href|action|formaction|srcset|poster|background|data)\s*$/i;
const dangerousScheme = /^(?:javascript|vbscript|data):/i;
const foreignElement = /<(?:iframe|object|embed|base|meta\s[^>]*http-equiv|form|svg|style|script|link|math|template)\b/i;

/** Everything in an exported page that could run or load code; empty when the page is inert. */
function executableParts(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('a <script> tag');
  // Text and attribute values are escaped, so every raw "<…>" is a tag the exporter wrote.
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    if (/\son\w+\s*=/i.test(tag)) found.push(`an event handler in ${tag}`);
    for (const [, value] of tag.matchAll(/\s(?:href|src|xlink:href|action|formaction)\s*=\s*"([^"]*)"/gi)) {
      if (dangerousScheme.test(decodeUrl(value ?? ''))) found.push(`a dangerous URL in ${tag}`);
    }
  }
  const body = html.slice(html.indexOf('<body>'));
  const foreign = foreignElement.exec(body);
  if (foreign !== null) found.push(`a foreign element ${foreign[0]}`);
  // The body as a browser parses it (the head's stylesheet left out: jsdom's CSS parser is slow): only our
  // own elements and attributes, links only to http(s)/mailto.
  for (const element of new DOMParser().parseFromString(body, 'text/html').body.querySelectorAll('*')) {
    const name = element.localName;
    if (!allowedElements.has(name)) found.push(`an element <${name}>`);
    for (const attribute of element.attributes) {
      if (!allowedAttributes.has(attribute.name)) found.push(`an attribute ${attribute.name} on <${name}>`);
      if (urlAttributes.test(attribute.name) && !/^(?:https?:\/\/|mailto:)/i.test(attribute.value)) {
        found.push(`a ${attribute.name}="${attribute.value}" on <${name}>`);
      }
    }
  }
  return found;
}

/** A URL as a browser would read its scheme: character references decoded, whitespace and controls dropped. */
function decodeUrl(value: string): string {
  const decoded = new DOMParser().parseFromString(`<a href="${value}"></a>`, 'text/html').querySelector('a')?.getAttribute('href') ?? '';
  return decoded.replace(/[\u0000-\u0020\u007f]/g, '');
}

/** One editor per group of payloads (jsdom makes each new editor cost ~50 ms); every test replaces its whole document. */
function sharedEditor(): () => Editor {
  let editor: Editor | undefined;
  const element = document.createElement('div');
  beforeAll(() => {
    document.body.append(element);
    editor = new Editor({ element, extensions: documentExtensions, content: '<p></p>' });
  });
  afterAll(() => {
    editor?.destroy();
    element.remove();
  });
  return () => editor!;
}

const seed = seedArticle();

/** The page exported for an article whose body is what the editor made of the hostile HTML, saved as storage would. */
function exportEditorBody(editor: Editor): string {
  const article = articleSchema.parse({ ...seed, body: editor.getJSON() });
  return exportArticleHtml(article);
}

// Our own additions: the corpus has few links, and links are the one place our schema keeps a URL.
const linkPayloads = [
  '<a href="javascript:alert(1)">js</a>',
  '<a href="JaVa&#x09;ScRiPt:alert(1)">tab</a>',
  '<a href="&#x6A;avascript:alert(1)">entity</a>',
  '<a href=" vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<p style="text-align: center" onclick="alert(1)"><a href="https://example.vn" onmouseover="alert(1)" target="_blank">ok</a></p>',
  'javascript:alert(1) and https://example.vn/"onmouseover="alert(1)',
];

const cases = [
  ...vectors.map((vector, index) => ({ name: `#${index} ${vector.title ?? vector.payload.slice(0, 60)}`, payload: vector.payload })),
  ...linkPayloads.map((payload) => ({ name: `Bản Thảo link case ${payload}`, payload })),
];

describe('hostile HTML in the editor', () => {
  it('has a safety check that finds scripts, handlers, dangerous URLs and foreign elements', () => {
    const page = '<body><script>x</script><p onclick="x"><a href="java&#x09;script:x">a</a></p><svg></svg><img src="data:,x"></body>';
    expect(executableParts(page)).toEqual([
      'a <script> tag',
      'an event handler in <p onclick="x">',
      'a dangerous URL in <a href="java&#x09;script:x">',
      'a dangerous URL in <img src="data:,x">',
      'a foreign element <script',
      'an element <script>',
      'an attribute onclick on <p>',
      'a href="java\tscript:x" on <a>',
      'an element <svg>',
      'an element <img>',
      'an attribute src on <img>',
      'a src="data:,x" on <img>',
    ]);
  });

  describe('set as content', () => {
    const editor = sharedEditor();
    for (const { name, payload } of cases) {
      it(`exports nothing executable from ${name}`, () => {
        editor().commands.setContent(payload);
        expect(executableParts(exportEditorBody(editor()))).toEqual([]);
      });
    }
  });

  describe('pasted', () => {
    const editor = sharedEditor();
    for (const { name, payload } of cases) {
      it(`exports nothing executable from ${name}`, () => {
        editor().commands.setContent('<p></p>');
        // jsdom has no ClipboardEvent; ProseMirror only reads the event for paste handlers that check it.
        editor().view.pasteHTML(payload, new Event('paste') as ClipboardEvent);
        expect(executableParts(exportEditorBody(editor()))).toEqual([]);
      });
    }
  });
});
