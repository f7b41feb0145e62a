import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';
import {
  bodyEditor,
  bodyParagraphs,
  buttonNamed,
  bylineField,
  click,
  openArticle,
  paragraphsBody,
  press,
  sapoField,
  seedContent,
  titleField,
  typeInto,
} from '../support/articleEditorPage';

const render = useRendering();
const findBar = () => document.querySelector<HTMLElement>('.find-bar');
const queryBox = () => findBar()!.querySelector<HTMLInputElement>('.find-query')!;
const replacementBox = () => findBar()!.querySelector<HTMLInputElement>('.find-replacement')!;
const count = () => findBar()!.querySelector('.find-count')!.textContent;
const option = (label: string) =>
  [...findBar()!.querySelectorAll('label')].find((item) => item.textContent === label)!.querySelector('input')!;
const bodyMatches = () => [...document.querySelectorAll('.ProseMirror .find-match')].map((match) => match.textContent);
const currentInBody = () => [...document.querySelectorAll('.ProseMirror .find-match-current')].map((match) => match.textContent);
const fieldCount = (field: HTMLElement) => field.closest<HTMLElement>('.field')!.dataset.findCount;

async function openFind(key: 'f' | 'h' = 'f') {
  await press(window, key, { ctrlKey: true });
  await untilInAct(() => findBar() !== null, 'the find bar');
}

async function search(query: string) {
  await typeInto(queryBox(), query);
}

