import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../renderer/src/features/editor/paste/cleanPastedHtml';
import { CleanPaste, type PasteReport } from '../../renderer/src/features/editor/paste/CleanPaste';
import { pendingSuggestions } from '../../renderer/src/features/editor/suggestions/pendingSuggestions';
import { setTrackingChanges, TrackChanges } from '../../renderer/src/features/editor/suggestions/trackChanges';
import { NormalizeToNfc } from '../../renderer/src/features/editor/text/NormalizeToNfc';
import { documentExtensions } from '../../shared/documentExtensions';
import { encodeLegacy } from '../../shared/legacyEncodings/encodeLegacy';
import vectors from '../fixtures/dompurify/expect.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/clipboard');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

const mounted: { editor: Editor; element: HTMLElement }[] = [];

function createEditor(content = '<p></p>', tracking = false): { editor: Editor; reports: PasteReport[] } {
  const element = document.createElement('div');
  document.body.append(element);
  const reports: PasteReport[] = [];
  const editor = new Editor({
    element,
    extensions: [
      ...documentExtensions,
      NormalizeToNfc,
      CleanPaste.configure({ onPasted: (report) => reports.push(report) }),
      TrackChanges.configure({ author: () => ({ name: 'Thu Hà', role: 'editor' }), now: () => new Date('2026-11-30T09:15:00.000Z') }),
    ],
    content,
  });
  setTrackingChanges(editor, tracking);
  mounted.push({ editor, element });
  return { editor, reports };
}

afterEach(() => {
  for (const { editor, element } of mounted.splice(0)) {
    editor.destroy();
    element.remove();
  }
});

const pasteEvent = () => new Event('paste') as ClipboardEvent;

function pasteHtml(editor: Editor, html: string): void {
  editor.view.pasteHTML(html, pasteEvent());
}

/** The body's text, one line per textblock. */
function lines(doc: ProseMirrorNode): string[] {
  const found: string[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) found.push(node.textContent);
    return !node.isTextblock;
  });
  return found;
}

/** What nothing pasted may leave in the body: Word's styles and classes, inline styles, attributes from the page. */
function expectClean(editor: Editor): void {
  const html = editor.getHTML();
  expect(html).not.toMatch(/mso-|class=|style=|<span|<font|<img|<o:p|data-id|onerror|onclick|javascript:/i);
  editor.state.doc.descendants((node) => {
    for (const mark of node.marks) expect(['bold', 'italic', 'underline', 'link']).toContain(mark.type.name);
    expect(node.type.name).not.toBe('figure');
  });
}

