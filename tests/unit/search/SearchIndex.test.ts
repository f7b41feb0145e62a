import { describe, expect, it } from 'vitest';
import { SearchIndex, searchDocumentOf } from '../../../electron/main/search/SearchIndex';
import { foldForSearch, matchRanges, queryWords } from '../../../shared/foldForSearch';

function document(id: string, title: string, text = '', options: { revision?: number; trashed?: boolean } = {}) {
  return searchDocumentOf({ id, title, revision: options.revision ?? 1, trashed: options.trashed ?? false }, text);
}

describe('SearchIndex', () => {
  it('finds "Hội nghị" when the query is typed without diacritics, and the title ranges mark it', () => {
    const index = new SearchIndex();
    index.put(document('a1', 'Hội nghị sơ kết 6 tháng'));
    index.put(document('b2', 'Trung tâm Khuyến công'));
    expect(index.search('hoi nghi', 'active')).toEqual(['a1']);
    expect(matchRanges(foldForSearch('Hội nghị sơ kết 6 tháng'), queryWords('hoi nghi'))).toEqual([
      [0, 3],
      [4, 8],
    ]);
  });

  it('matches "đ" when the query says "d", and the other way round', () => {
    const index = new SearchIndex();
    index.put(document('a1', 'Đồng chí Đốc'));
    expect(index.search('dong', 'active')).toEqual(['a1']);
    expect(index.search('ĐỐC', 'active')).toEqual(['a1']);
  });

  it('treats every query word as the start of a word and requires all of them', () => {
    const index = new SearchIndex();
    index.put(document('a1', 'Tiêu đề', 'Phát triển công nghiệp'));
    index.put(document('b2', 'Tiêu đề', 'Phát biểu'));
    expect(index.search('phat cong ng', 'active')).toEqual(['a1']);
    expect(index.search('phat', 'active').sort()).toEqual(['a1', 'b2']);
  });

  it('ranks articles matching in the title above those matching only in the text', () => {
    const index = new SearchIndex();
    index.put(document('body', 'Khác', 'Hội nghị'));
    index.put(document('title', 'Hội nghị'));
    expect(index.search('hoi nghi', 'active')).toEqual(['title', 'body']);
  });

  it('forgets the old words of an updated article and keeps trashed articles apart', () => {
    const index = new SearchIndex();
    index.put(document('a1', 'Hội nghị'));
    index.put(document('a1', 'Hội thảo', '', { revision: 2 }));
    expect(index.search('nghi', 'active')).toEqual([]);
    index.setTrashed('a1', true, 3);
    expect(index.search('hoi thao', 'active')).toEqual([]);
    expect(index.search('hoi thao', 'trash')).toEqual(['a1']);
  });

  it('ignores an update older than the revision it holds', () => {
    const index = new SearchIndex();
    index.put(document('a1', 'Mới', '', { revision: 5 }));
    index.put(document('a1', 'Cũ', '', { revision: 4 }));
    expect(index.get('a1')!.title).toBe('Mới');
  });

  it('still answers correctly after many updates compact its postings', () => {
    const index = new SearchIndex();
    for (let revision = 1; revision <= 3_000; revision += 1)
      index.put(document(`a${revision % 3}`, `Bài số ${revision}`, '', { revision }));
    expect(index.size).toBe(3);
    expect(index.search('bai so 3000', 'active')).toEqual(['a0']);
  });
});
