import { describe, expect, it } from 'vitest';
import { applicableFindings, applyFindings } from '../../shared/applyFindings';
import { checkArticleTypography } from '../../shared/checkArticleTypography';
import { checkEndMark } from '../../shared/checkEndMark';
import { checkTitleTypography } from '../../shared/checkTitleTypography';
import { checkTypography } from '../../shared/checkTypography';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { parseDocument } from '../../shared/documentSchema';
import { defaultHouseStyle, houseStyleSchema, type HouseStyle } from '../../shared/houseStyle';
import type { TypographyFinding, TypographyRule } from '../../shared/typographyFinding';
import { figure, paragraph, redJpegId, text } from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';
import { sampleContent } from '../support/sampleContent';

const style = defaultHouseStyle;
/** The findings of one rule as [what is there, what to put]. */
function suggestions(source: string, rule: TypographyRule, houseStyle: HouseStyle = style): [string, string | null][] {
  return checkTypography(source, houseStyle)
    .filter((finding) => finding.rule === rule)
    .map((finding) => [source.slice(finding.start, finding.end), finding.replacement]);
}
/** The text with every suggestion taken until none is left (each pass applies the non-overlapping ones). */
function fixAll(source: string, check: (text: string) => TypographyFinding[] = (text) => checkTypography(text, style)): string {
  let fixed = source;
  for (let pass = 0; pass < 5 && applicableFindings(check(fixed)).length > 0; pass += 1) fixed = applyFindings(fixed, check(fixed));
  return fixed;
}

describe('house style', () => {
  it('defaults to the seed article’s own style, and the schema accepts it', () => {
    expect(defaultHouseStyle).toEqual({ toneMarks: 'old', dates: 'administrative', endMark: 'required', titleSentenceCase: true });
    expect(houseStyleSchema.parse(defaultHouseStyle)).toEqual(defaultHouseStyle);
    expect(houseStyleSchema.safeParse({ ...defaultHouseStyle, dates: 'iso' }).success).toBe(false);
  });

  it('finds nothing to change in the seed article', () => {
    expect(checkArticleTypography(seedArticle(), style)).toEqual([]);
  });
});

describe('spaces around punctuation', () => {
  it('removes a space before , . ; : ! ?', () => {
    const source = 'Hà Nội , Hải Phòng ; Đà Nẵng : Huế ! Cần Thơ ? Hết .';
    expect(suggestions(source, 'space-before-punctuation')).toEqual(Array(6).fill([' ', '']));
    expect(fixAll(source)).toBe('Hà Nội, Hải Phòng; Đà Nẵng: Huế! Cần Thơ? Hết.');
  });

  it('keeps the space before an ellipsis, a domain ending and a decimal written with a dot', () => {
    expect(suggestions('Anh ấy nói ... rồi đi; tên miền .vn; giá .5', 'space-before-punctuation')).toEqual([]);
  });

  it('adds a missing space after , . ; : ! ? before a letter, a digit, an opening quote or bracket', () => {
    const source = 'Hà Nội,Hải Phòng;Đà Nẵng:Huế!Cần Thơ?Hết.Sáng nay,5 người.“Xong”,(lần 2)';
    expect(suggestions(source, 'space-after-punctuation')).toHaveLength(9);
    expect(fixAll(source)).toBe('Hà Nội, Hải Phòng; Đà Nẵng: Huế! Cần Thơ? Hết. Sáng nay, 5 người. “Xong”, (lần 2)');
  });

  it('moves a comma typed before the space to after it', () => {
    expect(fixAll('Trung tâm ,Cục Công Thương')).toBe('Trung tâm, Cục Công Thương');
  });

  it.each([
    'Giá 1.000 đồng, tăng 3,5% lúc 10:30, tỷ lệ 1:2.',
    'TP.HCM, PGS.TS Nguyễn Văn A, ThS.Lê B, v.v. và Q.Ba Đình.',
    'Xem https://moit.gov.vn/tin-tuc?id=1,2;a=b hoặc www.moit.gov.vn/a.b và báo VnExpress.net.',
    'Gửi thư cho toasoan@moit.gov.vn, ban.bien.tap@example.com.',
    'Kết thúc?! Thật vậy sao…',
    'phát triển./.',
  ])('leaves numbers, times, abbreviations and addresses alone: %s', (source) => {
    expect(suggestions(source, 'space-after-punctuation')).toEqual([]);
    expect(suggestions(source, 'space-before-punctuation')).toEqual([]);
  });

  it('still sees the missing space after an e-mail address ends its sentence', () => {
    expect(fixAll('Liên hệ toasoan@moit.gov.vn.Ông Sơn trả lời.')).toBe('Liên hệ toasoan@moit.gov.vn. Ông Sơn trả lời.');
  });
});

