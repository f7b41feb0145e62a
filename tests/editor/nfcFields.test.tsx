import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { oneLineText } from '../../renderer/src/features/editor/text/pasteAsOneLine';
import { installInProcessApi } from '../support/installInProcessApi';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();
const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => button.textContent?.includes(name));

/** Types into a field the way React sees a user's input, the caret after the text. */
async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const prototype = Object.getPrototypeOf(field) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
    field.setSelectionRange(value.length, value.length);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('one line of plain text in the title, sapo, byline and credit fields', () => {
  it('makes line breaks and tabs one space, NFC, trimmed', () => {
    expect(oneLineText('\nHội nghị\r\n\n  sơ kết\t6 tháng\n')).toBe('Hội nghị sơ kết 6 tháng');
    expect(oneLineText(' và\nAn ')).toBe(' và An ');
    expect(oneLineText('Nguyễn\nVăn'.normalize('NFD'))).toBe('Nguyễn Văn');
    expect(oneLineText('Một dòng')).toBe('Một dòng');
  });
});

describe('NFC at the door in the article’s fields', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('shows and saves decomposed typing in the title, sapo and byline as NFC', async () => {
    const { store } = await installInProcessApi(await temporaryDirectory());
    const article = await store.create();
    await store.save(article.id, 1, sampleContent({ title: 'Bài mẫu' }));
    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Bài mẫu') !== undefined, 'the article row');
    await act(async () => buttonNamed('Bài mẫu')!.click());
    await untilInAct(() => view.querySelector('.input-title') !== null, 'the editor');

    const title = view.querySelector<HTMLTextAreaElement>('.input-title')!;
    const sapo = view.querySelector<HTMLTextAreaElement>('.input-sapo')!;
    const byline = view.querySelector<HTMLInputElement>('.field-byline input[type="text"], input[list="people-names"]')!;
    await typeInto(title, 'Hội nghị tổng kết'.normalize('NFD'));
    await typeInto(sapo, 'Sáng nay, Bộ Công Thương'.normalize('NFD'));
    await typeInto(byline, 'Nguyễn Thủy'.normalize('NFD'));
    expect(title.value).toBe('Hội nghị tổng kết');
    expect(title.value).toHaveLength('Hội nghị tổng kết'.length);
    expect(sapo.value).toBe('Sáng nay, Bộ Công Thương');
    expect(byline.value).toBe('Nguyễn Thủy');

    // A paste of several lines lands on one line, at the caret, words kept apart.
    await act(async () => {
      byline.setSelectionRange(byline.value.length, byline.value.length);
      const paste = new Event('paste', { bubbles: true, cancelable: true });
      const pasted = ' và\nTrần Văn\r\nAn';
      Object.defineProperty(paste, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? pasted : '') } });
      byline.dispatchEvent(paste);
    });
    expect(byline.value).toBe('Nguyễn Thủy và Trần Văn An');

    await untilInAct(() => store.list('active')[0]?.title === 'Hội nghị tổng kết', 'the save');
    const saved = await store.get(article.id);
    expect(saved.sapo).toBe('Sáng nay, Bộ Công Thương');
    await untilInAct(() => store.list('active')[0]?.bylineName === 'Nguyễn Thủy và Trần Văn An', 'the byline saved');
  });
});
