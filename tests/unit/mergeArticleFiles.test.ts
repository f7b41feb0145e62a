import { describe, expect, it } from 'vitest';
import { articleContentOf, articleFormatVersion, type Article, type LastMove } from '../../shared/articleModel';
import type { Identity } from '../../shared/identity';
import { mergeArticleFiles, type ArticleFileMerge } from '../../shared/mergeArticleFiles';
import { sampleContent } from '../support/sampleContent';

const reporter: Identity = { name: 'Ngọc Sơn', role: 'reporter' };
const editor: Identity = { name: 'Minh Anh', role: 'editor' };
const photo = 'b'.repeat(64);

function sampleArticle(overrides: Partial<Article> = {}): Article {
  return {
    ...sampleContent(),
    id: 'bai-viet-0001',
    formatVersion: articleFormatVersion,
    revision: 4,
    createdAt: '2026-11-30T08:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    trashedAt: null,
    createdBy: reporter,
    lastMove: null,
    updatedBy: reporter,
    ...overrides,
  };
}

function paragraphs(...texts: string[]) {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

function move(from: LastMove['from'], to: LastMove['to'], at: string, by: Identity = editor): LastMove {
  return { from, to, by, at };
}

function merged(result: ArticleFileMerge): Article {
  if (result.kind !== 'merged') throw new Error(`Expected a merge, got a conflict on ${result.conflictFields.join(', ')}`);
  return result.article;
}

/** Each group's change as one side makes it. */
const changes = {
  title: { title: 'Tổng kết năm học 2025–2026 ở Đắk Lắk' },
  sapo: { sapo: 'Sáng 30/11, ngành giáo dục tỉnh tổng kết năm học.' },
  body: {
    body: { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: photo, alt: '', credit: 'Văn Đốc' } }] },
    coverMediaId: photo,
  },
  byline: { bylineRole: 'newsAndPhotos', bylineName: 'Ngọc Sơn – Minh Anh' },
  credit: { photoCreditMode: 'auto', photoCredit: 'Văn Đốc' },
  publicationDate: { publicationDate: '2026-12-01' },
} satisfies Record<string, Partial<Article>>;
const otherChanges = {
  title: { title: 'Tổng kết năm học ở Buôn Ma Thuột' },
  sapo: { sapo: 'Chiều 30/11, Sở Giáo dục tổng kết năm học.' },
  body: { body: paragraphs('Đoạn thân bài đã sửa.') },
  byline: { bylineName: 'Thu Hà' },
  credit: { photoCredit: 'TTXVN' },
  publicationDate: { publicationDate: '2026-12-02' },
} satisfies Record<string, Partial<Article>>;