describe('spaces', () => {
  it('makes doubled spaces one, keeping a lone no-break space', () => {
    expect(suggestions('Trung  tâm   Khuyến công', 'double-space')).toEqual([
      ['  ', ' '],
      ['   ', ' '],
    ]);
    expect(suggestions('10\u00a0km và Thông tư 12/2020', 'double-space')).toEqual([]);
    expect(suggestions('Trung\ttâm', 'double-space')).toEqual([['\t', ' ']]);
  });

  it('removes spaces at the ends of a text and around a line break', () => {
    expect(fixAll('  Tin Ngọc Sơn \nẢnh Văn Đốc  ')).toBe('Tin Ngọc Sơn\nẢnh Văn Đốc');
  });

  it('removes spaces inside brackets and quotes', () => {
    expect(suggestions('Trung tâm ( TT ) và [ 1 ] và “ Sơ kết ”', 'bracket-space')).toHaveLength(6);
    expect(fixAll('Trung tâm ( TT ) nói “ Sơ kết ”')).toBe('Trung tâm (TT) nói “Sơ kết”');
  });
});

describe('quotes', () => {
  it('turns straight double quotes into “ ” by what stands around them', () => {
    expect(fixAll('Hội nghị "Sơ kết công tác" của ("Trung tâm") năm "2022".')).toBe(
      'Hội nghị “Sơ kết công tác” của (“Trung tâm”) năm “2022”.',
    );
  });

  it('opens a quotation after a colon, adding its space', () => {
    expect(fixAll('Ông nói:"Xong rồi".')).toBe('Ông nói: “Xong rồi”.');
  });

  it('turns an apostrophe into ’ and single quotes into ‘ ’, but leaves minutes and inches', () => {
    expect(fixAll("O'Neill nói 'được' ở phút 90' và màn hình 15\" đó")).toBe('O’Neill nói ‘được’ ở phút 90\' và màn hình 15" đó');
  });

  it('leaves a quote standing alone between spaces', () => {
    expect(suggestions('a " b', 'straight-quote')).toEqual([]);
  });
});

