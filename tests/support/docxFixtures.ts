import { craftZip, type CraftedEntry } from './craftZip';

/** A run of text and how Word formats it. */
export interface DocxRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** The run's font (w:rFonts w:ascii), e.g. ".VnTime" for TCVN3 text. */
  font?: string;
}

/** A paragraph: a style id (Heading1, Caption… defined in styles.xml below), a list level, its runs, links and pictures. */
export interface DocxParagraph {
  style?: string;
  /**
   * numId 1 is a numbered list, 2 a bulleted one, 3 the numbered one restarted at 1 (Word's "Restart at 1"), 4 a
   * numbered list that starts at 5, 5 the outline numbering of headings (numbering.xml below); level 0–2.
   */
  list?: { numId: 1 | 2 | 3 | 4 | 5; level: number };
  parts: (DocxRun | { link: string; text: string } | { picture: string })[];
}

/** A table cell: its text, or its text with the columns it spans (w:gridSpan) and its vertical merge (w:vMerge). */
export type DocxTableCell = string | { text: string; gridSpan?: number; verticalMerge?: 'restart' | 'continue' };

export interface DocxTable {
  rows: DocxTableCell[][];
  /** Whether the first row repeats as the header row on each page (w:tblHeader). */
  headerRow?: boolean;
}

export interface DocxSpec {
  blocks: (DocxParagraph | DocxTable)[];
  /** Pictures by name: the bytes and their extension (jpeg, png, emf…). */
  pictures?: Record<string, { bytes: Uint8Array; extension: string }>;
}

const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const relationshipNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function runXml(run: DocxRun): string {
  const properties = [
    run.font === undefined ? '' : `<w:rFonts w:ascii="${escapeXml(run.font)}" w:hAnsi="${escapeXml(run.font)}"/>`,
    run.bold === true ? '<w:b/>' : '',
    run.italic === true ? '<w:i/>' : '',
    run.underline === true ? '<w:u w:val="single"/>' : '',
  ].join('');
  return `<w:r>${properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`;
}

