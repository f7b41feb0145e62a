import { describe, expect, it } from 'vitest';
import { bylineText, photoCreditText } from '../../shared/creditLines';
import { foldVietnamese } from '../../shared/foldVietnamese';
import { isSafeLinkHref } from '../../shared/isSafeLinkHref';
import { formatDisplayDate, isIsoDate, localIsoDate, parseDisplayDate } from '../../shared/publicationDate';
import { slugify } from '../../shared/slugify';

describe('publication dates', () => {
  it('shows an ISO date as dd/mm/yyyy', () => expect(formatDisplayDate('2022-07-08')).toBe('08/07/2022'));
  it('reads dd/mm/yyyy and d/m/yyyy as ISO', () => {
    expect(parseDisplayDate('08/07/2022')).toBe('2022-07-08');
    expect(parseDisplayDate('5/7/2022')).toBe('2022-07-05');
  });
  it('refuses dates that do not exist', () => {
    expect(parseDisplayDate('31/02/2022')).toBeNull();
    expect(parseDisplayDate('2022-07-08')).toBeNull();
    expect(isIsoDate('2022-13-01')).toBe(false);
  });
  it("takes today's date in the machine's time zone", () => expect(localIsoDate(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26'));
});

describe('Vietnamese text', () => {
  it('folds diacritics and đ for search and slugs', () => expect(foldVietnamese('Hội nghị ĐẢNG ủy Đặng')).toBe('hoi nghi dang uy dang'));
  it('makes a file-name-safe slug from a title with curly quotes', () =>
    expect(slugify('Hội nghị “Sơ kết công tác 6 tháng đầu năm”')).toBe('hoi-nghi-so-ket-cong-tac-6-thang-dau-nam'));
  it('gives an untitled article a fallback slug', () => expect(slugify('“…”')).toBe('bai-viet'));
});

describe('closing lines', () => {
  it('writes "Tin: X" and "Ảnh: Y"', () => {
    expect(bylineText('news', ' Ngọc Sơn ')).toBe('Tin: Ngọc Sơn');
    expect(photoCreditText('news', 'Văn Đốc')).toBe('Ảnh: Văn Đốc');
  });
  it('writes "Tin và ảnh: X" and drops the separate photo line', () => {
    expect(bylineText('newsAndPhotos', 'Ngọc Sơn')).toBe('Tin và ảnh: Ngọc Sơn');
    expect(photoCreditText('newsAndPhotos', 'Văn Đốc')).toBe('');
  });
  it('writes nothing for an empty name', () => expect(bylineText('news', '  ')).toBe(''));
});

describe('link targets', () => {
  it.each(['https://moit.gov.vn/tin-tuc', 'http://example.com', 'mailto:toasoan@example.vn', 'HTTPS://EXAMPLE.COM'])('allows %s', (href) =>
    expect(isSafeLinkHref(href)).toBe(true),
  );
  it.each([
    'javascript:alert(1)',
    'JaVa\tScRiPt:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox',
    'data:text/html,<script>',
    'file:///etc/passwd',
    '/relative',
    'https://',
    'mailto:',
  ])('refuses %s', (href) => expect(isSafeLinkHref(href)).toBe(false));
});
