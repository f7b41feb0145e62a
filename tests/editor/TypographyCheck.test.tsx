import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { defaultHouseStyle } from '../../shared/houseStyle';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';
import {
  bodyEditor,
  bodyParagraphs,
  buttonNamed,
  click,
  openArticle,
  paragraphsBody,
  press,
  sapoField,
} from '../support/articleEditorPage';

const render = useRendering();

const panel = () => document.querySelector<HTMLElement>('.typography-panel');
const items = () => [...panel()!.querySelectorAll<HTMLElement>('.typography-item')];
const rows = () =>
  items().map((item) => [
    item.querySelector('.typography-where')!.textContent,
    item.querySelector('.typography-before del, .typography-before mark')!.textContent,
    item.querySelector('.typography-after ins')?.textContent ?? null,
  ]);
const itemWith = (text: string) => items().find((item) => item.textContent.includes(text))!;

/** A draft with one finding of each kind the check offers, and a title in Title Case (advice only). */
const flawed = {
  title: 'Hội Nghị Sơ Kết Công Tác',
  sapo: 'Ngày 5/7/2022 , tại Hà Nội.',
  body: paragraphsBody(['Giá xăng tăng  mạnh.', 'Hai bên hoà giải xong']),
};

async function openPanel() {
  await press(window, 'F7');
  await untilInAct(() => panel()?.querySelector('.typography-list, .typography-note') !== null, 'the typography check');
}

describe('the typography check (Soát lỗi trình bày)', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('lists the findings in reading order with the change each proposes; a Title Case title is advice only', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, flawed);
    await openArticle(render, flawed.title);
    await openPanel();
    expect(document.activeElement).toBe(panel());
    expect(panel()!.querySelector('.typography-count')!.textContent).toBe('6 gợi ý');
    expect(rows()).toEqual([
      ['Tiêu đề', 'Hội Nghị Sơ Kết Công Tác', null],
      ['Sapo', '5/7/2022', '05/7/2022'],
      ['Sapo', '␣', ''],
      ['Đoạn 1', '␣␣', '␣'],
      ['Đoạn 2', 'hoà', 'hòa'],
      ['Đoạn 2', '', './.'],
    ]);
    expect(itemWith('Tiêu đề').textContent).toContain('Người viết tự sửa');
    expect(buttonNamed('Sửa', itemWith('Tiêu đề'))).toBeUndefined();
    expect(itemWith('hoà').textContent).toContain('Đặt dấu thanh theo kiểu cũ (hòa, thủy)');

    // A click goes to the text: selected in the body.
    await click(itemWith('hoà').querySelector('.typography-go'), 'the tone mark finding');
    const { from, to } = bodyEditor().state.selection;
    expect(bodyEditor().state.doc.textBetween(from, to)).toBe('hoà');
  });

  it('fixes one, then all (the body in one undo step), checking the article again each time', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, flawed);
    await openArticle(render, flawed.title);
    await openPanel();

    await click(buttonNamed('Sửa', itemWith('Đoạn 1')), 'Sửa');
    expect(bodyParagraphs()).toEqual(['Giá xăng tăng mạnh.', 'Hai bên hoà giải xong']);
    expect(rows().map(([where]) => where)).toEqual(['Tiêu đề', 'Sapo', 'Sapo', 'Đoạn 2', 'Đoạn 2']);

    await click(buttonNamed('Sửa tất cả', panel()!), 'Sửa tất cả');
    expect(sapoField().value).toBe('Ngày 05/7/2022, tại Hà Nội.');
    expect(bodyParagraphs()).toEqual(['Giá xăng tăng mạnh.', 'Hai bên hòa giải xong./.']);
    await untilInAct(() => rows().length === 1, 'the check after fixing all');
    expect(rows()[0]![0]).toBe('Tiêu đề');
    expect(panel()!.textContent).toContain('Đã sửa 4 chỗ');

    await act(async () => bodyEditor().commands.undo());
    expect(bodyParagraphs()).toEqual(['Giá xăng tăng mạnh.', 'Hai bên hoà giải xong']);
    await untilInAct(() => rows().length === 3, 'the check after the undo');
  });

  it('follows the house style of Cài đặt: tone marks placed the new way are offered, and "Sửa tất cả" aligns the article', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await handlers['settings:update']({ houseStyle: { ...defaultHouseStyle, toneMarks: 'new' } });
    await addArticle(handlers, {
      title: 'Hòa giải ở xã',
      sapo: 'Tổ hòa giải làm việc.',
      body: paragraphsBody(['Đảng ủy xã và tổ hòa giải đã họp./.']),
    });
    await openArticle(render, 'Hòa giải ở xã');
    await openPanel();
    expect(rows()).toEqual([
      ['Tiêu đề', 'Hòa', 'Hoà'],
      ['Sapo', 'hòa', 'hoà'],
      ['Đoạn 1', 'ủy', 'uỷ'],
      ['Đoạn 1', 'hòa', 'hoà'],
    ]);
    expect(panel()!.textContent).toContain('dấu kiểu mới (hoà, thuỷ)');
    await click(buttonNamed('Sửa tất cả', panel()!), 'Sửa tất cả');
    expect(bodyParagraphs()).toEqual(['Đảng uỷ xã và tổ hoà giải đã họp./.']);
    expect(document.querySelector<HTMLTextAreaElement>('textarea.input-title')!.value).toBe('Hoà giải ở xã');
    await untilInAct(() => panel()!.textContent.includes('Không thấy lỗi trình bày nào.'), 'an aligned article');
  });

  it('only lists the findings of approved text', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, flawed, 'approved');
    await openArticle(render, flawed.title);
    await openPanel();
    expect(rows()).toHaveLength(6);
    expect(buttonNamed('Sửa', panel()!)).toBeUndefined();
    expect(buttonNamed('Sửa tất cả', panel()!)).toBeUndefined();
    expect(panel()!.textContent).toContain('chỉ xem danh sách, không sửa');
    await press(panel()!, 'Escape');
    expect(panel()).toBeNull();
  });

  it('saves the house style chosen in Cài đặt with the library', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await render(<App />);
    await untilInAct(() => buttonNamed('Cài đặt') !== undefined, 'the library');
    await click(buttonNamed('Cài đặt'), 'Cài đặt');
    await untilInAct(() => document.querySelector('dialog.settings-dialog') !== null, 'the settings dialog');
    const section = document.querySelector<HTMLElement>('.house-style')!;
    expect(section.querySelector('legend')!.textContent).toBe('Quy chuẩn trình bày');
    const [toneMarks, dates] = [...section.querySelectorAll('select')];
    expect([...toneMarks!.options].map((choice) => choice.textContent)).toEqual([
      'Kiểu cũ: hòa, thủy',
      'Kiểu mới: hoà, thuỷ',
      'Không soát',
    ]);
    await act(async () => {
      toneMarks!.value = 'new';
      toneMarks!.dispatchEvent(new Event('change', { bubbles: true }));
      dates!.value = 'unpadded';
      dates!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(buttonNamed('Lưu cài đặt'), 'Lưu cài đặt');
    await untilInAct(() => document.querySelector('dialog.settings-dialog') === null, 'the dialog to close');
    await untilInAct(() => document.body.textContent.includes('Đã lưu cài đặt'), 'the settings saved');
    expect((await handlers['settings:get']({})).houseStyle).toEqual({ ...defaultHouseStyle, toneMarks: 'new', dates: 'unpadded' });
  });
});