/** A picture in a run, described (its alt text in Word) as "Ảnh <name>". */
function pictureXml(relationshipId: string, index: number, name: string): string {
  return (
    '<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="714375"/>' +
    `<wp:docPr id="${index}" name="Picture ${index}" descr="Ảnh ${escapeXml(name)}"/>` +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:blipFill><a:blip r:embed="${relationshipId}"/></pic:blipFill>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}

/**
 * A minimal but real .docx (WordprocessingML in a zip) as Word writes one: document, styles with the built-in
 * heading, caption and list styles, a numbered and a bulleted list definition, relationships for links and pictures.
 */
export function buildDocx(spec: DocxSpec): Buffer {
  const relationships: string[] = [];
  const media: CraftedEntry[] = [];
  let nextId = 1;
  const paragraphXml = (paragraph: DocxParagraph): string => {
    const properties = [
      paragraph.style === undefined ? '' : `<w:pStyle w:val="${paragraph.style}"/>`,
      paragraph.list === undefined
        ? ''
        : `<w:numPr><w:ilvl w:val="${paragraph.list.level}"/><w:numId w:val="${paragraph.list.numId}"/></w:numPr>`,
    ].join('');
    const parts = paragraph.parts.map((part) => {
      if ('link' in part) {
        const id = `rId${nextId++}`;
        relationships.push(
          `<Relationship Id="${id}" Type="${relationshipNamespace}/hyperlink" Target="${escapeXml(part.link)}" TargetMode="External"/>`,
        );
        return `<w:hyperlink r:id="${id}">${runXml({ text: part.text })}</w:hyperlink>`;
      }
      if ('picture' in part) {
        const picture = spec.pictures?.[part.picture];
        if (picture === undefined) throw new Error(`no picture ${part.picture}`);
        const id = `rId${nextId++}`;
        const target = `media/${part.picture}.${picture.extension}`;
        relationships.push(`<Relationship Id="${id}" Type="${relationshipNamespace}/image" Target="${target}"/>`);
        media.push({ name: `word/${target}`, data: Buffer.from(picture.bytes) });
        return pictureXml(id, nextId, part.picture);
      }
      return runXml(part);
    });
    return `<w:p>${properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`}${parts.join('')}</w:p>`;
  };
  const cellXml = (cell: DocxTableCell): string => {
    const { text, gridSpan, verticalMerge } = typeof cell === 'string' ? { text: cell } : cell;
    const properties = [
      gridSpan === undefined ? '' : `<w:gridSpan w:val="${gridSpan}"/>`,
      verticalMerge === undefined ? '' : verticalMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>',
    ].join('');
    const paragraph = paragraphXml({ parts: text === '' ? [] : [{ text }] });
    return `<w:tc>${properties === '' ? '' : `<w:tcPr>${properties}</w:tcPr>`}${paragraph}</w:tc>`;
  };
  const tableXml = (table: DocxTable): string =>
    `<w:tbl>${table.rows
      .map((row, index) => {
        const header = table.headerRow === true && index === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
        return `<w:tr>${header}${row.map(cellXml).join('')}</w:tr>`;
      })
      .join('')}</w:tbl>`;
  const body = spec.blocks.map((block) => ('rows' in block ? tableXml(block) : paragraphXml(block))).join('');
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${wordNamespace}" xmlns:r="${relationshipNamespace}" ` +
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<w:body>${body}</w:body></w:document>`;
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${wordNamespace}">` +
    [
      ['Title', 'Title'],
      ['Heading1', 'heading 1'],
      ['Heading2', 'heading 2'],
      ['Heading3', 'heading 3'],
      ['Caption', 'caption'],
      ['ListParagraph', 'List Paragraph'],
    ]
      .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
      .join('') +
    '</w:styles>';
  const level = (index: number, format: string, start = 1) =>
    `<w:lvl w:ilvl="${index}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%${index + 1}."/></w:lvl>`;
  const numbering =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${wordNamespace}">` +
    `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal')}${level(1, 'lowerLetter')}${level(2, 'bullet')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${level(0, 'bullet')}${level(1, 'decimal')}${level(2, 'bullet')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${level(0, 'decimal', 5)}${level(1, 'lowerLetter')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="3">${level(0, 'decimal')}${level(1, 'decimal')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>';
  relationships.push(`<Relationship Id="rIdStyles" Type="${relationshipNamespace}/styles" Target="styles.xml"/>`);
  relationships.push(`<Relationship Id="rIdNumbering" Type="${relationshipNamespace}/numbering" Target="numbering.xml"/>`);
  const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return craftZip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>' +
        '<Default Extension="png" ContentType="image/png"/><Default Extension="emf" ContentType="image/x-emf"/>' +
        '<Override PartName="/word/document.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${packageRelationships}">` +
        `<Relationship Id="rId1" Type="${relationshipNamespace}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    { name: 'word/document.xml', data: document },
    { name: 'word/styles.xml', data: styles },
    { name: 'word/numbering.xml', data: numbering },
    {
      name: 'word/_rels/document.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${packageRelationships}">` +
        `${relationships.join('')}</Relationships>`,
    },
    ...media,
  ]);
}

/**
 * A Compound File Binary (OLE2) container, as Word's old .doc and Office's encrypted .docx are: the header's magic
 * and, for an encrypted document, the directory entry name "EncryptedPackage" in UTF-16LE, as it sits in the file.
 */
export function compoundFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const directory = Buffer.alloc(128 * Math.max(1, streamNames.length + 1));
  ['Root Entry', ...streamNames].forEach((name, index) => {
    if (index * 128 >= directory.byteLength) return;
    const encoded = Buffer.from(name, 'utf16le');
    encoded.copy(directory, index * 128);
    directory.writeUInt16LE(encoded.byteLength + 2, index * 128 + 64);
  });
  return Buffer.concat([header, directory]);
}
