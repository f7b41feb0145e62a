import { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import { convertArticleFields } from '../../renderer/src/features/editor/encoding/convertArticleFields';
import { convertBodyText } from '../../renderer/src/features/editor/encoding/convertBodyText';
import { pendingSuggestions } from '../../renderer/src/features/editor/suggestions/pendingSuggestions';
import { setTrackingChanges, TrackChanges } from '../../renderer/src/features/editor/suggestions/trackChanges';
import { documentExtensions } from '../../shared/documentExtensions';
import { encodeLegacy } from '../../shared/legacyEncodings/encodeLegacy';

const mounted: { editor: Editor; element: HTMLElement }[] = [];

function createEditor(content: string, tracking = false): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [
      ...documentExtensions,
      TrackChanges.configure({ author: () => ({ name: 'Thu Hà', role: 'editor' }), now: () => new Date(0) }),
    ],
    content,
  });
  setTrackingChanges(editor, tracking);
  mounted.push({ editor, element });
  return editor;
}

afterEach(() => {
  for (const { editor, element } of mounted.splice(0)) {
    editor.destroy();
    element.remove();
  }
});

const tcvn3 = (text: string) => encodeLegacy(text, 'tcvn3');
const mediaId = 'b'.repeat(64);

function lines(doc: ProseMirrorNode): string[] {
  const found: string[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) found.push(node.textContent);
    return !node.isTextblock;
  });
  return found;
}

/** Where a piece of text starts and ends in the document. */
function rangeOf(doc: ProseMirrorNode, text: string): { from: number; to: number } {
  let from = -1;
  doc.descendants((node, position) => {
    if (from < 0 && node.isText && node.text!.includes(text)) from = position + node.text!.indexOf(text);
    return from < 0;
  });
  return { from, to: from + text.length };
}

describe('"Chuyển mã…" on the body', () => {
  it('converts exactly the selection, keeping its marks, as one undo step', () => {
    const legacy = tcvn3('Hội nghị sơ kết');
    const editor = createEditor(`<p>Tin: <strong>${legacy}</strong> sáu tháng</p><p>${tcvn3('Hà Nội')}</p>`);
    const { tr, lines: changed } = convertBodyText(editor.state, 'tcvn3', rangeOf(editor.state.doc, legacy));
    editor.view.dispatch(tr);
    expect(editor.getHTML()).toBe(`<p>Tin: <strong>Hội nghị sơ kết</strong> sáu tháng</p><p>${tcvn3('Hà Nội')}</p>`);
    expect(changed).toEqual([{ before: `Tin: ${legacy} sáu tháng`, after: 'Tin: Hội nghị sơ kết sáu tháng' }]);
    editor.commands.undo();
    expect(lines(editor.state.doc)).toEqual([`Tin: ${legacy} sáu tháng`, tcvn3('Hà Nội')]);
  });

  it('converts the whole body, captions and photo credits, and leaves paragraphs already in Unicode alone', () => {
    const editor = createEditor(
      `<p>${tcvn3('Những người đứng đầu')}</p><p>Đã là Unicode: sáng nay</p>` +
        `<figure data-media-id="${mediaId}" data-credit="${tcvn3('Văn Đốc')}" data-alt="${tcvn3('Xe điện')}">` +
        `<figcaption>${tcvn3('Bến xe Long Biên')}</figcaption></figure>`,
    );
    const { tr, lines: changed } = convertBodyText(editor.state, 'tcvn3', null);
    editor.view.dispatch(tr);
    // The schema keeps a paragraph after a photo, for the cursor.
    expect(lines(editor.state.doc)).toEqual(['Những người đứng đầu', 'Đã là Unicode: sáng nay', 'Bến xe Long Biên', '']);
    const figure = editor.state.doc.child(2);
    expect(figure.attrs).toMatchObject({ mediaId, credit: 'Văn Đốc', alt: 'Xe điện' });
    expect(changed.map(({ after }) => after)).toEqual(['Những người đứng đầu', 'Văn Đốc', 'Xe điện', 'Bến xe Long Biên']);
    editor.commands.undo();
    expect(editor.state.doc.child(2).attrs['credit']).toBe(tcvn3('Văn Đốc'));
    expect(lines(editor.state.doc)[0]).toBe(tcvn3('Những người đứng đầu'));
  });

  it('changes nothing when the encoding changes nothing', () => {
    const editor = createEditor('<p>Plain ASCII 2026</p>');
    const { tr, lines: changed } = convertBodyText(editor.state, 'vni', null);
    expect(tr.docChanged).toBe(false);
    expect(changed).toEqual([]);
  });

  it('records the conversion as suggestions when tracked changes are on', () => {
    const editor = createEditor(`<p>${tcvn3('Hà Nội')}</p>`, true);
    editor.view.dispatch(convertBodyText(editor.state, 'tcvn3', null).tr);
    expect(pendingSuggestions(editor.state.doc).map(({ inserted, deleted }) => ({ inserted, deleted }))).toEqual([
      { inserted: 'Hà Nội', deleted: tcvn3('Hà Nội') },
    ]);
  });
});

describe('"Chuyển mã…" on the fields', () => {
  it('converts the title, byline and a hand-typed credit, not a sapo already in Unicode', () => {
    const fields = {
      title: tcvn3('Kết luận của hội nghị'),
      sapo: 'Sáng nay, Bộ Công Thương họp.',
      bylineName: tcvn3('Ngọc Sơn'),
      photoCredit: tcvn3('Văn Đốc'),
      photoCreditMode: 'manual' as const,
    };
    expect(convertArticleFields(fields, 'tcvn3').changes).toEqual({
      title: 'Kết luận của hội nghị',
      bylineName: 'Ngọc Sơn',
      photoCredit: 'Văn Đốc',
    });
    // A composed credit follows the photos' credits, which the body's conversion converts.
    expect(convertArticleFields({ ...fields, photoCreditMode: 'auto' }, 'tcvn3').changes).not.toHaveProperty('photoCredit');
  });
});
