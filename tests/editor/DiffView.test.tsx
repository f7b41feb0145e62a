import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { bodyRows, DiffView } from '../../renderer/src/features/editor/versions/DiffView';
import { messagesByLanguage } from '../../renderer/src/i18n/messages';
import { MessagesContext } from '../../renderer/src/i18n/MessagesContext';
import type { ArticleDiff, BlockDiff, TextPart } from '../../shared/diffArticles';
import type { PreloadApi } from '../../shared/ipcContract';
import { useRendering } from '../support/useRendering';

const render = useRendering();

// Photos are shown through the platform's media URL; nothing else of the API is needed here.
window.api = { mediaUrl: (mediaId: string) => `banthao-media://photo/${mediaId}` } as unknown as PreloadApi;

const photoA = 'a'.repeat(64);
const photoB = 'b'.repeat(64);
const photoC = 'c'.repeat(64);
const photoD = 'd'.repeat(64);

const same = (text: string): TextPart => ({ text, change: 'same' });
const inserted = (text: string): TextPart => ({ text, change: 'inserted' });
const deleted = (text: string): TextPart => ({ text, change: 'deleted' });

const paragraph = { kind: 'paragraph', level: null, mediaId: null } as const;
const sameBlock = (text: string): BlockDiff => ({ change: 'same', before: paragraph, after: paragraph, parts: [same(text)], moved: false });

/** A hand-written comparison with every kind of field: text, body, photos, one-value fields and the cover. */
const everyField: ArticleDiff = {
  fields: [
    { field: 'title', parts: [same('Hội nghị '), deleted('sơ'), inserted('tổng'), same(' kết')] },
    { field: 'sapo', parts: [same('Sáng nay'), inserted(', <b>120</b> đại biểu')] },
    {
      field: 'body',
      blocks: [
        ...Array.from({ length: 12 }, (_, index) => sameBlock(`Đoạn ${index + 1} không đổi.`)),
        {
          change: 'edited',
          before: paragraph,
          after: { kind: 'heading', level: 2, mediaId: null },
          parts: [same('Kết quả '), deleted('quý'), inserted('năm')],
          moved: false,
        },
        { change: 'inserted', before: null, after: paragraph, parts: [inserted('Một đoạn mới.')], moved: false },
        { change: 'deleted', before: paragraph, after: null, parts: [deleted('Đoạn bị chuyển.')], moved: true },
        sameBlock('Đoạn giữa.'),
        { change: 'inserted', before: null, after: paragraph, parts: [inserted('Đoạn bị chuyển.')], moved: true },
        { change: 'deleted', before: { kind: 'rule', level: null, mediaId: null }, after: null, parts: [], moved: false },
        sameBlock('Đoạn cuối.'),
      ],
    },
    {
      field: 'photos',
      photos: [
        {
          mediaId: photoA,
          placement: 'added',
          indexBefore: null,
          indexAfter: 0,
          caption: [inserted('Toàn cảnh')],
          alt: null,
          credit: null,
        },
        { mediaId: photoB, placement: 'removed', indexBefore: 0, indexAfter: null, caption: [deleted('Ảnh cũ')], alt: null, credit: null },
        { mediaId: photoC, placement: 'moved', indexBefore: 1, indexAfter: 3, caption: null, alt: null, credit: null },
        {
          mediaId: photoD,
          placement: 'kept',
          indexBefore: 2,
          indexAfter: 2,
          caption: [same('Đại biểu '), inserted('phát biểu')],
          alt: null,
          credit: [deleted('Văn Đốc'), inserted('Minh Anh')],
        },
      ],
    },
    { field: 'bylineRole', before: 'news', after: 'newsAndPhotos' },
    { field: 'bylineName', parts: [same('Ngọc '), inserted('Sơn')] },
    { field: 'photoCreditMode', before: 'manual', after: 'auto' },
    { field: 'photoCredit', parts: [deleted('Văn Đốc')] },
    { field: 'publicationDate', before: '2022-07-08', after: '2022-07-09' },
    { field: 'status', before: 'submitted', after: 'changesRequested' },
    { field: 'coverMediaId', before: null, after: photoA },
  ],
};

