import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../shared/articleModel';
import { diffArticles, type BlockDiff, type FieldDiff, type TextPart } from '../../shared/diffArticles';
import { diffText } from '../../shared/diffText';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { sampleContent } from '../support/sampleContent';
import { featureLengthBody } from '../support/sizedBodies';

const same = (text: string): TextPart => ({ text, change: 'same' });
const inserted = (text: string): TextPart => ({ text, change: 'inserted' });
const deleted = (text: string): TextPart => ({ text, change: 'deleted' });

const photoA = 'a'.repeat(64);
const photoB = 'b'.repeat(64);
const photoC = 'c'.repeat(64);

function paragraph(text: string): DocumentNodeJson {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

function figure(mediaId: string, caption: string, attrs: { alt?: string; credit?: string } = {}): DocumentNodeJson {
  return {
    type: 'figure',
    attrs: { mediaId, alt: attrs.alt ?? '', credit: attrs.credit ?? 'Văn Đốc' },
    content: caption === '' ? [] : [{ type: 'text', text: caption }],
  };
}

function withBody(...blocks: DocumentNodeJson[]): ArticleContent {
  return sampleContent({ body: { type: 'doc', content: blocks } });
}

/** The diff of two bodies, as one line per block: its change, `moved` when it moved, and its text with changes marked. */
function bodyLines(before: ArticleContent, after: ArticleContent): string[] {
  const body = diffArticles(before, after).fields.find((field) => field.field === 'body');
  return body === undefined ? [] : body.blocks.map(describeBlock);
}

function describeBlock(block: BlockDiff): string {
  const text = block.parts.map((part) =>
    part.change === 'same' ? part.text : part.change === 'inserted' ? `{+${part.text}+}` : `[-${part.text}-]`,
  );
  return `${block.change}${block.moved ? ' moved' : ''}: ${text.join('')}`;
}

function fieldOf<Name extends FieldDiff['field']>(fields: FieldDiff[], name: Name): Extract<FieldDiff, { field: Name }> | undefined {
  return fields.find((field): field is Extract<FieldDiff, { field: Name }> => field.field === name);
}

const paragraphs = ['Sáng 5/7, UBND tỉnh tổ chức hội nghị.', 'Đại biểu thảo luận sôi nổi.', 'Hội nghị bế mạc lúc 11 giờ.'];

describe('word-level comparison of Vietnamese text', () => {
  it('keeps syllables whole: "sơ" → "tổng" is one syllable deleted and one inserted', () => {
    expect(diffArticles(sampleContent({ title: 'Hội nghị sơ kết' }), sampleContent({ title: 'Hội nghị tổng kết' }))).toEqual({
      fields: [{ field: 'title', parts: [same('Hội nghị '), deleted('sơ'), inserted('tổng'), same(' kết')] }],
    });
  });

  it('shows a change of tone mark as the whole syllable changed, never as a lone diacritic', () => {
    expect(diffText('Hội nghị tỉnh', 'Hội nghỉ tỉnh')).toEqual([same('Hội '), deleted('nghị'), inserted('nghỉ'), same(' tỉnh')]);
    expect(diffText('Đà Nẵng', 'Đà Nẳng')).toEqual([same('Đà '), deleted('Nẵng'), inserted('Nẳng')]);
  });

  it('reads NFD and NFC spellings of the same text as no change at all', () => {
    const nfc = withBody(paragraph(paragraphs[0]!), figure(photoA, 'Quang cảnh hội nghị', { alt: 'Hội trường', credit: 'Văn Đốc' }));
    const nfd: ArticleContent = {
      ...nfc,
      title: nfc.title.normalize('NFD'),
      sapo: nfc.sapo.normalize('NFD'),
      bylineName: nfc.bylineName.normalize('NFD'),
      photoCredit: nfc.photoCredit.normalize('NFD'),
      body: JSON.parse(JSON.stringify(nfc.body).normalize('NFD')) as DocumentNodeJson,
    };
    expect(nfd.title).not.toBe(nfc.title);
    expect(diffArticles(nfc, nfd)).toEqual({ fields: [] });
    expect(diffArticles(nfd, nfc)).toEqual({ fields: [] });
  });

  it('compares an NFD version with an NFC one word by word, in NFC', () => {
    expect(diffText('Hội nghị sơ kết'.normalize('NFD'), 'Hội nghị tổng kết')).toEqual([
      same('Hội nghị '),
      deleted('sơ'),
      inserted('tổng'),
      same(' kết'),
    ]);
  });

  it('marks a punctuation change as that mark only', () => {
    expect(diffText('Hội nghị kết thúc', 'Hội nghị, kết thúc!')).toEqual([
      same('Hội nghị'),
      inserted(','),
      same(' kết thúc'),
      inserted('!'),
    ]);
    expect(diffText('“Sơ kết”', '"Sơ kết"')).toEqual([deleted('“'), inserted('"'), same('Sơ kết'), deleted('”'), inserted('"')]);
  });

  it('treats the end mark "./." as one mark, added or removed whole', () => {
    expect(diffText('Hội nghị kết thúc.', 'Hội nghị kết thúc./.')).toEqual([same('Hội nghị kết thúc'), deleted('.'), inserted('./.')]);
    expect(diffText('Hội nghị kết thúc./.', 'Hội nghị kết thúc.')).toEqual([same('Hội nghị kết thúc'), deleted('./.'), inserted('.')]);
    expect(diffText('Hội nghị kết thúc', 'Hội nghị kết thúc./.')).toEqual([same('Hội nghị kết thúc'), inserted('./.')]);
  });

  it('keeps numbers, dates and times whole with their separators', () => {
    expect(diffText('thu 1.000.000 đồng', 'thu 1.200.000 đồng')).toEqual([
      same('thu '),
      deleted('1.000.000'),
      inserted('1.200.000'),
      same(' đồng'),
    ]);
    expect(diffText('Ngày 05/7/2022, lúc 8:30', 'Ngày 06/7/2022, lúc 8:30')).toEqual([
      same('Ngày '),
      deleted('05/7/2022'),
      inserted('06/7/2022'),
      same(', lúc 8:30'),
    ]);
  });

  it('shows a rewritten sentence as one deletion and one insertion, not a confetti of one-syllable changes', () => {
    const before = 'Ông Nguyễn Văn A cho biết trong năm qua của tỉnh đã có nhiều đổi mới';
    const after = 'Theo bà Trần Thị B, trong năm qua ngành y tế của tỉnh đạt được các kết quả tốt';
    expect(diffText(before, after)).toEqual([deleted(before), inserted(after)]);
  });

  it('keeps a common word between two small changes', () => {
    expect(diffText('Hôm nay trời đẹp', 'Hôm qua trời rất đẹp')).toEqual([
      same('Hôm '),
      deleted('nay'),
      inserted('qua'),
      same(' trời '),
      inserted('rất '),
      same('đẹp'),
    ]);
  });

  it('reports a very long text rewritten end to end as replaced whole', () => {
    const words = Array.from({ length: 6_000 }, (_, index) => `từ${index}`);
    const before = words.join(' ');
    const after = [...words].reverse().join(' ');
    expect(diffText(before, after)).toEqual([deleted(before), inserted(after)]);
  });

  it('spends a shared budget of search: once it is spent, a changed text is reported replaced whole', () => {
    const budget = { remaining: 4 };
    expect(diffText('Hội nghị sơ kết', 'Hội nghị tổng kết', budget)).toEqual([
      same('Hội nghị '),
      deleted('sơ'),
      inserted('tổng'),
      same(' kết'),
    ]);
    expect(budget.remaining).toBe(0);
    expect(diffText('Hội nghị sơ kết', 'Hội nghị tổng kết', budget)).toEqual([deleted('Hội nghị sơ kết'), inserted('Hội nghị tổng kết')]);
    expect(diffText('Hội nghị sơ kết', 'Hội nghị sơ kết', budget)).toEqual([same('Hội nghị sơ kết')]);
  });
});

describe('the fields of an article', () => {
  it('finds no difference between identical articles', () => {
    const article = withBody(paragraph(paragraphs[0]!), figure(photoA, 'Quang cảnh'), paragraph(paragraphs[1]!));
    expect(diffArticles(article, structuredClone(article))).toEqual({ fields: [] });
  });

  it('lists each changed field once, in the editor’s order, and leaves unchanged fields out', () => {
    const before = sampleContent({ coverMediaId: null });
    const after = sampleContent({
      status: 'submitted',
      publicationDate: '2022-07-09',
      title: 'Hội nghị tổng kết',
      sapo: 'Ngày 05/7/2022, tại Trung tâm đã diễn ra Hội nghị lần thứ hai.',
      bylineRole: 'newsAndPhotos',
      bylineName: 'Ngọc Sơn và Minh Anh',
      photoCredit: 'Minh Anh',
      photoCreditMode: 'auto',
      coverMediaId: photoA,
    });
    expect(diffArticles(before, after).fields).toEqual([
      { field: 'title', parts: [same('Hội nghị '), deleted('sơ'), inserted('tổng'), same(' kết')] },
      { field: 'sapo', parts: [same('Ngày 05/7/2022, tại Trung tâm đã diễn ra Hội nghị'), inserted(' lần thứ hai'), same('.')] },
      { field: 'bylineRole', before: 'news', after: 'newsAndPhotos' },
      { field: 'bylineName', parts: [same('Ngọc Sơn'), inserted(' và Minh Anh')] },
      { field: 'photoCreditMode', before: 'manual', after: 'auto' },
      { field: 'photoCredit', parts: [deleted('Văn Đốc'), inserted('Minh Anh')] },
      { field: 'publicationDate', before: '2022-07-08', after: '2022-07-09' },
      { field: 'status', before: 'draft', after: 'submitted' },
      { field: 'coverMediaId', before: null, after: photoA },
    ]);
  });

  it('reports a field emptied as all deleted, and one filled in as all inserted', () => {
    expect(diffArticles(sampleContent({ photoCredit: 'Văn Đốc' }), sampleContent({ photoCredit: '' })).fields).toEqual([
      { field: 'photoCredit', parts: [deleted('Văn Đốc')] },
    ]);
    expect(diffArticles(sampleContent({ sapo: '' }), sampleContent({ sapo: 'Tóm tắt.' })).fields).toEqual([
      { field: 'sapo', parts: [inserted('Tóm tắt.')] },
    ]);
  });

  it('gives plain data that survives JSON, the same every time', () => {
    const before = withBody(paragraph(paragraphs[0]!), figure(photoA, 'Cũ'), paragraph(paragraphs[1]!));
    const after = withBody(paragraph(paragraphs[1]!), figure(photoB, 'Mới'), paragraph(`${paragraphs[0]!} Thêm.`));
    const diff = diffArticles(before, { ...after, title: 'Khác' });
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
    expect(diffArticles(before, { ...after, title: 'Khác' })).toEqual(diff);
  });
});

describe('the body, block by block', () => {
  it('shows a paragraph inserted in the middle as one inserted block, every other block the same', () => {
    const before = withBody(...paragraphs.map(paragraph));
    const after = withBody(
      paragraph(paragraphs[0]!),
      paragraph('Đoạn mới chèn vào giữa.'),
      paragraph(paragraphs[1]!),
      paragraph(paragraphs[2]!),
    );
    expect(bodyLines(before, after)).toEqual([
      `same: ${paragraphs[0]!}`,
      'inserted: {+Đoạn mới chèn vào giữa.+}',
      `same: ${paragraphs[1]!}`,
      `same: ${paragraphs[2]!}`,
    ]);
  });

  it('shows a deleted paragraph where it stood', () => {
    expect(bodyLines(withBody(...paragraphs.map(paragraph)), withBody(paragraph(paragraphs[0]!), paragraph(paragraphs[2]!)))).toEqual([
      `same: ${paragraphs[0]!}`,
      `deleted: [-${paragraphs[1]!}-]`,
      `same: ${paragraphs[2]!}`,
    ]);
  });

  it('compares an edited paragraph word by word, next to an inserted one', () => {
    const before = withBody(...paragraphs.map(paragraph));
    const after = withBody(
      paragraph(paragraphs[0]!),
      paragraph('Đại biểu thảo luận rất sôi nổi.'),
      paragraph('Phát biểu bế mạc của đồng chí Chủ tịch.'),
      paragraph(paragraphs[2]!),
    );
    expect(bodyLines(before, after)).toEqual([
      `same: ${paragraphs[0]!}`,
      'edited: Đại biểu thảo luận {+rất +}sôi nổi.',
      'inserted: {+Phát biểu bế mạc của đồng chí Chủ tịch.+}',
      `same: ${paragraphs[2]!}`,
    ]);
  });

  it('marks a paragraph moved elsewhere on both its old and new places', () => {
    const before = withBody(...paragraphs.map(paragraph));
    const after = withBody(paragraph(paragraphs[1]!), paragraph(paragraphs[2]!), paragraph(paragraphs[0]!));
    expect(bodyLines(before, after)).toEqual([
      `deleted moved: [-${paragraphs[0]!}-]`,
      `same: ${paragraphs[1]!}`,
      `same: ${paragraphs[2]!}`,
      `inserted moved: {+${paragraphs[0]!}+}`,
    ]);
  });

  it('shows a paragraph turned into a heading as edited, with the kind of each version', () => {
    const before = withBody(paragraph('Kết quả'), paragraph(paragraphs[1]!));
    const after = withBody(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kết quả' }] },
      paragraph(paragraphs[1]!),
    );
    const body = fieldOf(diffArticles(before, after).fields, 'body');
    expect(body?.blocks[0]).toEqual({
      change: 'edited',
      before: { kind: 'paragraph', level: null, mediaId: null },
      after: { kind: 'heading', level: 2, mediaId: null },
      parts: [same('Kết quả')],
      moved: false,
    });
  });

  it('reads list items and quotes as blocks of their kind, and a line break as a new line', () => {
    const before = withBody({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph('Mục một')] }],
    });
    const after = withBody(
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Mục một'), paragraph('Mục hai')] }] },
      {
        type: 'blockquote',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Dòng 1' }, { type: 'hardBreak' }, { type: 'text', text: 'Dòng 2' }] },
        ],
      },
    );
    const body = fieldOf(diffArticles(before, after).fields, 'body');
    expect(body?.blocks.map((block) => [block.change, block.after?.kind, block.parts.map((part) => part.text).join('')])).toEqual([
      ['same', 'bulletItem', 'Mục một'],
      ['inserted', 'bulletItem', 'Mục hai'],
      ['inserted', 'quote', 'Dòng 1\nDòng 2'],
    ]);
  });

  it('ignores empty paragraphs, which the editor adds and removes on its own', () => {
    expect(
      diffArticles(withBody(paragraph(paragraphs[0]!)), withBody(paragraph(paragraphs[0]!), { type: 'paragraph' }, paragraph(' '))),
    ).toEqual({
      fields: [],
    });
  });
});

