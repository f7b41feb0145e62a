import { describe, expect, it } from 'vitest';
import { findMisspellings, isMisspelled } from '../../shared/spelling/findMisspellings';
import { suggestSpellings } from '../../shared/spelling/suggestSpellings';
import { seedArticleParts } from '../fixtures/seedArticle';

const none = new Set<string>();

describe('finding misspelled words', () => {
  it('finds nothing in the seed article', () => {
    const { title, sapo, paragraphs, bylineName, photoCredit } = seedArticleParts();
    const text = [title, sapo, ...paragraphs, bylineName, photoCredit].join('\n');
    expect(findMisspellings(text, none)).toEqual([]);
  });

  it('finds typos in Vietnamese words, with their place in the text as given', () => {
    const text = 'Hội nghị có nhiều nguời tham dự, hôij trường đông.';
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, word });
    expect(findMisspellings(text, none)).toEqual([at('nguời'), at('hôij')]);
    const decomposed = text.normalize('NFD');
    const [first] = findMisspellings(decomposed, none);
    expect(decomposed.slice(first!.start, first!.end).normalize('NFC')).toBe('nguời');
  });

  it('leaves names and abbreviations in plain Latin letters, codes with digits, and addresses alone', () => {
    const text = 'Ông John Smith của WHO, UBND TP, mạng 5G, COVID-19, xem https://moit.gov.vn/tin-tuc hoặc toasoan@moit.gov.vn.';
    expect(findMisspellings(text, none)).toEqual([]);
  });

  it('judges lower-case Latin words, and knows the words of the dictionary and the library', () => {
    expect(isMisspelled('nguoi', none)).toBe(true);
    expect(isMisspelled('email', none)).toBe(true);
    expect(isMisspelled('email', new Set(['email']))).toBe(false);
    // Known words are looked up NFC and lower case.
    expect(isMisspelled('Nguờii', new Set(['nguờii']))).toBe(false);
    expect(isMisspelled('Nguờii', none)).toBe(true);
  });
});

describe('suggesting corrections', () => {
  it('offers the well-spelt syllables with the same letters first', () => {
    const suggestions = suggestSpellings('nguời');
    expect(suggestions[0]).toBe('người');
    expect(suggestions).toContain('người');
  });

  it('offers a syllable one letter away, in the case it was typed', () => {
    expect(suggestSpellings('hôij')).toContain('hôi');
    expect(suggestSpellings('Hôij')[0]).toMatch(/^H/);
    expect(suggestSpellings('NGUỜI')).toContain('NGƯỜI');
  });

  it('puts back the marks of a word typed without them, the article’s own words first among equals', () => {
    const suggestions = suggestSpellings('nguoi', { used: new Set(['người']) });
    expect(suggestions[0]).toBe('người');
    expect(suggestions).toEqual(expect.arrayContaining(['nguôi', 'người']));
  });

  it('offers known words that are close', () => {
    expect(suggestSpellings('emai', { known: new Set(['email']) })).toContain('email');
  });
});