describe('find and replace in the article', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('finds in the seed article with each option, "bỏ qua dấu" as the library search folds, in the fields and the body', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, seedContent());
    await openArticle(render, seedContent().title!);
    await openFind();
    expect(document.activeElement).toBe(queryBox());

    // Title 1, sapo 2, body 1: each field says how many it holds, the body's are highlighted.
    await search('hội nghị');
    expect(count()).toBe('1/4');
    expect(fieldCount(titleField())).toBe('1 kết quả');
    expect(fieldCount(sapoField())).toBe('2 kết quả');
    expect(bodyMatches()).toEqual(['Hội nghị']);

    await act(async () => option('Phân biệt hoa thường').click());
    expect(count()).toBe('Không thấy');
    expect(fieldCount(titleField())).toBeUndefined();
    await act(async () => option('Phân biệt hoa thường').click());

    await search('dang uy');
    expect(count()).toBe('Không thấy');
    await act(async () => option('Bỏ qua dấu').click());
    expect(count()).toBe('1/2');
    expect(bodyMatches()).toEqual(['Đảng ủy']);
    expect(fieldCount(sapoField())).toBe('1 kết quả');

    // "thi" is inside "Thiện", never a word of its own.
    await search('thi');
    expect(count()).toBe('1/1');
    await act(async () => option('Cả từ').click());
    expect(count()).toBe('Không thấy');
    await act(async () => option('Cả từ').click());

    // The byline is searched too.
    await search('Ngọc Sơn');
    expect(count()).toBe('1/1');
    expect(fieldCount(bylineField())).toBe('1 kết quả');
  });

  it('goes to the next and previous match with Enter, Shift+Enter and F3, wrapping at both ends; Esc goes to the match', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Giá xăng', sapo: 'Giá xăng tăng', body: paragraphsBody(['Giá xăng và giá dầu.', 'Giá vàng.']) });
    await openArticle(render, 'Giá xăng');
    await openFind();
    await search('giá');
    expect(count()).toBe('1/5');
    expect(currentInBody()).toEqual([]);
    await press(queryBox(), 'Enter');
    await press(queryBox(), 'Enter');
    expect(count()).toBe('3/5');
    expect(currentInBody()).toEqual(['Giá']);
    await press(window, 'F3');
    expect(count()).toBe('4/5');
    await press(queryBox(), 'Enter');
    await press(queryBox(), 'Enter');
    expect(count()).toBe('1/5');
    await press(queryBox(), 'Enter', { shiftKey: true });
    expect(count()).toBe('5/5');
    await press(window, 'F3', { shiftKey: true });
    expect(count()).toBe('4/5');

    // Esc closes the bar and leaves the user at the match: "giá" of "giá dầu" selected in the body.
    await press(queryBox(), 'Escape');
    expect(findBar()).toBeNull();
    expect(document.querySelectorAll('.find-match')).toHaveLength(0);
    const { from, to } = bodyEditor().state.selection;
    expect(bodyEditor().state.doc.textBetween(from, to)).toBe('giá');
    expect(document.activeElement).toBe(bodyEditor().view.dom);
  });

  it('replaces one match, then all of them (the body in one undo step), in the fields as in the body', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, {
      title: 'Hội nghị sơ kết',
      sapo: 'Hội nghị diễn ra sáng nay.',
      body: paragraphsBody(['Hội nghị bàn ba việc.', 'Sau hội nghị, các đơn vị về.']),
    });
    await openArticle(render, 'Hội nghị sơ kết');
    await openFind('h');
    expect(replacementBox()).not.toBeNull();
    await search('hội nghị');
    await typeInto(replacementBox(), 'Hội thảo');
    expect(count()).toBe('1/4');

    // One: the title's, then the next match is current.
    await click(buttonNamed('Thay', findBar()!), 'Thay');
    expect(titleField().value).toBe('Hội thảo sơ kết');
    expect(count()).toBe('1/3');
    await press(queryBox(), 'Enter');
    expect(count()).toBe('2/3');
    await click(buttonNamed('Thay', findBar()!), 'Thay');
    await untilInAct(() => count() === '2/2', 'the count after replacing in the body');
    expect(bodyParagraphs()).toEqual(['Hội thảo bàn ba việc.', 'Sau hội nghị, các đơn vị về.']);

    // All: the sapo and the body at once, the body in one undo step.
    await click(buttonNamed('Thay tất cả', findBar()!), 'Thay tất cả');
    expect(count()).toBe('Không thấy');
    expect(sapoField().value).toBe('Hội thảo diễn ra sáng nay.');
    expect(bodyParagraphs()).toEqual(['Hội thảo bàn ba việc.', 'Sau Hội thảo, các đơn vị về.']);
    await act(async () => bodyEditor().commands.undo());
    expect(bodyParagraphs()).toEqual(['Hội thảo bàn ba việc.', 'Sau hội nghị, các đơn vị về.']);

    // What the autosave stored is what is on screen.
    await press(window, 's', { ctrlKey: true });
    await untilInAct(() => document.querySelector('.save-status')?.textContent?.includes('Đã lưu') ?? false, 'the save');
    const saved = await handlers['article:get']({ id });
    expect([saved.title, saved.sapo]).toEqual(['Hội thảo sơ kết', 'Hội thảo diễn ra sáng nay.']);
    expect(JSON.stringify(saved.body)).toContain('Sau hội nghị, các');
  });

  it('replaces as suggestions while "Sửa có theo dõi" is on, and never finds the words it deleted', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Giá xăng', sapo: '', body: paragraphsBody(['Giá xăng tăng, giá dầu tăng.']) });
    await openArticle(render, 'Giá xăng');
    await click(buttonNamed('Sửa có theo dõi'), 'Sửa có theo dõi');
    await openFind('h');
    await search('tăng');
    await typeInto(replacementBox(), 'giảm');
    expect(count()).toBe('1/2');
    await click(buttonNamed('Thay tất cả', findBar()!), 'Thay tất cả');
    expect(count()).toBe('Không thấy');
    const marks = new Set<string>();
    bodyEditor().state.doc.descendants((node) => {
      for (const mark of node.marks) marks.add(`${mark.type.name}:${node.text}`);
    });
    expect([...marks].sort()).toEqual(['deletion:tăng', 'insertion:giảm'].sort());
    expect(document.querySelectorAll('.suggestion-item')).toHaveLength(2);
  });

  it('finds but never replaces in approved text', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Giá xăng', sapo: '', body: paragraphsBody(['Giá xăng tăng.']) }, 'approved');
    await openArticle(render, 'Giá xăng');
    await openFind('h');
    await search('xăng');
    expect(count()).toBe('1/2');
    expect(replacementBox().disabled).toBe(true);
    expect(buttonNamed('Thay', findBar()!)!.disabled).toBe(true);
    expect(buttonNamed('Thay tất cả', findBar()!)!.disabled).toBe(true);
    expect(findBar()!.textContent).toContain('chỉ tìm, không thay');
  });
});
