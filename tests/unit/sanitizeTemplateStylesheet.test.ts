import { describe, expect, it } from 'vitest';
import { sanitizeTemplateStylesheet } from '../../electron/main/services/sanitizeTemplateStylesheet';
import { AppError } from '../../shared/errorCodes';
import { templateStylesheetMaximum } from '../../shared/exportTemplateModel';
import vectors from '../fixtures/dompurify/expect.mjs';

const agencyStylesheet = `
/* Báo Điện Tử Sông Hồng: mẫu trang xuất */
:root { --brand: #b3261e; --shadow: rgba(0, 0, 0, 0.2); }
body { font-family: "Noto Serif", Georgia, serif; color: #222; line-height: 1.6; }
h1.title, .sapo { color: var(--brand); font-weight: 700; letter-spacing: -0.01em; }
.byline::before { content: "Bài: "; font-style: italic; }
.masthead { border-bottom: 3px solid var(--brand); padding: 0.5rem 0; background: linear-gradient(to right, #fff, #f5f5f5); }
@font-face { font-family: "Nhà Báo"; src: local("Noto Serif"), local(Georgia); font-weight: 400; }
@media print {
  .masthead { border-bottom-width: 2pt; }
  a::after { content: " (" attr(href) ")"; }
}
@supports (display: grid) { .photos { display: grid; grid-template-columns: repeat(2, 1fr); gap: 1rem; } }
@page {
  size: A4;
  margin: 2cm 2cm 2.5cm;
  @top-center { content: "Báo Điện Tử Sông Hồng — Bản in"; font-size: 9pt; }
  @bottom-right { content: "Trang " counter(page) " / " counter(pages); }
}
@page :first { @top-center { content: none; } }
`;