describe('numbers and dates', () => {
  it('writes thousands with dots and decimals with a comma', () => {
    expect(suggestions('Vốn 1,000 tỷ, dân số 1,234,567 người, giá 1,000.5 đồng', 'thousands-separator')).toEqual([
      ['1,000', '1.000'],
      ['1,234,567', '1.234.567'],
      ['1,000.5', '1.000,5'],
    ]);
  });

  it.each(['tăng 3,5%', 'các năm 2020,2021', 'số 12,34', '1.000.000 đồng', 'mã 11,2222'])('leaves %s alone', (source) => {
    expect(suggestions(source, 'thousands-separator')).toEqual([]);
  });

  it('writes numeric dates in the administrative style by default: 05/7/2022, 15/02/2022', () => {
    expect(suggestions('Ngày 5/7/2022, 05/07/2022, 15/2/2022 và 05/7/2022', 'date-format')).toEqual([
      ['5/7/2022', '05/7/2022'],
      ['05/07/2022', '05/7/2022'],
      ['15/2/2022', '15/02/2022'],
    ]);
  });

  it('follows the other date styles, or none', () => {
    const source = 'Ngày 5/7/2022 và 05/07/2022';
    expect(suggestions(source, 'date-format', { ...style, dates: 'padded' })).toEqual([['5/7/2022', '05/07/2022']]);
    expect(suggestions(source, 'date-format', { ...style, dates: 'unpadded' })).toEqual([['05/07/2022', '5/7/2022']]);
    expect(suggestions(source, 'date-format', { ...style, dates: 'off' })).toEqual([]);
  });

  it('checks "ngày 5/7" without a year only after a word that makes it a date', () => {
    expect(suggestions('Sáng 5/7, ngày 6/7 và hôm 7/7; một nửa là 1/2 và 3/4 số phiếu', 'date-format')).toEqual([
      ['5/7', '05/7'],
      ['6/7', '06/7'],
      ['7/7', '07/7'],
    ]);
  });

  it('checks dates written in words the same way, changing only the numbers', () => {
    const source = 'Ngày 5 tháng 07 năm 2022 và mồng 2 tháng 1';
    expect(suggestions(source, 'date-format')).toEqual([
      ['5', '05'],
      ['07', '7'],
      ['2', '02'],
      ['1', '01'],
    ]);
    expect(fixAll(source)).toBe('Ngày 05 tháng 7 năm 2022 và mồng 02 tháng 01');
    expect(suggestions(source, 'date-format', { ...style, dates: 'unpadded' })).toEqual([['07', '7']]);
  });

  it('leaves dates that do not exist, and version numbers, alone', () => {
    expect(suggestions('ngày 31/2/2022, 5/13/2022, bản 1/2/2022/3', 'date-format')).toEqual([]);
  });
});

describe('tone marks', () => {
  it('suggests the house placement', () => {
    expect(suggestions('Hòa Bình, khoẻ, thủy lợi', 'tone-marks')).toEqual([['khoẻ', 'khỏe']]);
    expect(suggestions('Hòa Bình, khoẻ, thủy lợi', 'tone-marks', { ...style, toneMarks: 'new' })).toEqual([
      ['Hòa', 'Hoà'],
      ['thủy', 'thuỷ'],
    ]);
    expect(suggestions('Hòa Bình, khoẻ, qúy', 'tone-marks', { ...style, toneMarks: 'off' })).toEqual([]);
  });
});

describe('applyFindings', () => {
  const findings: TypographyFinding[] = [
    { rule: 'double-space', start: 3, end: 5, replacement: ' ', message: '' },
    { rule: 'space-before-punctuation', start: 4, end: 6, replacement: '', message: '' },
    { rule: 'title-case', start: 0, end: 9, replacement: null, message: '' },
    { rule: 'space-after-punctuation', start: 9, end: 9, replacement: ' ', message: '' },
    { rule: 'space-after-punctuation', start: 9, end: 9, replacement: '-', message: '' },
  ];

  it('applies one finding alone', () => {
    expect(applyFindings('abc  def,x', [findings[0]!])).toBe('abc def,x');
  });

  it('applies all the non-overlapping ones with a replacement, never two at one place', () => {
    expect(applicableFindings(findings)).toEqual([findings[0], findings[3]]);
    expect(applyFindings('abc  def,x', findings)).toBe('abc def, x');
  });

  it('leaves nothing behind on a messy paragraph after applying everything', () => {
    const messy =
      'Ngày 5/7/2022 ,tại Trung tâm  đã diễn ra Hội nghị ( lần thứ 2 ).Tổng vốn 1,000,000 đồng,lãi 3,5% lúc 10:30 . ' +
      'Ông nói:"Xong"! Xem https://moit.gov.vn/a?b=1,2 .';
    const fixed = fixAll(messy);
    expect(fixed).toBe(
      'Ngày 05/7/2022, tại Trung tâm đã diễn ra Hội nghị (lần thứ 2). Tổng vốn 1.000.000 đồng, lãi 3,5% lúc 10:30. ' +
        'Ông nói: “Xong”! Xem https://moit.gov.vn/a?b=1,2.',
    );
    expect(checkTypography(fixed, style)).toEqual([]);
    // One pass is enough: no two findings of one check overlap.
    expect(applyFindings(messy, checkTypography(messy, style))).toBe(fixed);
  });
});

