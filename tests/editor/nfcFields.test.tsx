import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
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

    await untilInAct(() => store.list('active')[0]?.title === 'Hội nghị tổng kết', 'the save');
    const saved = await store.get(article.id);
    expect(saved.sapo).toBe('Sáng nay, Bộ Công Thương');
    expect(saved.bylineName).toBe('Nguyễn Thủy');
  });
});
