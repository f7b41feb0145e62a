import { nfcString } from '../../shared/nfcString';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { createTestHandlers } from '../support/createTestHandlers';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const nfd = (text: string) => text.normalize('NFD');

describe('NFC normalization', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('stores every text of an article in NFC even when it arrives decomposed (NFD)', async () => {
    const dataDirectory = await temporaryDirectory();
    const { handlers, store, layout } = await createTestHandlers(dataDirectory);
    const article = await store.create();
    const decomposed = sampleContent({
      title: nfd('Hội nghị “Sơ kết”'),
      sapo: nfd('Ngày 05/7/2022, tại Trung tâm'),
      bylineName: nfd('Ngọc Sơn'),
      photoCredit: nfd('Văn Đốc'),
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: nfd('Đồng chí Nguyễn Toàn Thắng'),
                marks: [{ type: 'link', attrs: { href: nfd('https://bộcôngthương.vn') } }],
              },
            ],
          },
        ],
      },
    });
    expect(decomposed.title).not.toBe(decomposed.title.normalize('NFC'));

    const envelope = await invokeHandler(handlers, 'article:save', { id: article.id, baseRevision: 1, content: decomposed });
    expect(envelope.ok).toBe(true);

    const raw = await readFile(layout.library.articleFile(article.id), 'utf8');
    expect(raw).toBe(raw.normalize('NFC'));
    const stored = JSON.parse(raw).data;
    expect(stored.title).toBe('Hội nghị “Sơ kết”'.normalize('NFC'));
    expect(stored.body.content[0].content[0].text).toBe('Đồng chí Nguyễn Toàn Thắng'.normalize('NFC'));
  });
});

describe('the NFC length limit', () => {
  it('measures text after normalizing, so decomposed text that fits once composed is accepted', () => {
    const decomposed = 'người'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(5);
    expect(nfcString(5).parse(decomposed)).toBe('người'.normalize('NFC'));
    expect(nfcString(4).safeParse(decomposed).success).toBe(false);
  });
});