describe('checkTitleTypography', () => {
  it('removes a closing full stop, but not an ellipsis or an abbreviation’s dot', () => {
    expect(fixAll('Hội nghị sơ kết 6 tháng đầu năm 2022. ', (title) => checkTitleTypography(title, style))).toBe(
      'Hội nghị sơ kết 6 tháng đầu năm 2022',
    );
    for (const title of ['Vẫn còn đó những câu hỏi...', 'Hội nghị tại TP.', 'Xếp hạng nhóm A.', 'Có thật vậy?'])
      expect(checkTitleTypography(title, style).filter((finding) => finding.rule === 'title-period')).toEqual([]);
  });

  it('points out Title Case without offering a replacement', () => {
    const title = 'Hội Nghị Sơ Kết Công Tác 6 Tháng Đầu Năm';
    expect(checkTitleTypography(title, style)).toEqual([
      expect.objectContaining({ rule: 'title-case', start: 0, end: title.length, replacement: null }),
    ]);
    expect(checkTitleTypography('Hội Nghị Sơ Kết Công Tác', { ...style, titleSentenceCase: false })).toEqual([]);
  });

  it.each([
    'Hội nghị “Sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2022” của Trung tâm Khuyến công',
    'Tổng Bí thư Nguyễn Phú Trọng thăm Lào',
    'UBND TP Hà Nội họp báo',
    'Việt Nam thắng Thái Lan',
  ])('takes a sentence-case title with names for what it is: %s', (title) => {
    expect(checkTitleTypography(title, style)).toEqual([]);
  });
});

describe('checkEndMark', () => {
  it('asks for "./." at the end of the last paragraph', () => {
    expect(applyFindings('ngày càng phát triển.', checkEndMark('ngày càng phát triển.', style, true))).toBe('ngày càng phát triển./.');
    expect(applyFindings('ngày càng phát triển', checkEndMark('ngày càng phát triển', style, true))).toBe('ngày càng phát triển./.');
    expect(applyFindings('phát triển ./ . ', checkEndMark('phát triển ./ . ', style, true))).toBe('phát triển ./. ');
    expect(checkEndMark('ngày càng phát triển./.', style, true)).toEqual([]);
  });

  it('points out, without adding, an end mark after ! ? or …', () => {
    for (const ending of ['thật sao!', 'thật sao?', 'vân vân…', 'vân vân...'])
      expect(checkEndMark(ending, style, true)).toEqual([expect.objectContaining({ rule: 'end-mark', replacement: null })]);
  });

  it('removes "./." from a paragraph that is not the last, and everywhere when the house style forbids it', () => {
    expect(applyFindings('Đoạn giữa./.', checkEndMark('Đoạn giữa./.', style, false))).toBe('Đoạn giữa.');
    expect(applyFindings('Đoạn cuối./.', checkEndMark('Đoạn cuối./.', { ...style, endMark: 'forbidden' }, true))).toBe('Đoạn cuối.');
    expect(checkEndMark('Đoạn giữa.', style, false)).toEqual([]);
    expect(checkEndMark('Đoạn cuối.', { ...style, endMark: 'off' }, true)).toEqual([]);
  });
});

