import { describe, expect, it } from 'vitest';
import { readParagraphNumIds } from '../../electron/main/services/readParagraphNumIds';
import { readWordNumbering } from '../../electron/main/services/readWordNumbering';
import { scanXmlTags } from '../../electron/main/services/scanXmlTags';

const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';

describe("reading Word's numbering from the parts mammoth does not expose", () => {
  it('reads start values and restarts under whatever prefix the namespace is bound to, ignoring values out of range', () => {
    const numbering = readWordNumbering(
      `<x:numbering xmlns:x="${strict}"><!-- <x:num x:numId="9"> -->` +
        '<x:abstractNum x:abstractNumId="7"><x:lvl x:ilvl="0"><x:start x:val="3"/></x:lvl><x:lvl x:ilvl="1"><x:start x:val="-2"/></x:lvl>' +
        '<x:lvl x:ilvl="2"><x:start x:val="99999"/><x:pStyle x:val="Buoc"/></x:lvl>' +
        '<x:lvl x:ilvl="12"><x:start x:val="4"/></x:lvl></x:abstractNum>' +
        '<x:num x:numId="1"><x:abstractNumId x:val="7"/></x:num>' +
        '<x:num x:numId="2"><x:abstractNumId x:val="7"/><x:lvlOverride x:ilvl="0"><x:startOverride x:val="10"/></x:lvlOverride></x:num>' +
        '</x:numbering>',
    );
    expect(numbering.starts.get('7')).toEqual(
      new Map([
        [0, 3],
        [2, 32_767],
      ]),
    );
    expect(numbering.nums.get('1')).toEqual({ abstractNumId: '7', overrides: new Map() });
    expect(numbering.nums.get('2')).toEqual({ abstractNumId: '7', overrides: new Map([[0, 10]]) });
    expect(numbering.nums.has('9')).toBe(false);
    expect(numbering.styles.get('Buoc')).toEqual({ abstractNumId: '7', level: 2 });
  });

  it("lists the body's paragraphs as mammoth does: through content controls and insertions, not tables or deleted marks", () => {
    const numPr = (id: string) => `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${id}"/></w:numPr></w:pPr>`;
    const xml =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>' +
      `<w:p>${numPr('1')}<w:r><w:t>1 &lt; 2 &gt; 0</w:t></w:r></w:p>` +
      `<w:tbl><w:tr><w:tc><w:p>${numPr('8')}</w:p></w:tc></w:tr></w:tbl>` +
      `<w:sdt><w:sdtPr><w:p/></w:sdtPr><w:sdtContent><w:p>${numPr('2')}</w:p></w:sdtContent></w:sdt>` +
      `<w:p><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr></w:p>` +
      `<w:ins w:id="2"><w:p/></w:ins>` +
      `<mc:AlternateContent><mc:Choice><w:p>${numPr('9')}</w:p></mc:Choice>` +
      `<mc:Fallback><w:p>${numPr('4')}</w:p></mc:Fallback></mc:AlternateContent>` +
      '<w:sectPr/></w:body></w:document>';
    expect(readParagraphNumIds(xml)).toEqual(['1', '2', null, '4']);
  });

  it('stops at a tag left open and gives up on nesting no document has, in one pass', () => {
    expect([...scanXmlTags('<a b="1"><c d="x>y"/><e f="unclosed></a>')].map((tag) => [tag.kind, tag.name])).toEqual([
      ['open', 'a'],
      ['empty', 'c'],
    ]);
    const deep = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:ins>'.repeat(5_000)}`;
    expect(readParagraphNumIds(deep)).toBeNull();
  });
});
