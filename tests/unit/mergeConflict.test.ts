import { describe, expect, it } from 'vitest';
import { conflictFieldOf, conflictFieldStates, mergeConflict, suggestedChoices } from '../../shared/mergeConflict';
import { sampleContent } from '../support/sampleContent';

const photo = 'a'.repeat(64);
const bodyWithFigure = {
  type: 'doc',
  content: [{ type: 'figure', attrs: { mediaId: photo, alt: '', credit: 'Văn Đốc' }, content: [{ type: 'text', text: 'Chú thích' }] }],
};

describe('mergeConflict: the three-way merge of an article, field by field', () => {
  const base = sampleContent();
  const mine = sampleContent({ title: 'Tít trong máy', bylineName: 'Ngọc Sơn Nguyễn' });
  const theirs = sampleContent({ sapo: 'Sapo trong gói', body: bodyWithFigure, coverMediaId: photo, status: 'approved' });

  it('says who changed each field and presets each to the side that changed it (the local one when both did)', () => {
    const states = conflictFieldStates(base, { ...mine, sapo: 'Sapo trong máy' }, theirs);
    expect(
      states
        .filter((state) => state.differs)
        .map(({ field, mineChanged, theirsChanged, suggested }) => [field, mineChanged, theirsChanged, suggested]),
    ).toEqual([
      ['title', true, false, 'mine'],
      ['sapo', true, true, 'mine'],
      ['body', false, true, 'theirs'],
      ['byline', true, false, 'mine'],
    ]);
    expect(suggestedChoices(base, mine, theirs)).toMatchObject({
      title: { side: 'mine' },
      sapo: { side: 'theirs' },
      body: { side: 'theirs' },
    });
  });

  it('takes each field whole from its side, the cover with the body, typed text over the side, and keeps the local status', () => {
    const merged = mergeConflict(mine, theirs, {
      ...suggestedChoices(base, mine, theirs),
      byline: { side: 'theirs', text: 'Ngọc Sơn, Minh Anh' },
      credit: { side: 'mine', text: 'Văn Đốc, Minh Anh' },
    });
    expect(merged).toEqual({
      ...mine,
      sapo: 'Sapo trong gói',
      body: bodyWithFigure,
      coverMediaId: photo,
      bylineName: 'Ngọc Sơn, Minh Anh',
      photoCredit: 'Văn Đốc, Minh Anh',
      photoCreditMode: 'manual',
      status: 'draft',
    });
    // A credit taken as it is keeps its side's mode (a composed line stays composed).
    const composed = sampleContent({ photoCreditMode: 'auto', photoCredit: 'Văn Đốc' });
    expect(
      mergeConflict(composed, theirs, { ...suggestedChoices(base, composed, theirs), credit: { side: 'mine', text: null } })
        .photoCreditMode,
    ).toBe('auto');
  });

  it('files every compared field under the conflict field that holds it, but the status', () => {
    expect(
      [
        'title',
        'sapo',
        'body',
        'photos',
        'coverMediaId',
        'bylineRole',
        'bylineName',
        'photoCreditMode',
        'photoCredit',
        'publicationDate',
        'status',
      ].map((field) => conflictFieldOf(field as Parameters<typeof conflictFieldOf>[0])),
    ).toEqual(['title', 'sapo', 'body', 'body', 'body', 'byline', 'byline', 'credit', 'credit', 'publicationDate', null]);
  });
});