const fieldOf = (view: HTMLElement, field: string) => view.querySelector<HTMLElement>(`.diff-field-${field}`)!;
const texts = (scope: ParentNode, selector: string) => [...scope.querySelectorAll(selector)].map((element) => element.textContent);

describe('the comparison view', () => {
  it('names each changed field in Vietnamese, in order', async () => {
    const view = await render(<DiffView diff={everyField} />);
    expect(texts(view, '.diff-field-name')).toEqual([
      'Tiêu đề',
      'Sapo',
      'Nội dung',
      'Ảnh',
      'Hình thức ghi tên',
      'Tác giả',
      'Cách ghi người chụp',
      'Ảnh (ghi)',
      'Ngày đăng',
      'Trạng thái',
      'Ảnh đại diện',
    ]);
    expect(view.querySelector('.diff-legend')!.textContent).toBe('Chú giải: chữ thêm chữ bỏ');
  });

  it('shows inserted words in <ins> and deleted ones in <del>, as text even when it looks like markup', async () => {
    const view = await render(<DiffView diff={everyField} />);
    const title = fieldOf(view, 'title');
    expect(texts(title, 'del')).toEqual(['sơ']);
    expect(texts(title, 'ins')).toEqual(['tổng']);
    expect(title.querySelector('.diff-text')!.textContent).toBe('Hội nghị sơtổng kết');
    const sapo = fieldOf(view, 'sapo');
    expect(texts(sapo, 'ins')).toEqual([', <b>120</b> đại biểu']);
    expect(sapo.querySelector('b')).toBeNull();
    expect(texts(fieldOf(view, 'bylineName'), 'ins')).toEqual(['Sơn']);
    expect(texts(fieldOf(view, 'photoCredit'), 'del')).toEqual(['Văn Đốc']);
  });

  it('shows one-value fields as the reader says them, the old struck through and the new underlined', async () => {
    const view = await render(<DiffView diff={everyField} />);
    const pair = (field: string) => [texts(fieldOf(view, field), 'del')[0], texts(fieldOf(view, field), 'ins')[0]];
    expect(pair('bylineRole')).toEqual(['Tin', 'Tin và ảnh']);
    expect(pair('photoCreditMode')).toEqual(['Gõ tay', 'Tự ghép từ tên người chụp các ảnh']);
    expect(pair('publicationDate')).toEqual(['08/07/2022', '09/07/2022']);
    expect(pair('status')).toEqual(['Chờ duyệt', 'Cần sửa']);
    const cover = fieldOf(view, 'coverMediaId');
    expect(cover.querySelector('.diff-cover-before')!.textContent).toBe('Trước: (không có)');
    expect(cover.querySelector('.diff-cover-after')!.textContent).toBe('Sau: ');
    expect(cover.querySelector('.diff-cover-after img')!.getAttribute('src')).toBe(`banthao-media://photo/${photoA}`);
  });

  it('reads the body in order, folding long runs of unchanged paragraphs and unfolding them on request', async () => {
    const view = await render(<DiffView diff={everyField} />);
    const body = fieldOf(view, 'body');
    const items = () => [...body.querySelectorAll('.diff-blocks > li')];
    // Twelve unchanged: eleven folded, the one before the change kept as context.
    expect(items().map((item) => item.className)).toEqual([
      'diff-folded',
      'diff-block diff-block-same',
      'diff-block diff-block-edited',
      'diff-block diff-block-inserted',
      'diff-block diff-block-deleted diff-block-moved',
      'diff-block diff-block-same',
      'diff-block diff-block-inserted diff-block-moved',
      'diff-block diff-block-deleted',
      'diff-block diff-block-same',
    ]);
    expect(items()[0]!.textContent).toBe('… 11 đoạn không đổi …');
    expect(items()[1]!.textContent).toBe('Đoạn 12 không đổi.');
    expect(items()[2]!.querySelector('.diff-tags')!.textContent).toBe('SửaĐoạn → Tiêu đề phụ');
    expect(texts(items()[2]!, 'del')).toEqual(['quý']);
    expect(texts(items()[2]!, 'ins')).toEqual(['năm']);
    expect(items()[3]!.querySelector('.diff-tags')!.textContent).toBe('Thêm');
    expect(texts(items()[3]!, 'ins')).toEqual(['Một đoạn mới.']);
    expect(items()[4]!.querySelector('.diff-tags')!.textContent).toBe('Chuyển đi (chỗ cũ)');
    expect(items()[6]!.querySelector('.diff-tags')!.textContent).toBe('Chuyển đến (chỗ mới)');
    // Moved text is neither new nor gone: plain, in both places.
    expect(items()[4]!.querySelector('.diff-block-text')!.innerHTML).toBe('<span>Đoạn bị chuyển.</span>');
    expect(items()[6]!.querySelectorAll('ins, del')).toHaveLength(0);
    expect(items()[7]!.textContent).toBe('BỏĐường kẻ ngang');

    await act(async () => body.querySelector<HTMLButtonElement>('.diff-unfold')!.click());
    expect(body.querySelector('.diff-folded')).toBeNull();
    expect(items()).toHaveLength(19);
    expect(items()[0]!.textContent).toBe('Đoạn 1 không đổi.');
  });

  it('lists photos with what happened to each: added, removed, moved, caption or credit edited', async () => {
    const view = await render(<DiffView diff={everyField} />);
    const photos = [...fieldOf(view, 'photos').querySelectorAll('.diff-photo')];
    expect(photos.map((photo) => photo.querySelector('.diff-photo-head')!.textContent)).toEqual([
      'Ảnh 1 Thêm ảnh',
      'Ảnh 1 Bỏ ảnh',
      'Ảnh 4 Chuyển chỗ: từ vị trí 2 sang 4',
      'Ảnh 3 Sửa chú thích, người chụp',
    ]);
    expect(texts(photos[0]!, 'ins')).toEqual(['Toàn cảnh']);
    expect(texts(photos[1]!, 'del')).toEqual(['Ảnh cũ']);
    expect(texts(photos[3]!, '.diff-photo-line')).toEqual(['Chú thích: Đại biểu phát biểu', 'Người chụp: Văn ĐốcMinh Anh']);
    expect(texts(photos[3]!, 'ins')).toEqual(['phát biểu', 'Minh Anh']);
    expect(photos[1]!.querySelector('img')!.getAttribute('src')).toBe(`banthao-media://photo/${photoB}`);
  });

  it('says when the two versions are the same, and speaks English when asked', async () => {
    const view = await render(<DiffView diff={{ fields: [] }} />);
    expect(view.textContent).toBe('Hai bản giống nhau.');
    const english = await render(
      <MessagesContext.Provider value={messagesByLanguage.en}>
        <DiffView diff={{ fields: [everyField.fields[0]!] }} />
      </MessagesContext.Provider>,
    );
    expect(english.querySelector('.diff-field-name')!.textContent).toBe('Title');
  });
});

describe('folding unchanged paragraphs', () => {
  const run = (changes: string) =>
    [...changes].map((change): BlockDiff => (change === '=' ? sameBlock('x') : { ...sameBlock('x'), change: 'edited' }));
  const shape = (changes: string, expanded: number[] = []) =>
    bodyRows(run(changes), new Set(expanded))
      .map((row) => (row.kind === 'folded' ? `[${row.count}]` : changes[row.index]))
      .join('');

  it('keeps one unchanged paragraph on each side of a change and folds the rest, never a single one', () => {
    expect(shape('=====*=====')).toBe('[4]=*=[4]');
    expect(shape('==*==')).toBe('==*==');
    expect(shape('*===*')).toBe('*===*');
    expect(shape('*====*')).toBe('*=[2]=*');
    expect(shape('=====')).toBe('[5]');
    expect(shape('=====*=====', [0])).toBe('=====*=[4]');
  });
});