describe('cleanPastedHtml on clipboard samples', () => {
  it('turns Word 2016 list paragraphs into nested numbered and bulleted lists, without the typed numbers and bullets', () => {
    const { editor, reports } = createEditor();
    pasteHtml(editor, fixture('word-lists.html'));
    expect(editor.getHTML()).toBe(
      '<p><strong>Hội nghị sơ kết sáu tháng</strong> diễn ra sáng nay tại ' +
        '<a rel="noopener noreferrer" href="https://example.vn/hoi-nghi">trụ sở Bộ</a>, với các nội dung <em>chính</em> sau:</p>' +
        '<ol><li><p>Đánh giá kết quả sáu tháng đầu năm</p><ol><li><p>Thu ngân sách</p></li><li><p>Đầu tư công</p></li></ol></li>' +
        '<li><p>Nhiệm vụ sáu tháng cuối năm</p></li></ol>' +
        '<p>Các đại biểu lưu ý:</p>' +
        '<ul><li><p>Đến đúng giờ</p><ul><li><p>Mang theo giấy mời</p></li></ul></li><li><p>Tắt điện thoại</p></li></ul>' +
        // The empty paragraph the editor started with, after the paste.
        '<p></p>',
    );
    expectClean(editor);
    // The picture was a file on the copier's disk: left out, and said so.
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ legacy: null, droppedImages: 1, embeddedImages: [] });
  });

  it('goes on counting a Word numbered list interrupted by a paragraph, and keeps a numbered heading a heading', () => {
    const item = (marker: string, text: string) =>
      `<p class=MsoListParagraph style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>` +
      `<span><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span>` +
      `<![endif]>${text}<o:p></o:p></p>`;
    const { editor } = createEditor();
    pasteHtml(
      editor,
      `<h1 style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>I.<span>&nbsp;</span></span>` +
        '<![endif]>Mở đầu</h1>' +
        item('1.', 'Một') +
        '<p class=MsoNormal>Chen giữa</p>' +
        item('2.', 'Hai') +
        item('3.', 'Ba'),
    );
    expect(editor.getHTML()).toBe(
      '<h2>Mở đầu</h2><ol><li><p>Một</p></li></ol><p>Chen giữa</p><ol start="2"><li><p>Hai</p></li><li><p>Ba</p></li></ol><p></p>',
    );
  });

  it('converts Word runs in .VnTime and .VnTimeH (inline and by class) from TCVN3, and leaves Unicode runs alone', () => {
    const { editor, reports } = createEditor();
    pasteHtml(editor, fixture('word-tcvn3.html'));
    expect(lines(editor.state.doc)).toEqual([
      'KẾT LUẬN CỦA HỘI NGHỊ',
      'Hội nghị sơ kết công tác sáu tháng đầu năm của ngành được tổ chức tại Hà Nội',
      'Những người đứng đầu các địa phương phải chịu trách nhiệm',
      'rà soát từng hồ sơ',
      'báo cáo trước ngày mười lăm',
      'Ghi chú: bản gốc lưu tại Văn phòng.',
    ]);
    // TCVN3's "ư" is U+00AD: converted, never stripped as a soft hyphen.
    expect(editor.state.doc.textContent).not.toContain('\u00ad');
    expect(editor.getHTML()).toContain('<ul><li><p>rà soát từng hồ sơ</p></li>');
    expectClean(editor);
    expect(reports[0]?.legacy).toEqual({ encodings: ['tcvn3Upper', 'tcvn3'], paragraphs: 5 });
  });

  it('converts VNI-Times runs', () => {
    const { editor, reports } = createEditor();
    pasteHtml(editor, fixture('word-vni.html'));
    expect(editor.getHTML()).toBe(
      '<p><strong>Thành phố Hồ Chí Minh đẩy mạnh chuyển đổi số trong giáo dục</strong></p>' +
        '<p>Các trường học sẽ được trang bị thiết bị mới</p>',
    );
    expect(reports[0]?.legacy).toEqual({ encodings: ['vni'], paragraphs: 2 });
  });

  it("keeps LibreOffice Writer's headings and lists (paragraphs inside items), converting a <font face> in VNI", () => {
    const { editor, reports } = createEditor();
    pasteHtml(editor, fixture('libreoffice.html'));
    expect(editor.getHTML()).toBe(
      '<h2>Giá xăng giảm lần thứ ba</h2>' +
        '<p>Giá xăng <strong>RON95</strong> giảm <em>350 đồng</em> mỗi lít từ 15 giờ chiều nay. Các mức giá mới:</p>' +
        '<ol><li><p>Xăng E5 RON92: 19.850 đồng</p><ul><li><p>giảm 320 đồng</p></li></ul></li>' +
        '<li><p>Xăng RON95-III: 20.900 đồng</p></li></ol>' +
        '<p>Các trường học sẽ được trang bị thiết bị mới</p>' +
        '<p><u>Nguồn: Bộ Công Thương</u></p>',
    );
    expectClean(editor);
    expect(reports[0]?.legacy).toEqual({ encodings: ['vni'], paragraphs: 1 });
  });

  it("unwraps Google Docs' <b style=font-weight:normal> and reads its bold, italic and underline from styles", () => {
    const { editor, reports } = createEditor();
    pasteHtml(editor, fixture('google-docs.html'));
    expect(editor.getHTML()).toBe(
      '<p><strong>Mưa lớn</strong> kéo dài ở các tỉnh <em>miền Trung</em><u>từ đêm qua</u>.</p>' +
        '<ul><li><p>Quảng Bình</p><ul><li><p>huyện Lệ Thủy</p></li></ul></li><li><p>Quảng Trị</p></li></ul>' +
        '<p><a rel="noopener noreferrer" href="https://nchmf.gov.vn/">Trung tâm Dự báo</a> cảnh báo lũ.</p>',
    );
    expectClean(editor);
    expect(reports).toEqual([]);
  });

  it('keeps the text of a web page and drops its scripts, frames, forms, handlers, remote pictures and unsafe links', () => {
    const { editor, reports } = createEditor();
    pasteHtml(editor, fixture('web-page.html'));
    expect(lines(editor.state.doc)).toEqual([
      'Hà Nội mở thêm 5 tuyến buýt điện',
      'Thanh Hương 30/11/2026',
      'Từ tháng 12, người dân có thêm lựa chọn đi lại xanh.',
      // One <br> is a line break (no text of its own), two end the paragraph.
      'Sở Xây dựng cho biết các tuyến mới nối trung tâm với ngoại thành.Giá vé giữ nguyên 7.000 đồng.',
      'Chi tiết xem tại đây.',
      'Xe buýt điện tại bến Long Biên. Ảnh: Minh Đức',
      'Tuyến',
      'Lộ trình',
      'E01',
      'Long Biên – Đông Anh',
      '“Chúng tôi ưu tiên xe sạch,” ông Nam nói.',
      '',
    ]);
    const html = editor.getHTML();
    expect(html).toContain('<h2>Hà Nội mở thêm 5 tuyến buýt điện</h2>');
    expect(html).toContain('ngoại thành.<br>Giá vé');
    expect(html).toContain('<a rel="noopener noreferrer" href="https://hanoi.example/buyt">tại đây</a>');
    expect(html).toContain('<blockquote><p>“Chúng tôi ưu tiên xe sạch,” ông Nam nói.</p></blockquote>');
    // The fares table stays a table, without its class.
    expect(html).toContain('<table><tbody><tr><th><p>Tuyến</p></th><th><p>Lộ trình</p></th></tr><tr><td><p>E01</p></td>');
    expect(html).not.toMatch(/example\/photos|tracker|ads\.example|Đăng ký|fetch\(|alert|<iframe|fares/);
    expectClean(editor);
    // The data: picture's bytes are handed over for import; the remote one is never fetched, only counted.
    expect(reports[0]?.droppedImages).toBe(1);
    expect(reports[0]?.embeddedImages.map(({ fileName, type }) => ({ fileName, type }))).toEqual([
      { fileName: 'anh-dan-1.png', type: 'image/png' },
    ]);
    expect([...reports[0]!.embeddedImages[0]!.bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('leaves nothing executable and no suggestion, comment or photo from a hostile snippet, and keeps its text', () => {
    const { editor } = createEditor();
    pasteHtml(editor, fixture('hostile.html'));
    const text = editor.state.doc.textContent;
    for (const kept of ['Bắt đầu', 'liên kết 1', 'liên kết 4', 'chèn giả', 'xóa giả', 'bình luận giả', 'ảnh giả', 'Kết thúc']) {
      expect(text).toContain(kept);
    }
    expect(editor.getHTML()).not.toContain('<a');
    expect(pendingSuggestions(editor.state.doc)).toEqual([]);
    expectClean(editor);
  });

  it('keeps only the allowed elements and attributes from every DOMPurify vector', () => {
    const allowed = new Set(['p', 'br', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'u', 'a', 'hr', 'div']);
    for (const { payload } of vectors) {
      const { html } = cleanPastedHtml(payload, document);
      const cleaned = document.implementation.createHTMLDocument('');
      cleaned.body.innerHTML = html;
      for (const element of cleaned.body.querySelectorAll('*')) {
        expect(allowed, payload).toContain(element.localName);
        for (const { name, value } of element.attributes) {
          expect(name === 'href' || name === 'start' || name === 'data-pm-slice', `${name} in ${payload}`).toBe(true);
          if (name === 'href') expect(value).toMatch(/^(?:https?:\/\/|mailto:)/i);
        }
      }
    }
    // 223 payloads through jsdom on a loaded two-core machine: room to finish, not a measure of speed.
  }, 120_000);

  it('keeps a copy from the editor itself as it was: its photos and alignment', () => {
    const mediaId = 'a'.repeat(64);
    const { editor: source } = createEditor(
      '<p style="text-align: center">Giữa</p>' +
        `<figure data-media-id="${mediaId}" data-credit="Văn Đốc"><figcaption>Chú thích</figcaption></figure>`,
    );
    source.commands.selectAll();
    const html = source.view.serializeForClipboard(source.state.selection.content()).dom.innerHTML;
    const { editor } = createEditor();
    pasteHtml(editor, html);
    expect(editor.getJSON().content).toEqual(source.getJSON().content);
  });
});

describe('plain paste (Ctrl+Shift+V) and text without HTML', () => {
  it('makes a paragraph of every line, blank lines or single line breaks alike', () => {
    const { editor } = createEditor();
    editor.view.pasteText('Dòng một\nDòng hai\r\n\r\nDòng ba\n\n\nDòng bốn', pasteEvent());
    expect(lines(editor.state.doc)).toEqual(['Dòng một', 'Dòng hai', 'Dòng ba', 'Dòng bốn']);
  });

  it('converts VIQR and TCVN3 text found by its words, keeping its paragraphs', () => {
    const { editor, reports } = createEditor();
    editor.view.pasteText(fixture('viqr.txt'), pasteEvent());
    expect(lines(editor.state.doc)).toEqual([
      'Người dân được hướng dẫn nộp hồ sơ trực tuyến',
      'Hội nghị sơ kết công tác sáu tháng đầu năm',
      'Những người đứng đầu các địa phương phải chịu trách nhiệm',
      // The file's last line break.
      '',
    ]);
    expect(reports[0]?.legacy).toEqual({ encodings: ['viqr'], paragraphs: 3 });

    const second = createEditor();
    second.editor.view.pasteText(fixture('tcvn3.txt'), pasteEvent());
    expect(lines(second.editor.state.doc)).toEqual([
      'Hội nghị sơ kết công tác sáu tháng đầu năm của ngành được tổ chức tại Hà Nội',
      'Những người đứng đầu các địa phương phải chịu trách nhiệm',
      '',
    ]);
  });

  it('leaves Unicode and English text as it is, and tells nothing', () => {
    const { editor, reports } = createEditor();
    editor.view.pasteText('Hà Nội đẹp lắm. Is it? Yes.', pasteEvent());
    expect(editor.state.doc.textContent).toBe('Hà Nội đẹp lắm. Is it? Yes.');
    expect(reports).toEqual([]);
  });
});

describe('undo after a paste', () => {
  it('takes back the paste in one step, and only the paste, even right after typing', () => {
    const { editor } = createEditor();
    editor.view.dispatch(editor.state.tr.insertText('Mở đầu '));
    pasteHtml(editor, fixture('word-tcvn3.html'));
    expect(editor.state.doc.textContent).toContain('Hội nghị sơ kết');
    editor.commands.undo();
    expect(editor.getHTML()).toBe('<p>Mở đầu </p>');
  });

  it('"Hoàn tác" on the notice takes back the conversion only: the paste is left as it came, and Ctrl+Z then removes it', () => {
    const { editor, reports } = createEditor('<p>Mở đầu</p>');
    editor.commands.setTextSelection(8);
    pasteHtml(editor, fixture('word-vni.html'));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.undoConversion()).toBe(true);
    expect(lines(editor.state.doc)).toEqual([
      'Mở đầu' + encodeLegacy('Thành phố Hồ Chí Minh đẩy mạnh chuyển đổi số trong giáo dục', 'vni'),
      encodeLegacy('Các trường học sẽ được trang bị thiết bị mới', 'vni'),
    ]);
    // The raw paste is no conversion: nothing more is told.
    expect(reports).toHaveLength(1);
    editor.commands.undo();
    expect(editor.getHTML()).toBe('<p>Mở đầu</p>');
  });

  it('"Hoàn tác" does nothing once the body has changed after the paste', () => {
    const { editor, reports } = createEditor();
    editor.view.pasteText(fixture('tcvn3.txt'), pasteEvent());
    editor.view.dispatch(editor.state.tr.insertText('!'));
    const before = editor.getHTML();
    expect(reports[0]!.undoConversion()).toBe(false);
    expect(editor.getHTML()).toBe(before);
  });
});

describe('paste with tracked changes on', () => {
  it('records a converted Word paste as one suggestion, converted', () => {
    const { editor } = createEditor('<p>Tin nóng</p>', true);
    editor.commands.setTextSelection(9);
    pasteHtml(editor, fixture('word-tcvn3.html'));
    expect(editor.state.doc.textContent).toContain('Những người đứng đầu các địa phương');
    expect(pendingSuggestions(editor.state.doc)).toHaveLength(1);
    expect(pendingSuggestions(editor.state.doc)[0]).toMatchObject({ deleted: '', authorName: 'Thu Hà' });
  });
});