describe('photos', () => {
  const captions = { a: 'Quang cảnh hội nghị', b: 'Đại biểu phát biểu', c: 'Trao thưởng' };

  it('reports a changed caption in the body and in the photo’s entry', () => {
    const before = withBody(paragraph(paragraphs[0]!), figure(photoA, captions.a), paragraph(paragraphs[1]!));
    const after = withBody(paragraph(paragraphs[0]!), figure(photoA, 'Toàn cảnh hội nghị'), paragraph(paragraphs[1]!));
    const { fields } = diffArticles(before, after);
    expect(fields.map((field) => field.field)).toEqual(['body', 'photos']);
    expect(bodyLines(before, after)).toEqual([
      `same: ${paragraphs[0]!}`,
      'edited: [-Quang-]{+Toàn+} cảnh hội nghị',
      `same: ${paragraphs[1]!}`,
    ]);
    expect(fieldOf(fields, 'photos')?.photos).toEqual([
      {
        mediaId: photoA,
        placement: 'kept',
        indexBefore: 0,
        indexAfter: 0,
        caption: [deleted('Quang'), inserted('Toàn'), same(' cảnh hội nghị')],
        alt: null,
        credit: null,
      },
    ]);
  });

  it('reports a changed credit and alt text among the photos only: the body reads the same', () => {
    const before = withBody(paragraph(paragraphs[0]!), figure(photoA, captions.a, { alt: 'Hội trường', credit: 'Văn Đốc' }));
    const after = withBody(paragraph(paragraphs[0]!), figure(photoA, captions.a, { alt: 'Hội trường tỉnh', credit: 'Minh Anh' }));
    expect(diffArticles(before, after).fields).toEqual([
      {
        field: 'photos',
        photos: [
          {
            mediaId: photoA,
            placement: 'kept',
            indexBefore: 0,
            indexAfter: 0,
            caption: null,
            alt: [same('Hội trường'), inserted(' tỉnh')],
            credit: [deleted('Văn Đốc'), inserted('Minh Anh')],
          },
        ],
      },
    ]);
  });

  it('reports a removed photo and an added one where they stand', () => {
    const before = withBody(paragraph(paragraphs[0]!), figure(photoA, captions.a), paragraph(paragraphs[1]!), paragraph(paragraphs[2]!));
    const after = withBody(paragraph(paragraphs[0]!), paragraph(paragraphs[1]!), figure(photoB, captions.b), paragraph(paragraphs[2]!));
    const { fields } = diffArticles(before, after);
    expect(bodyLines(before, after)).toEqual([
      `same: ${paragraphs[0]!}`,
      `deleted: [-${captions.a}-]`,
      `same: ${paragraphs[1]!}`,
      `inserted: {+${captions.b}+}`,
      `same: ${paragraphs[2]!}`,
    ]);
    expect(fieldOf(fields, 'photos')?.photos).toEqual([
      {
        mediaId: photoA,
        placement: 'removed',
        indexBefore: 0,
        indexAfter: null,
        caption: [deleted(captions.a)],
        alt: null,
        credit: [deleted('Văn Đốc')],
      },
      {
        mediaId: photoB,
        placement: 'added',
        indexBefore: null,
        indexAfter: 0,
        caption: [inserted(captions.b)],
        alt: null,
        credit: [inserted('Văn Đốc')],
      },
    ]);
  });

  it('reports a photo moved past a paragraph as moved, leaving the paragraphs the same', () => {
    const before = withBody(paragraph(paragraphs[0]!), figure(photoA, captions.a), paragraph(paragraphs[1]!), paragraph(paragraphs[2]!));
    const after = withBody(paragraph(paragraphs[0]!), paragraph(paragraphs[1]!), figure(photoA, captions.a), paragraph(paragraphs[2]!));
    expect(bodyLines(before, after)).toEqual([
      `same: ${paragraphs[0]!}`,
      `deleted moved: [-${captions.a}-]`,
      `same: ${paragraphs[1]!}`,
      `inserted moved: {+${captions.a}+}`,
      `same: ${paragraphs[2]!}`,
    ]);
    expect(fieldOf(diffArticles(before, after).fields, 'photos')?.photos).toEqual([
      { mediaId: photoA, placement: 'moved', indexBefore: 0, indexAfter: 0, caption: null, alt: null, credit: null },
    ]);
  });

  it('reports two photos swapped as one of them moved', () => {
    const before = withBody(paragraph(paragraphs[0]!), figure(photoA, captions.a), figure(photoB, captions.b), paragraph(paragraphs[1]!));
    const after = withBody(paragraph(paragraphs[0]!), figure(photoB, captions.b), figure(photoA, captions.a), paragraph(paragraphs[1]!));
    const photos = fieldOf(diffArticles(before, after).fields, 'photos')?.photos ?? [];
    expect(photos.map((photo) => [photo.mediaId, photo.placement, photo.indexBefore, photo.indexAfter])).toEqual([[photoA, 'moved', 0, 1]]);
  });

  it('keeps a photo in place when paragraphs around it are inserted, deleted or edited', () => {
    const before = withBody(paragraph(paragraphs[0]!), paragraph(paragraphs[1]!), figure(photoA, captions.a), paragraph(paragraphs[2]!));
    const after = withBody(
      paragraph(`${paragraphs[0]!} Thêm một câu.`),
      figure(photoA, captions.a),
      paragraph('Một đoạn mới.'),
      paragraph(paragraphs[2]!),
    );
    expect(bodyLines(before, after)).toEqual([
      `edited: ${paragraphs[0]!}{+ Thêm một câu.+}`,
      `deleted: [-${paragraphs[1]!}-]`,
      `same: ${captions.a}`,
      'inserted: {+Một đoạn mới.+}',
      `same: ${paragraphs[2]!}`,
    ]);
    expect(fieldOf(diffArticles(before, after).fields, 'photos')).toBeUndefined();
  });

  it('tells apart two appearances of the same photo, first with first', () => {
    const before = withBody(figure(photoA, 'Lần một'), paragraph(paragraphs[0]!), figure(photoA, 'Lần hai'), figure(photoC, captions.c));
    const after = withBody(figure(photoA, 'Lần một'), paragraph(paragraphs[0]!), figure(photoC, captions.c));
    const photos = fieldOf(diffArticles(before, after).fields, 'photos')?.photos ?? [];
    expect(photos.map((photo) => [photo.mediaId, photo.placement, photo.indexBefore, photo.indexAfter])).toEqual([
      [photoA, 'removed', 1, null],
    ]);
  });
});

