import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle } from '../support/moveArticlesTo';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

// jsdom lays nothing out: ProseMirror's scrolling to the selection (after focus()) asks a range for its rectangles.
if (!('getClientRects' in Range.prototype)) {
  const noRect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) };
  Object.assign(Range.prototype, { getClientRects: () => [], getBoundingClientRect: () => noRect });
}

const buttonNamed = (name: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);

async function click(element: Element | null | undefined, what: string) {
  if (element === null || element === undefined) throw new Error(`Nothing to click: ${what}`);
  await act(async () => (element as HTMLElement).click());
}

describe('"Xuất Word" in the editor', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('asks about unresolved comments as the other exports do, then writes a .docx without them', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'gia-xang.docx');
    const { handlers } = await installInProcessApi(directory, exportPath);
    const id = await addArticle(handlers, { title: 'Giá xăng' });
    const thread = await handlers['comment:start']({ id, text: 'Chưa rõ nguồn', quote: 'mỗi lít' });
    const article = await handlers['article:get']({ id });
    const body: DocumentNodeJson = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Giá xăng tăng 500 đồng ' },
            { type: 'text', text: 'mỗi lít', marks: [{ type: 'commentAnchor', attrs: { threadId: thread.id } }] },
            { type: 'text', text: './.' },
          ],
        },
      ],
    };
    await handlers['article:save']({ id, baseRevision: article.revision, content: { ...sampleContent({ title: article.title }), body } });
    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Giá xăng') !== undefined, 'the article’s row');
    await click(buttonNamed('Giá xăng'), 'Giá xăng');
    await untilInAct(() => buttonNamed('Xuất Word') !== undefined, 'the editor');
    const checklist = () => view.querySelector<HTMLElement>('.preflight-dialog');

    await click(buttonNamed('Xuất Word'), 'Xuất Word');
    await untilInAct(() => checklist() !== null, 'the checklist');
    expect(checklist()!.textContent).toContain('Bài còn 1 bình luận chưa xử lý.');
    await click(buttonNamed('Hủy', checklist()!), 'Hủy');
    expect(existsSync(exportPath)).toBe(false);

    await click(buttonNamed('Xuất Word'), 'Xuất Word');
    await untilInAct(() => checklist() !== null, 'the checklist again');
    await click(buttonNamed('Vẫn xuất', checklist()!), 'Vẫn xuất');
    await untilInAct(() => existsSync(exportPath), 'the exported .docx');
    const { value } = await mammoth.convertToHtml({ buffer: readFileSync(exportPath) });
    expect(value).toContain('<p>Giá xăng tăng 500 đồng mỗi lít./.</p>');
    expect(value).not.toContain('Chưa rõ nguồn');
  });
});
