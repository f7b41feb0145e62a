import { describe, expect, it } from 'vitest';
import { documentNodeSchema, type DocumentNodeJson } from '../../shared/documentJson';
import { documentLimits, findDocumentLimitBreach, type DocumentLimit } from '../../shared/documentLimits';
import { parseDocument } from '../../shared/documentSchema';
import { AppError } from '../../shared/errorCodes';
import { storedArticleSchema } from '../../shared/migrateArticle';
import { decodeStoredJson, encodeStoredJson } from '../../electron/main/storage/storedJson';
import { seedArticle } from '../fixtures/seedArticle';
import { bodyNestedTo, bodyOfNodes, featureLengthBody } from '../support/sizedBodies';
import { thrownBy } from '../support/thrownBy';

const vietnamese = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

function paragraphOf(text: string, marks: DocumentNodeJson['marks'] = undefined): DocumentNodeJson {
  return { type: 'paragraph', content: [marks === undefined ? { type: 'text', text } : { type: 'text', text, marks }] };
}

describe('document limits', () => {
  it('let the seed article and a 10,000-word feature with 30 photos through, schema and editor parse included', () => {
    for (const body of [seedArticle().body, featureLengthBody()]) {
      expect(findDocumentLimitBreach(body)).toBeNull();
      expect(documentNodeSchema.safeParse(body).success).toBe(true);
      expect(parseDocument(body).type.name).toBe('doc');
    }
    expect(featureLengthBody().content!.filter((node) => node.type === 'figure')).toHaveLength(30);
  });

  it('accept a body exactly as deep as the limit and refuse one level more', () => {
    expect(findDocumentLimitBreach(bodyNestedTo(documentLimits.maximumDepth))).toBeNull();
    expect(parseDocument(bodyNestedTo(documentLimits.maximumDepth)).type.name).toBe('doc');
    expect(findDocumentLimitBreach(bodyNestedTo(documentLimits.maximumDepth + 1))?.limit).toBe('maximumDepth');
  });

  it('accept a body of exactly the node limit and refuse one node more', () => {
    expect(findDocumentLimitBreach(bodyOfNodes(documentLimits.maximumNodes))).toBeNull();
    expect(findDocumentLimitBreach(bodyOfNodes(documentLimits.maximumNodes + 1))?.limit).toBe('maximumNodes');
  });

  it('refuse a body nested 100,000 deep and one of a million nodes, each with a Vietnamese sentence', () => {
    const cases: Array<[DocumentNodeJson, DocumentLimit]> = [
      [bodyNestedTo(100_000), 'maximumDepth'],
      [bodyOfNodes(1_000_000), 'maximumNodes'],
    ];
    for (const [body, limit] of cases) {
      const breach = findDocumentLimitBreach(body);
      expect(breach?.limit).toBe(limit);
      expect(breach?.message).toMatch(vietnamese);
    }
  });

  it('refuse a body that contains itself instead of walking it forever', () => {
    const doc: DocumentNodeJson = { type: 'doc', content: [] };
    doc.content!.push(doc);
    expect(findDocumentLimitBreach(doc)?.limit).toBe('maximumDepth');
  });

  it('refuse too much text, too many marks and a node with too many attributes', () => {
    const longRun = 'x'.repeat(1_000_000);
    const tooMuchText: DocumentNodeJson = { type: 'doc', content: Array.from({ length: 6 }, () => paragraphOf(longRun)) };
    const tooManyMarks: DocumentNodeJson = {
      type: 'doc',
      content: Array.from({ length: 6_300 }, () =>
        paragraphOf(
          'x',
          Array.from({ length: 32 }, () => ({ type: 'bold' })),
        ),
      ),
    };
    const attrs = Object.fromEntries(Array.from({ length: documentLimits.maximumAttributes + 1 }, (_, index) => [`a${index}`, 1]));
    const tooManyAttributes: DocumentNodeJson = { type: 'doc', content: [{ type: 'paragraph', attrs }] };
    const tooLongLinks: DocumentNodeJson = {
      type: 'doc',
      content: Array.from({ length: 1_300 }, () => paragraphOf('x', [{ type: 'link', attrs: { href: 'h'.repeat(4_000) } }])),
    };
    expect(findDocumentLimitBreach(tooMuchText)?.limit).toBe('maximumCharacters');
    expect(findDocumentLimitBreach(tooManyMarks)?.limit).toBe('maximumMarks');
    expect(findDocumentLimitBreach(tooManyAttributes)?.limit).toBe('maximumAttributes');
    expect(findDocumentLimitBreach(tooLongLinks)?.limit).toBe('maximumCharacters');
  });

  it('make the body schema answer a breach as an issue naming document-too-large instead of throwing', () => {
    for (const body of [bodyNestedTo(100_000), bodyOfNodes(1_000_000)]) {
      const parsed = documentNodeSchema.safeParse(body);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues).toEqual([expect.objectContaining({ code: 'custom', params: { code: 'document-too-large' } })]);
    }
  });

  it('make parseDocument refuse an oversized body with a document-too-large AppError, not a stack overflow', () => {
    const error = thrownBy(() => parseDocument(bodyNestedTo(100_000)));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('document-too-large');
  });

  it('make parseDocument speak Vietnamese about a body the editor cannot produce and keep the English reason as the cause', () => {
    const error = thrownBy(() => parseDocument({ type: 'doc', content: [{ type: 'marquee' }] })) as AppError;
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(vietnamese);
    expect(error.message).not.toContain('marquee');
    expect(String(error.cause)).toContain('marquee');
  });
});

describe('a stored article beyond the limits', () => {
  const format = { kind: 'ban-thao/article', version: 2 };
  const path = '/home/x/secret/articles/se/seed-article-0001.json';

  it('is read as a damaged file when its body breaks a limit', () => {
    const bytes = new TextEncoder().encode(
      encodeStoredJson(format, { ...seedArticle(), body: bodyOfNodes(documentLimits.maximumNodes + 1) }),
    );
    const error = thrownBy(() => decodeStoredJson(bytes, format, storedArticleSchema, path)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('corrupt-file');
    expect(error.message).not.toContain('/home/x');
  });

  it('is read as a damaged file, not a stack overflow, when its data is nested 100,000 deep', () => {
    const deepData = `${'{"content":['.repeat(100_000)}{}${']}'.repeat(100_000)}`;
    const bytes = new TextEncoder().encode(`{"format":"ban-thao/article","formatVersion":2,"checksum":"sha256-0","data":${deepData}}`);
    const error = thrownBy(() => decodeStoredJson(bytes, format, storedArticleSchema, path)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('corrupt-file');
  });
});
