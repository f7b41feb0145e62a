import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../shared/exportFileName';
import { slugify } from '../../shared/slugify';

const longTitle = 'Hội nghị sơ kết công tác 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2022 của Đảng ủy Bộ Công Thương';

describe('slugify', () => {
  it('drops tone marks, turns đ into d and cuts a long title after a whole word', () => {
    const slug = slugify(longTitle);
    expect(slug).toBe('hoi-nghi-so-ket-cong-tac-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugify(longTitle, 30)).toBe('hoi-nghi-so-ket-cong-tac-6');
    // Exactly at the limit, the last word is kept whole.
    expect(slugify('abc def', 7)).toBe('abc-def');
    expect(slugify('abc defg', 7)).toBe('abc');
  });

  it('reads Đ/đ, ư/ơ/ă/â/ê/ô and every tone, typed precomposed or decomposed (NFD)', () => {
    const title = 'Đường Ưu đãi Ơn nghĩa Ăn Ấm Ếch Ổn ỷ lại Đắk Lắk';
    expect(slugify(title)).toBe('duong-uu-dai-on-nghia-an-am-ech-on-y-lai-dak-lak');
    expect(slugify(title.normalize('NFD'))).toBe('duong-uu-dai-on-nghia-an-am-ech-on-y-lai-dak-lak');
    // Ð (eth), which some old converters put for Đ.
    expect(slugify('Ðà Nẵng')).toBe('da-nang');
  });

  it('turns punctuation and spaces into single inner hyphens, never a leading or trailing one, nor a dot', () => {
    expect(slugify('  “Giá xăng” — tăng 500đ/lít!?  ')).toBe('gia-xang-tang-500d-lit');
    expect(slugify('Hội nghị...')).toBe('hoi-nghi');
    expect(slugify('Tin nhanh. ')).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives a title of only punctuation, spaces or other scripts the fallback name', () => {
    expect(slugify('“…”')).toBe('bai-viet');
    expect(slugify('')).toBe('bai-viet');
    expect(slugify(' - . / ')).toBe('bai-viet');
    expect(slugify('新闻')).toBe('bai-viet');
  });

  it('cuts a single word longer than the limit instead of running over', () => {
    expect(slugify('a'.repeat(120))).toBe('a'.repeat(80));
    expect(slugify(`${'b'.repeat(90)} ngắn`)).toBe('b'.repeat(80));
  });

  it('never gives a Windows device name (CON, PRN, AUX, NUL, COM1…, LPT1…), whatever the case', () => {
    for (const title of ['Con', 'PRN', 'aux', 'Nul', 'COM1', 'lpt9', 'Côn'])
      expect(slugify(title), title).toMatch(/^bai-(con|prn|aux|nul|com1|lpt9)$/);
    expect(slugify('Con đường')).toBe('con-duong');
    expect(slugify('Console')).toBe('console');
  });
});

describe('exportFileName', () => {
  it('names every form the same way: the slug and the extension, or the bare slug for a folder', () => {
    const article = { title: 'Hội nghị sơ kết công tác 6 tháng đầu năm' };
    expect(exportFileName(article, 'html')).toBe('hoi-nghi-so-ket-cong-tac-6-thang-dau-nam.html');
    expect(exportFileName(article, '.docx')).toBe('hoi-nghi-so-ket-cong-tac-6-thang-dau-nam.docx');
    expect(exportFileName(article, '')).toBe('hoi-nghi-so-ket-cong-tac-6-thang-dau-nam');
    expect(exportFileName({ title: 'Nul' }, 'pdf')).toBe('bai-nul.pdf');
    expect(exportFileName({ title: '' }, 'html')).toBe('bai-viet.html');
  });
});
