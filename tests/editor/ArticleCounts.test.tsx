import { describe, expect, it } from 'vitest';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';
import { openArticle, paragraphsBody, seedContent, titleField, typeInBody, typeInto } from '../support/articleEditorPage';

const render = useRendering();
const statusLine = () => document.querySelector<HTMLElement>('.counts-status')!;

describe('the counts in the editor’s status bar', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('shows the seed article’s words, characters and reading time the Vietnamese way, part by part in the tooltip', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, seedContent());
    await openArticle(render, seedContent().title!);
    // Title 34 + sapo 69 + body 436 syllables; the byline and the photo credit are not the article's text.
    expect(statusLine().textContent).toBe('539 từ · 2.530 ký tự · 3 phút đọc');
    const tooltip = statusLine().title.split('\n');
    expect(tooltip).toContain('Tiêu đề: 34 từ, 156 ký tự');
    expect(tooltip).toContain('Sapo: 69 từ, 325 ký tự');
    expect(tooltip).toContain('Thân bài: 436 từ, 2.049 ký tự');
    expect(tooltip).toContain('Không kể dấu cách: 1.996 ký tự');
  });

  it('follows typing in the body and in the title', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Giá xăng', sapo: '', body: paragraphsBody(['Giá xăng tăng.']) });
    await openArticle(render, 'Giá xăng');
    expect(statusLine().textContent).toBe('5 từ · 22 ký tự · 1 phút đọc');

    await typeInBody(0, ' Từ chiều nay, giá dầu cũng tăng 500 đồng.');
    await untilInAct(() => statusLine().textContent === '14 từ · 64 ký tự · 1 phút đọc', 'the counts after typing in the body');

    await typeInto(titleField(), 'Giá xăng, giá dầu cùng tăng');
    await untilInAct(() => statusLine().textContent === '18 từ · 83 ký tự · 1 phút đọc', 'the counts after typing in the title');
    expect(statusLine().title).toContain('Tiêu đề: 6 từ, 27 ký tự');
  });
});