describe('checkArticleTypography', () => {
  const body: DocumentNodeJson = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2, textAlign: null }, content: [text('Phần  một')] },
      paragraph([
        text('Hội nghị '),
        text('"Sơ kết"', [{ type: 'bold' }]),
        text(' ,tại Hà Nội.'),
        { type: 'hardBreak' },
        text('Dòng  hai.'),
      ]),
      paragraph([]),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph([text('Ý một ,ý hai.')])] }] },
      { type: 'blockquote', content: [paragraph([text('Trích  dẫn./.')])] },
      figure(redJpegId, [text('Quang cảnh  Hội nghị')], { credit: 'Văn Đốc' }),
      paragraph([text('Đoạn cuối.')]),
      figure(redJpegId, []),
    ],
  };
  const content = sampleContent({ title: 'Hội nghị sơ kết.', sapo: 'Ngày 5/7/2022 , tại Trung tâm', bylineName: 'Ngọc  Sơn', body });
  const findings = checkArticleTypography(content, style);

  it('walks title, sapo, every body text block with captions, byline and credit, in order', () => {
    expect(findings.map(({ location, rule }) => [location.part, location.block, rule])).toEqual([
      ['title', null, 'title-period'],
      ['sapo', null, 'date-format'],
      ['sapo', null, 'space-before-punctuation'],
      ['body', 0, 'double-space'],
      ['body', 1, 'straight-quote'],
      ['body', 1, 'straight-quote'],
      ['body', 1, 'space-before-punctuation'],
      ['body', 1, 'space-after-punctuation'],
      ['body', 1, 'double-space'],
      ['body', 3, 'space-before-punctuation'],
      ['body', 3, 'space-after-punctuation'],
      ['body', 4, 'double-space'],
      ['body', 4, 'end-mark'],
      ['caption', 5, 'double-space'],
      ['body', 6, 'end-mark'],
      ['byline', null, 'double-space'],
    ]);
  });

  it('gives offsets that map to ProseMirror positions as documented', () => {
    const doc = parseDocument(body);
    const blockPositions: number[] = [];
    doc.descendants((node, position) => {
      if (!node.isTextblock) return true;
      blockPositions.push(position);
      return false;
    });
    for (const finding of findings.filter((each) => each.location.block !== null)) {
      const from = blockPositions[finding.location.block!]! + 1 + finding.start;
      const to = blockPositions[finding.location.block!]! + 1 + finding.end;
      const expected = finding.rule === 'straight-quote' ? '"' : finding.rule === 'end-mark' ? /^(\.\/\.|\.|)$/ : /^\s*$/;
      if (typeof expected === 'string') expect(doc.textBetween(from, to, '\n', '\n')).toBe(expected);
      else expect(doc.textBetween(from, to, '\n', '\n')).toMatch(expected);
    }
    // The double space after the hard break, which ProseMirror counts as one position like the '\n' here.
    const afterBreak = findings.find((finding) => finding.location.block === 1 && finding.rule === 'double-space')!;
    expect(doc.textBetween(blockPositions[1]! + 1 + afterBreak.start - 4, blockPositions[1]! + 1 + afterBreak.end + 3)).toBe('Dòng  hai');
  });

  it('checks a typed photo credit, not one composed from the photos', () => {
    const credit = (mode: 'manual' | 'auto') =>
      checkArticleTypography({ ...content, photoCredit: 'Văn  Đốc', photoCreditMode: mode }, style).filter(
        (finding) => finding.location.part === 'credit',
      );
    expect(credit('manual')).toHaveLength(1);
    expect(credit('auto')).toEqual([]);
  });

  it('aligns the seed article’s tone marks to the new placement when the house style asks', () => {
    const tones = checkArticleTypography(seedArticle(), { ...style, toneMarks: 'new' });
    expect(tones.map(({ location, rule, replacement }) => [location.part, rule, replacement])).toEqual([
      ['sapo', 'tone-marks', 'uỷ'],
      ['body', 'tone-marks', 'uỷ'],
    ]);
  });
});
