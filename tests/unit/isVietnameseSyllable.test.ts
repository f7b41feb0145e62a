import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from '../../shared/isVietnameseSyllable';

const seedArticle = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seed-article.txt'), 'utf8');

describe('isVietnameseSyllable', () => {
  it('passes every word of the seed article', () => {
    const words = seedArticle.match(/[\p{L}\p{M}]+/gu) ?? [];
    expect(words.length).toBeGreaterThan(500);
    expect(words.filter((word) => !isVietnameseSyllable(word))).toEqual([]);
  });

  it('fails typos', () => {
    for (const typo of ['nguời', 'hôij', 'ngiã', 'nghành', 'ngĩa', 'kông', 'cúoi', 'trườg', 'đuợc', 'thươg', 'viêc', 'kết.']) {
      expect(isVietnameseSyllable(typo), typo).toBe(false);
    }
  });

  it('allows only sắc and nặng on the stop codas c, ch, p, t', () => {
    for (const word of ['các', 'cạc', 'sách', 'sạch', 'tháp', 'thạp', 'tốt', 'một']) expect(isVietnameseSyllable(word), word).toBe(true);
    for (const word of ['càc', 'cac', 'sảch', 'thãp', 'tồt', 'mot']) expect(isVietnameseSyllable(word), word).toBe(false);
  });

  it('keeps the spelling rules: k, gh, ngh before e, ê, i; c, g, ng elsewhere; qu; gi', () => {
    for (const word of [
      'kẻ',
      'kê',
      'kìa',
      'kỹ',
      'ghế',
      'ghi',
      'nghe',
      'nghĩ',
      'cá',
      'gà',
      'ngõ',
      'quê',
      'quốc',
      'quỳnh',
      'gì',
      'gìn',
      'giữa',
      'giếng',
    ]) {
      expect(isVietnameseSyllable(word), word).toBe(true);
    }
    for (const word of ['ka', 'ko', 'ghà', 'nghà', 'ce', 'ci', 'ge', 'nge', 'ngi', 'qa', 'qu', 'cuy', 'gii']) {
      expect(isVietnameseSyllable(word), word).toBe(false);
    }
  });

  it('knows the rhymes with a medial and the diphthongs', () => {
    for (const word of [
      'hoà',
      'hòa',
      'khoẻ',
      'hoặc',
      'huế',
      'tuần',
      'huỳnh',
      'khuya',
      'tuyết',
      'yêu',
      'yến',
      'thuở',
      'người',
      'rượu',
      'muốn',
      'mưa',
    ]) {
      expect(isVietnameseSyllable(word), word).toBe(true);
    }
    for (const word of ['tyên', 'iêu', 'mươ', 'ưô', 'hoă', 'ă', 'â', 'iê']) expect(isVietnameseSyllable(word), word).toBe(false);
  });

  it('takes one tone, any case, NFC or decomposed', () => {
    expect(isVietnameseSyllable('NGƯỜI')).toBe(true);
    expect(isVietnameseSyllable('Nguyễn')).toBe(true);
    expect(isVietnameseSyllable('người'.normalize('NFD'))).toBe(true);
    expect(isVietnameseSyllable('ngươ\u0300i\u0301')).toBe(false);
  });

  it('fails letters Vietnamese does not write, and what is not a word', () => {
    for (const word of ['fax', 'jazz', 'wow', 'zoo', 'size', '', '123', 'Þ', 'Héi', 'nghÞ'])
      expect(isVietnameseSyllable(word), word).toBe(false);
  });
});