/** Everything a kept stylesheet must never carry, checked on its text with CSS escapes decoded. */
function expectNothingHostile(stylesheet: string): void {
  const decoded = stylesheet
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_match, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .normalize('NFKC')
    .toLowerCase();
  expect(stylesheet).not.toContain('<');
  expect(stylesheet).not.toContain('/*');
  expect(decoded).not.toMatch(/@import|@namespace|@charset|-moz-document|expression|behavior\s*:|binding|progid|javascript:/);
  const urls = decoded.match(/url\s*\([^)]*\)?/g) ?? [];
  for (const url of urls) expect(url).toMatch(/^url\(data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/]*={0,2}\)$/);
  expect(decoded).not.toMatch(/image-set|image\(|cross-fade|element\(|paint\(|src\(/);
}

function expectIdempotent(css: string): void {
  const once = sanitizeTemplateStylesheet(css);
  const twice = sanitizeTemplateStylesheet(once.stylesheet);
  expect(twice.stylesheet).toBe(once.stylesheet);
  expect(twice.removed).toEqual([]);
}

describe('sanitizeTemplateStylesheet', () => {
  it('keeps a realistic agency stylesheet rule for rule, without its comments', () => {
    const { stylesheet, removed } = sanitizeTemplateStylesheet(agencyStylesheet);
    expect(removed).toEqual([]);
    expect(stylesheet).not.toContain('Sông Hồng: mẫu');
    for (const piece of [
      ':root{--brand:#b3261e;--shadow:rgba(0,0,0,0.2)}',
      'body{font-family:"Noto Serif",Georgia,serif;color:#222;line-height:1.6}',
      '.byline::before{content:"Bài: ";font-style:italic}',
      'background:linear-gradient(to right,#fff,#f5f5f5)',
      '@font-face{font-family:"Nhà Báo";src:local("Noto Serif"),local(Georgia);font-weight:400}',
      '@media print{.masthead{border-bottom-width:2pt}a::after{content:" ("attr(href)")"}}',
      '@supports (display:grid){.photos{display:grid;grid-template-columns:repeat(2,1fr);gap:1rem}}',
      '@top-center{content:"Báo Điện Tử Sông Hồng — Bản in";font-size:9pt}',
      '@bottom-right{content:"Trang "counter(page)" / "counter(pages)}',
      '@page :first{@top-center{content:none}}',
    ]) {
      expect(stylesheet).toContain(piece);
    }
    // One top-level rule per line, so a reader can compare the stored stylesheet with the agency's file.
    expect(stylesheet.split('\n')).toHaveLength(10);
    expectIdempotent(agencyStylesheet);
  });

  it('removes @import in every form, and other at-rules that load or are not on the list', () => {
    const css = [
      '@import url(http://evil.example/a.css);',
      '@import "https://evil.example/b.css" print;',
      "@IMPORT 'c.css';",
      '@\\69mport url(//evil.example/d.css);',
      '@im\\70 ort "e.css";',
      '@charset "utf-8";',
      '@namespace svg url(http://www.w3.org/2000/svg);',
      '@-moz-document url-prefix() { body { color: red } }',
      '@document domain(evil.example) { body { color: red } }',
      '@layer base;',
      '@keyframes spin { to { rotate: 1turn } }',
      'p { color: navy }',
    ].join('\n');
    const { stylesheet, removed } = sanitizeTemplateStylesheet(css);
    expect(stylesheet).toBe('p{color:navy}');
    // @charset, which opens many CSS files and means nothing in a UTF-8 page, goes without a line in the list.
    expect(removed).toEqual([
      '@import url(http://evil.example/a.css) — tải từ ngoài',
      '@import "https://evil.example/b.css"print — tải từ ngoài',
      '@import "c.css" — tải từ ngoài',
      '@import url(//evil.example/d.css) — tải từ ngoài',
      '@import "e.css" — tải từ ngoài',
      '@namespace svg url(http://www.w3.org/2000/svg) — không được hỗ trợ',
      '@-moz-document url-prefix() — không được hỗ trợ',
      '@document domain(evil.example) — không được hỗ trợ',
      '@layer base — không được hỗ trợ',
      '@keyframes spin — không được hỗ trợ',
    ]);
  });

  it('removes every declaration that loads through url() or another loader, keeping its neighbours', () => {
    const css = `.x {
      color: red;
      background: #fff url(https://evil.example/track.gif) no-repeat;
      list-style: square url("http://evil.example/bullet.png");
      content: url(http://evil.example/a.svg);
      cursor: url(evil.cur), auto;
      border-image: url(border.png) 30 round;
      mask: url(#mask);
      -webkit-mask-image: url(m.png);
      background-image: image-set("a.png" 1x, "a-2x.png" 2x);
      background-image: -webkit-image-set(url(a.png) 1x);
      background-image: image("a.png");
      background-image: cross-fade(url(a.png), url(b.png), 50%);
      background-image: element(#photo);
      background-image: paint(tracker);
      --hidden: url(https://evil.example/var.png);
      margin: 0;
    }`;
    const { stylesheet, removed } = sanitizeTemplateStylesheet(css);
    expect(stylesheet).toBe('.x{color:red;margin:0}');
    expect(removed).toHaveLength(14);
    expect(removed[0]).toBe('background: #fff url(https://evil.example/track.gif)no-repe… — tải từ ngoài');
    expect(removed[13]).toBe('--hidden: url(https://evil.example/var.png) — tải từ ngoài');
    for (const line of removed) expect(line).toMatch(/ — tải từ ngoài$/);
  });

  it('decodes escapes before judging: an escaped url, property or function name does not slip through', () => {
    const css = [
      'a { background: \\75 rl(http://evil.example/1.png); color: red }',
      'b { background: u\\72 l(http://evil.example/2.png) }',
      'c { background: URL(http://evil.example/3.png) }',
      'd { \\62 ehavior: url(x.htc) }',
      'e { width: \\65 xpression(alert(1)) }',
      'f { background-image: image\\2d set("a.png" 1x) }',
    ].join('\n');
    const { stylesheet, removed } = sanitizeTemplateStylesheet(css);
    expect(stylesheet).toBe('a{color:red}');
    expect(removed).toHaveLength(6);
    expectNothingHostile(stylesheet);
  });

  it('keeps @font-face only when every src is local()', () => {
    const css = `
      @font-face { font-family: A; src: local(Arial); }
      @font-face { font-family: B; src: url(https://fonts.example/b.woff2) format("woff2"); }
      @font-face { font-family: C; src: local(C), url(c.woff); }
      @font-face { font-family: D; src: url(data:font/woff2;base64,AAAA); }`;
    const { stylesheet, removed } = sanitizeTemplateStylesheet(css);
    expect(stylesheet).toBe('@font-face{font-family:A;src:local(Arial)}');
    expect(removed).toEqual([
      '@font-face src:url(https://fonts.example/b.woff2)format("wo… — tải từ ngoài',
      '@font-face src:local(C),url(c.woff) — tải từ ngoài',
      '@font-face src:url(data:font/woff2;base64,AAAA) — tải từ ngoài',
    ]);
  });

  it('removes script hooks: expression(), behavior, -moz-binding, IE filters', () => {
    const css = `div {
      width: expression(alert(1));
      x: ｅｘｐｒｅｓｓｉｏｎ(alert(2));
      behavior: url(#default#time2);
      -ms-behavior: url(x.htc);
      BEHAVIOR: url(y.htc);
      -moz-binding: url("http://evil.example/xbl.xml#x");
      filter: progid:DXImageTransform.Microsoft.AlphaImageLoader(src='x.png');
      -ms-filter: "progid:DXImageTransform.Microsoft.Alpha(Opacity=80)";
      -o-link: 'javascript:alert(3)';
      scroll-behavior: smooth;
      filter: blur(2px);
    }`;
    const { stylesheet, removed } = sanitizeTemplateStylesheet(css);
    expect(stylesheet).toBe('div{scroll-behavior:smooth;filter:blur(2px)}');
    expect(removed).toHaveLength(9);
    expect(removed).toContain('behavior: url(#default#time2) — không được phép');
    expect(removed).toContain('-moz-binding: url(http://evil.example/xbl.xml#x) — không được phép');
  });

  it('never lets a "<" through: </style><script> in a string, a selector or a comment', () => {
    const css = [
      '/* </style><script>alert(1)</script> */',
      'a::after { content: "</style><script>alert(2)</script>"; color: red }',
      'b::after { content: "\\3c/style\\3e" }',
      '[title="</style><img src=x onerror=alert(3)>"] { color: red }',
      '<!-- c { color: blue } -->',
    ].join('\n');
    const { stylesheet, removed } = sanitizeTemplateStylesheet(css);
    expect(stylesheet).toBe('a::after{color:red}\nc{color:blue}');
    expect(removed).toEqual([
      'content: "</style><script>alert(2)</script>" — chứa ký tự “<”',
      'content: "</style>" — chứa ký tự “<”',
      '[title="</style><img src=x onerror=alert(3)>"] {…} — chứa ký tự “<”',
    ]);
    expectNothingHostile(stylesheet);
  });

  it('keeps PNG, JPEG, GIF and WebP data images, but not SVG or HTML data URIs', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const css = `
      .logo { background: url("${png}") no-repeat; }
      .a { background: url(data:image/jpeg;base64,/9j/4AAQ); }
      .b { background: url(data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=); }
      .c { background: url("data:image/svg+xml,<svg onload=alert(1)>"); }
      .d { background: url(data:text/html;base64,PHNjcmlwdD4=); }
      .e { background: url(data:image/png,raw-not-base64); }`;
    const { stylesheet, removed } = sanitizeTemplateStylesheet(css);
    expect(stylesheet).toBe(`.logo{background:url(${png})no-repeat}\n.a{background:url(data:image/jpeg;base64,/9j/4AAQ)}`);
    expect(removed).toHaveLength(4);
    expectIdempotent(css);
  });

  it('removes url() from @supports conditions, and rules it cannot read', () => {
    const css = '@supports (background: url(x.png)) { a { color: red } }\n.ok { color: green }\n%%% { x: y }';
    const { stylesheet, removed } = sanitizeTemplateStylesheet(css);
    expect(stylesheet).toBe('.ok{color:green}');
    expect(removed).toEqual(['@supports (background:url(x.png)) — tải từ ngoài', '%%% {…} — không đọc được']);
  });

  it('says how to write a rule nested without "&", which it cannot read, and keeps one nested with it', () => {
    const { stylesheet, removed } = sanitizeTemplateStylesheet(
      'article { color: blue; h2 { color: red } }\nfooter { & p { color: green } }',
    );
    expect(stylesheet).toBe('article{color:blue}\nfooter{& p{color:green}}');
    expect(removed).toEqual(['h2 { color: red } — khối lồng nhau: viết “& ” trước bộ chọn, ví dụ “& h1 { … }”']);
  });

  it('cuts each removed line to one short line', () => {
    const { removed } = sanitizeTemplateStylesheet(`a { background: url(https://evil.example/${'x'.repeat(300)}.png) }`);
    expect(removed).toHaveLength(1);
    expect(removed[0]!.length).toBeLessThanOrEqual(80);
    expect(removed[0]).toMatch(/^background: url\(https:\/\/evil\.example\/x+… — tải từ ngoài$/);
  });

  it('is deterministic and idempotent on the agency stylesheet, the hostile ones and the DOMPurify corpus', () => {
    const hostile = '@import "x.css"; a { background: url(x) ; color: red } /* c */ b { content: "</style>" }';
    expect(sanitizeTemplateStylesheet(hostile)).toEqual(sanitizeTemplateStylesheet(hostile));
    expectIdempotent(hostile);
    expectIdempotent(agencyStylesheet);
  });

  it('leaves nothing hostile from the CSS in the DOMPurify corpus (style elements and style attributes)', () => {
    const sheets = vectors.flatMap(({ payload }) => [
      ...[...payload.matchAll(/<style[^>]*>([\s\S]*?)(?:<\/style>|$)/gi)].map((match) => match[1] ?? ''),
      ...[...payload.matchAll(/style\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s>]+))/gi)].map(
        (match) => `x { ${match[1] ?? match[2] ?? match[3] ?? match[4] ?? ''} }`,
      ),
    ]);
    expect(sheets.length).toBeGreaterThan(40);
    for (const sheet of sheets) {
      expectNothingHostile(sanitizeTemplateStylesheet(sheet).stylesheet);
      expectIdempotent(sheet);
    }
  });

  it('refuses nesting deep enough to exhaust the stack instead of throwing', () => {
    const deep = sanitizeTemplateStylesheet(`${'@media print{'.repeat(20)}a{color:red}${'}'.repeat(20)}`);
    expect(deep).toEqual({ stylesheet: '', removed: ['@media print — lồng quá sâu'] });
    const shallow = `${'@media print{'.repeat(3)}a{color:red}${'}'.repeat(3)}`;
    expect(sanitizeTemplateStylesheet(shallow)).toEqual({
      stylesheet: '@media print{@media print{@media print{a{color:red}}}}',
      removed: [],
    });
    expect(sanitizeTemplateStylesheet('@media print{'.repeat(7_000)).stylesheet).toBe('');
    expect(sanitizeTemplateStylesheet(`a{width:${'calc('.repeat(19_000)}}`).stylesheet).toBe('');
  });

  it('gives an empty stylesheet for empty or unreadable input', () => {
    expect(sanitizeTemplateStylesheet('')).toEqual({ stylesheet: '', removed: [] });
    const { stylesheet, removed } = sanitizeTemplateStylesheet('}}}{{{ not css at all (');
    expect(stylesheet).toBe('');
    expect(removed.length).toBeGreaterThan(0);
  });

  it(`refuses a stylesheet over ${templateStylesheetMaximum} characters`, () => {
    const atLimit = `a{color:red}${' '.repeat(templateStylesheetMaximum - 12)}`;
    expect(sanitizeTemplateStylesheet(atLimit).stylesheet).toBe('a{color:red}');
    let refusal: unknown;
    try {
      sanitizeTemplateStylesheet(`${atLimit} `);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('invalid-request');
    expect((refusal as AppError).message).toMatch(/^Tệp CSS quá lớn/);
  });
});