describe('mergeArticleFiles: the three-way merge of two copies of an article file', () => {
  const base = sampleArticle();

  for (const [field, change] of Object.entries(changes)) {
    it(`takes ${field} from the one side that changed it, whichever side that is`, () => {
      const changed = sampleArticle({ ...change, revision: 5 });
      expect(merged(mergeArticleFiles(base, base, changed))).toEqual({ ...changed, revision: 6 });
      expect(merged(mergeArticleFiles(base, changed, base))).toEqual({ ...changed, revision: 6 });
    });

    it(`merges ${field} changed the same way on both sides`, () => {
      const ours = sampleArticle({ ...change, revision: 5 });
      const theirs = sampleArticle({ ...change, revision: 7, updatedAt: '2026-11-30T10:00:00.000Z' });
      expect(merged(mergeArticleFiles(base, ours, theirs))).toEqual({ ...theirs, revision: 8 });
    });

    it(`keeps ours and reports theirs when ${field} changed differently on both sides`, () => {
      const ours = sampleArticle({ ...change, revision: 5 });
      const theirs = sampleArticle({ ...otherChanges[field as keyof typeof otherChanges], revision: 5 });
      const result = mergeArticleFiles(base, ours, theirs);
      expect(result).toEqual({
        kind: 'conflict',
        article: { ...ours, revision: 6 },
        theirs: articleContentOf(theirs),
        reported: 'theirs',
        conflictFields: [field],
      });
    });
  }

  it('takes the title from theirs while the sapo conflicts, and keeps both sides’ other changes', () => {
    const ours = sampleArticle({ sapo: 'Sapo của phóng viên.', bylineName: 'Ngọc Sơn Nguyễn' });
    const theirs = sampleArticle({
      title: 'Tít của biên tập viên',
      sapo: 'Sapo của biên tập viên.',
      body: paragraphs('Thân bài đã biên tập.'),
    });
    const result = mergeArticleFiles(base, ours, theirs);
    expect(result.kind).toBe('conflict');
    if (result.kind !== 'conflict') return;
    expect(result.conflictFields).toEqual(['sapo']);
    expect(result.article).toMatchObject({
      title: 'Tít của biên tập viên',
      sapo: 'Sapo của phóng viên.',
      body: paragraphs('Thân bài đã biên tập.'),
      bylineName: 'Ngọc Sơn Nguyễn',
    });
    expect(result.theirs).toEqual(articleContentOf(theirs));
  });

  it('lists every conflicting group in the view’s order', () => {
    const ours = sampleArticle({ ...changes.publicationDate, ...changes.title, ...changes.body });
    const theirs = sampleArticle({ ...otherChanges.body, ...otherChanges.publicationDate, ...otherChanges.title, ...changes.sapo });
    const result = mergeArticleFiles(base, ours, theirs);
    expect(result.kind === 'conflict' && result.conflictFields).toEqual(['title', 'body', 'publicationDate']);
    expect(result.article.sapo).toBe(changes.sapo.sapo);
  });

  it('takes a workflow move made on one side, and the later move when both sides moved', () => {
    const submitted = move('draft', 'submitted', '2026-11-30T10:00:00.000Z', reporter);
    const movedBase = sampleArticle({ status: 'submitted', lastMove: submitted });
    const approved = sampleArticle({ status: 'approved', lastMove: move('submitted', 'approved', '2026-11-30T11:00:00.000Z') });
    const sentBack = sampleArticle({
      status: 'changesRequested',
      lastMove: move('submitted', 'changesRequested', '2026-11-30T12:00:00+07:00'),
    });
    const edited = sampleArticle({ status: 'submitted', lastMove: submitted, ...changes.title });

    const reopened = sampleArticle({ status: 'submitted', lastMove: submitted, ...changes.sapo });
    const sentBackEdited = { ...sentBack, ...changes.title };
    // Sent back on one side while the other edited: the edit is taken, there is nothing approved to protect.
    expect(merged(mergeArticleFiles(movedBase, edited, sentBack))).toMatchObject({
      status: 'changesRequested',
      title: changes.title.title,
    });
    expect(merged(mergeArticleFiles(movedBase, reopened, sentBackEdited))).toMatchObject({
      status: 'changesRequested',
      title: changes.title.title,
      sapo: changes.sapo.sapo,
    });
    // 12:00 in Hà Nội is 05:00 UTC, before the approval at 11:00 UTC: the times are compared as instants, not as text.
    expect(merged(mergeArticleFiles(movedBase, approved, sentBack)).lastMove).toEqual(approved.lastMove);
    expect(merged(mergeArticleFiles(movedBase, sentBack, approved)).status).toBe('approved');
    // A move on one side wins even when that machine's clock is behind the shared copy's last move.
    const behind = sampleArticle({ status: 'approved', lastMove: move('submitted', 'approved', '2026-11-30T09:00:00.000Z') });
    expect(merged(mergeArticleFiles(movedBase, movedBase, behind)).status).toBe('approved');
  });

  it('never approves unseen text: an edit made meanwhile on the other side is a conflict, the approved text stays', () => {
    const submitted = move('draft', 'submitted', '2026-11-30T10:00:00.000Z', reporter);
    const movedBase = sampleArticle({ status: 'submitted', lastMove: submitted });
    const approval = move('submitted', 'approved', '2026-11-30T11:00:00.000Z');
    const approved = sampleArticle({ status: 'approved', lastMove: approval });
    const edited = sampleArticle({ status: 'submitted', lastMove: submitted, ...changes.title, ...changes.body });

    // Approved here, edited there: the approved text stays, the edit is reported for the three-way view.
    const approvedHere = mergeArticleFiles(movedBase, approved, edited);
    expect(approvedHere).toMatchObject({ kind: 'conflict', reported: 'theirs', conflictFields: ['title', 'body'] });
    expect(approvedHere.article).toMatchObject({ status: 'approved', lastMove: approval, title: base.title, body: base.body });
    expect(approvedHere.kind === 'conflict' && approvedHere.theirs).toEqual(articleContentOf(edited));

    // Edited here, approved there: the same article (the approved text), and this side's edit is the one reported.
    const approvedThere = mergeArticleFiles(movedBase, edited, approved);
    expect(approvedThere).toMatchObject({ kind: 'conflict', reported: 'ours', conflictFields: ['title', 'body'] });
    expect(approvedThere.article).toMatchObject({ status: 'approved', title: base.title, body: base.body });
    expect(approvedThere.kind === 'conflict' && approvedThere.theirs).toEqual(articleContentOf(edited));

    // The approver's own edits made with the approval are approved; a field nobody else touched merges as usual.
    const approvedWithFix = sampleArticle({ status: 'approved', lastMove: approval, ...changes.sapo });
    expect(merged(mergeArticleFiles(movedBase, approvedWithFix, movedBase))).toMatchObject({ status: 'approved', sapo: changes.sapo.sapo });
  });

  it('keeps the trash on either side, and a restore made on one side only', () => {
    const trashed = sampleArticle({ trashedAt: '2026-11-30T12:00:00.000Z' });
    const edited = sampleArticle({ ...changes.sapo, updatedAt: '2026-11-30T13:00:00.000Z' });
    expect(merged(mergeArticleFiles(base, trashed, edited))).toMatchObject({ trashedAt: trashed.trashedAt, sapo: changes.sapo.sapo });
    expect(merged(mergeArticleFiles(base, edited, trashed)).trashedAt).toBe(trashed.trashedAt);
    expect(merged(mergeArticleFiles(trashed, trashed, base)).trashedAt).toBeNull();
    const laterTrash = sampleArticle({ trashedAt: '2026-11-30T14:00:00.000Z' });
    expect(merged(mergeArticleFiles(base, trashed, laterTrash)).trashedAt).toBe(laterTrash.trashedAt);
    expect(merged(mergeArticleFiles(trashed, base, laterTrash)).trashedAt).toBe(laterTrash.trashedAt);
  });

  it('numbers the merge above both revisions, keeps the later update with who made it, and the shared copy’s creation', () => {
    const ours = sampleArticle({ revision: 9, updatedAt: '2026-11-30T15:00:00+07:00', createdAt: '2026-11-30T08:30:00.000Z' });
    const theirs = sampleArticle({ revision: 12, updatedAt: '2026-11-30T09:30:00.000Z', createdBy: editor, updatedBy: editor });
    expect(merged(mergeArticleFiles(base, ours, theirs))).toMatchObject({
      revision: 13,
      updatedAt: '2026-11-30T09:30:00.000Z',
      updatedBy: editor,
      createdAt: base.createdAt,
      createdBy: reporter,
    });
    // Ours later: its time and its author, never one side's time with the other's name.
    const later = sampleArticle({ updatedAt: '2026-11-30T10:00:00.000Z', updatedBy: null });
    expect(merged(mergeArticleFiles(base, later, theirs))).toMatchObject({ updatedAt: later.updatedAt, updatedBy: null });
  });

  it('picks the same author, whichever side it starts from, when both sides changed it at the very same time', () => {
    const ours = sampleArticle({ updatedAt: '2026-11-30T10:00:00.000Z', updatedBy: reporter });
    const theirs = sampleArticle({ updatedAt: '2026-11-30T10:00:00.000Z', updatedBy: editor });
    const forward = merged(mergeArticleFiles(base, ours, theirs));
    const backward = merged(mergeArticleFiles(base, theirs, ours));
    expect(forward.updatedBy).toEqual(backward.updatedBy);
    expect([reporter, editor]).toContainEqual(forward.updatedBy);
  });

  it('without a shared copy, takes the earlier creation and makes every differing group a conflict', () => {
    const ours = sampleArticle({ createdAt: '2026-11-30T09:00:00.000Z', ...changes.title });
    const theirs = sampleArticle({ createdAt: '2026-11-30T08:00:00.000Z', createdBy: editor, ...changes.sapo });
    const result = mergeArticleFiles(null, ours, theirs);
    expect(result.kind === 'conflict' && result.conflictFields).toEqual(['title', 'sapo']);
    expect(result.article).toMatchObject({ title: ours.title, sapo: ours.sapo, createdAt: theirs.createdAt, createdBy: editor });
    expect(mergeArticleFiles(null, ours, sampleArticle({ ...ours, revision: 2 })).kind).toBe('merged');
  });

  it('agrees with itself when the sides are swapped, on every field it merges without a conflict', () => {
    const ours = sampleArticle({
      ...changes.title,
      ...changes.body,
      revision: 8,
      updatedAt: '2026-11-30T10:00:00.000Z',
      updatedBy: reporter,
      status: 'submitted',
      lastMove: move('draft', 'submitted', '2026-11-30T10:00:00.000Z', reporter),
    });
    const theirs = sampleArticle({
      ...otherChanges.title,
      ...changes.credit,
      revision: 6,
      updatedAt: '2026-11-30T11:00:00.000Z',
      updatedBy: editor,
      status: 'changesRequested',
      lastMove: move('draft', 'changesRequested', '2026-11-30T10:00:00.000Z'),
      trashedAt: '2026-11-30T11:00:00.000Z',
    });
    const forward = mergeArticleFiles(base, ours, theirs);
    const backward = mergeArticleFiles(base, theirs, ours);
    // Everything but the conflicting title, which each keeps from its own side.
    expect({ ...forward.article, title: null }).toEqual({ ...backward.article, title: null });
    expect(forward.kind === 'conflict' && backward.kind === 'conflict' && [forward.conflictFields, backward.conflictFields]).toEqual([
      ['title'],
      ['title'],
    ]);
    expect([forward.article.title, backward.article.title]).toEqual([ours.title, theirs.title]);
  });

  it('sees the same Vietnamese text typed composed and decomposed as no change, and stores it composed', () => {
    const composed = 'Hội nghị tổng kết ở Huế';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const ours = sampleArticle({ title: composed, body: paragraphs('Người dân đón Tết.') });
    const theirs = sampleArticle({
      title: decomposed,
      body: paragraphs('Người dân đón Tết.'.normalize('NFD')),
      sapo: 'Sapo mới'.normalize('NFD'),
    });
    const article = merged(mergeArticleFiles(base, ours, theirs));
    expect(article.title).toBe(composed);
    expect(article.sapo).toBe('Sapo mới'.normalize('NFC'));
    expect(article.body).toEqual(paragraphs('Người dân đón Tết.'));
  });

  it('refuses to merge two different articles', () => {
    expect(() => mergeArticleFiles(base, base, sampleArticle({ id: 'bai-viet-0002' }))).toThrow(/different articles/);
  });
});