describe('a 10,000-word feature', () => {
  /** Replaces `from` by `to` in a text node, and fails when `from` is not there (an edit that edits nothing proves nothing). */
  function edit(node: DocumentNodeJson, from: string, to: string): void {
    expect(node.text).toContain(from);
    node.text = node.text!.replace(from, to);
  }

  /** The feature with a few edits, each a copy: a caption, one word changed, one paragraph inserted, one list item cut. */
  function editedFeature(): DocumentNodeJson {
    const body = structuredClone(featureLengthBody());
    const content = body.content!;
    edit(content.find((node) => node.type === 'figure')!.content![0]!, 'tâm báo', 'tâm báo (ảnh tư liệu)');
    edit(content.find((node, index) => index > 50 && node.type === 'paragraph')!.content![0]!, 'sơ kết', 'tổng kết');
    content.splice(150, 0, paragraph('Đoạn bổ sung của biên tập viên./.'));
    edit(content.at(-1)!.content![3]!.content![0]!.content![0]!, 'tháng đầu năm', 'tháng năm');
    return body;
  }

  it('gives exactly the edits made, and every other block the same', () => {
    const before = sampleContent({ body: featureLengthBody() });
    const after = sampleContent({ body: editedFeature() });
    const { fields } = diffArticles(before, after);
    expect(fields.map((field) => field.field)).toEqual(['body', 'photos']);
    const blocks = fieldOf(fields, 'body')!.blocks;
    const changed = blocks.filter((block) => block.change !== 'same');
    expect(changed.map((block) => [block.change, block.after?.kind, block.parts.filter((part) => part.change !== 'same')])).toEqual([
      ['edited', 'caption', [inserted('(ảnh tư liệu) ')]],
      ['edited', 'paragraph', [deleted('sơ'), inserted('tổng')]],
      ['inserted', 'paragraph', [inserted('Đoạn bổ sung của biên tập viên./.')]],
      ['edited', 'bulletItem', [deleted('đầu ')]],
    ]);
    expect(blocks.filter((block) => block.moved)).toEqual([]);
    expect(
      fieldOf(fields, 'photos')!.photos.map((photo) => [photo.placement, photo.caption?.filter((part) => part.change !== 'same')]),
    ).toEqual([['kept', [inserted('(ảnh tư liệu) ')]]]);
  });
});

describe('pending suggestions in a comparison', () => {
  const mark = (type: 'insertion' | 'deletion') => ({
    type,
    attrs: { id: 1, authorName: 'Thu Hà', authorRole: 'editor', at: '2026-11-30T09:00:00.000Z' },
  });
  const suggested = withBody({
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Bản ' },
      { type: 'text', text: 'tóm tắt', marks: [mark('deletion')] },
      { type: 'text', text: 'vắn tắt', marks: [mark('insertion')] },
      { type: 'text', text: ' của tin.' },
    ],
  });

  it('compares a body as it reads outside the app: a suggestion counts once it is accepted, never glued to the old text', () => {
    const accepted = withBody(paragraph('Bản vắn tắt của tin.'));
    expect(bodyLines(suggested, accepted)).toEqual(bodyLines(withBody(paragraph('Bản tóm tắt của tin.')), accepted));
    const body = fieldOf(diffArticles(suggested, accepted).fields, 'body')!;
    expect(JSON.stringify(body)).not.toContain('tắtvắn');
  });

  it('finds no change between a suggestion still pending and the text it was made on', () => {
    expect(diffArticles(withBody(paragraph('Bản tóm tắt của tin.')), suggested).fields).toEqual([]);
  });
});
