import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleContent } from '../../shared/articleModel';
import { LibraryScreen } from '../../renderer/src/features/library/LibraryScreen';
import type { Identity } from '../../shared/identity';
import type { HandlerTable } from '../../shared/ipcContract';
import { sampleContent } from '../support/sampleContent';
import { installInProcessApi, testIdentity } from '../support/installInProcessApi';
import { moveArticlesTo } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

async function renderLibrary(onOpen: (id: string) => void = () => {}, identity: Identity | null = testIdentity) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    root = createRoot(container!);
    root.render(
      <LibraryScreen
        scope="active"
        onScopeChange={() => {}}
        onOpen={onOpen}
        onCreate={() => {}}
        language="vi"
        onLanguageChange={() => {}}
        dataDirectory=""
        identity={identity}
        showToast={() => {}}
      />,
    );
  });
  return container;
}

/** Types into an input the way React sees a user's typing. */
async function typeInto(input: HTMLInputElement | HTMLSelectElement, value: string) {
  await act(async () => {
    const prototype = input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** Adds articles through the handlers, as the app does, so the search index follows; a status is reached by workflow moves. */
async function addArticles({ handlers }: { handlers: HandlerTable }, contents: Partial<ArticleContent>[]) {
  const ids: string[] = [];
  // A few at a time: each is a durable create and save.
  for (let start = 0; start < contents.length; start += 32) {
    const batch = await Promise.all(
      contents.slice(start, start + 32).map(async (overrides) => {
        const article = await handlers['article:create']({});
        await handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ ...overrides, status: 'draft' }) });
        return article.id;
      }),
    );
    ids.push(...batch);
  }
  const moves = contents.flatMap(({ status = 'draft' }, index) => (status === 'draft' ? [] : [{ id: ids[index]!, status }]));
  await moveArticlesTo(handlers, moves);
  return ids;
}

const rowTitles = (view: HTMLElement) => [...view.querySelectorAll('.article-row .title-link')].map((button) => button.textContent);
const searchBox = (view: HTMLElement) => view.querySelector<HTMLInputElement>('input[type="search"]')!;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = null;
});

describe('LibraryScreen', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('finds "Hội nghị" when the user types "hoi nghi", and marks the matched words', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    await addArticles(library, [{ title: 'Hội nghị sơ kết 6 tháng' }, { title: 'Trung tâm Khuyến công', sapo: 'Không liên quan.' }]);
    const view = await renderLibrary();
    await untilInAct(() => rowTitles(view).length === 2, 'both rows');
    await typeInto(searchBox(view), 'hoi nghi');
    await untilInAct(() => rowTitles(view).length === 1, 'the search result');
    expect(rowTitles(view)).toEqual(['Hội nghị sơ kết 6 tháng']);
    expect([...view.querySelectorAll('.article-row .title-link mark')].map((mark) => mark.textContent)).toEqual(['Hội', 'nghị']);
    expect(view.textContent).toContain('1 / 2 bài');
  });

  it('matches "đ" when the user types "d", in the text as well as the title', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    // The photo credit "Văn Đốc" matches too, and is marked in the snippet.
    await addArticles(library, [
      { title: 'Bài một', sapo: 'Đồng chí Giám đốc phát biểu.' },
      { title: 'Bài hai', sapo: 'Không có từ ấy.', photoCredit: 'Minh' },
    ]);
    const view = await renderLibrary();
    await untilInAct(() => rowTitles(view).length === 2, 'both rows');
    await typeInto(searchBox(view), 'giam doc');
    await untilInAct(() => rowTitles(view).length === 1, 'the search result');
    expect(rowTitles(view)).toEqual(['Bài một']);
    expect([...view.querySelectorAll('.snippet mark')].map((mark) => mark.textContent)).toEqual(['Giám', 'đốc', 'Đốc']);
  });

  it('sorts by title in Vietnamese order and filters by status, author and publication date', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    await addArticles(library, [
      { title: 'Đà Nẵng', status: 'submitted', bylineName: 'Ngọc Sơn', publicationDate: '2022-07-08' },
      { title: 'Ánh sáng', status: 'draft', bylineName: 'Văn Đốc', publicationDate: '2022-06-01' },
      { title: 'Dân sinh', status: 'submitted', bylineName: 'Văn Đốc', publicationDate: '2022-07-20' },
      { title: 'Bình minh', status: 'approved', bylineName: 'Ngọc Sơn', publicationDate: '2022-08-02' },
    ]);
    const view = await renderLibrary();
    await untilInAct(() => rowTitles(view).length === 4, 'the rows');
    const selectLabelled = (label: string) =>
      [...view.querySelectorAll<HTMLSelectElement>('.library-toolbar select')].find(
        (select) => select.closest('label')?.textContent?.startsWith(label) || select.getAttribute('aria-label') === label,
      )!;
    await typeInto(selectLabelled('Sắp xếp'), 'title');
    expect(rowTitles(view)).toEqual(['Ánh sáng', 'Bình minh', 'Dân sinh', 'Đà Nẵng']);
    await typeInto(selectLabelled('Trạng thái'), 'submitted');
    expect(rowTitles(view)).toEqual(['Dân sinh', 'Đà Nẵng']);
    await typeInto(selectLabelled('Tác giả'), 'Văn Đốc');
    expect(rowTitles(view)).toEqual(['Dân sinh']);
    await typeInto(selectLabelled('Tác giả'), '');
    const [from, to] = [...view.querySelectorAll<HTMLInputElement>('.library-toolbar input.date-input')];
    await typeInto(from!, '10/07/2022');
    await typeInto(to!, '31/07/2022');
    expect(rowTitles(view)).toEqual(['Dân sinh']);
  });

  it('shows under the status who moved the article last and how, or who created a draft that never moved', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    const [draft, approved] = await addArticles(library, [{ title: 'Bài nháp' }, { title: 'Bài đã duyệt' }]);
    await moveArticlesTo(library.handlers, [{ id: approved!, status: 'approved' }], { name: 'Thu Hà', role: 'editor' });
    const view = await renderLibrary();
    await untilInAct(() => rowTitles(view).length === 2, 'the rows');
    const holderIn = (title: string) =>
      [...view.querySelectorAll('.article-row')]
        .find((row) => row.querySelector('.title-link')?.textContent === title)!
        .querySelector<HTMLElement>('.cell-status .status-holder')!;
    expect(holderIn('Bài nháp').textContent).toBe('Ngọc Sơn tạo bài');
    expect(holderIn('Bài nháp').title).toMatch(/^Ngọc Sơn \(Phóng viên\) tạo bài lúc \d\d:\d\d \d\d\/\d\d$/);
    expect(holderIn('Bài đã duyệt').textContent).toBe('Thu Hà duyệt');
    expect(holderIn('Bài đã duyệt').title).toMatch(/^Thu Hà \(Biên tập viên\) duyệt lúc \d\d:\d\d \d\d\/\d\d$/);
    expect(draft).toBeDefined();
  });

  it('shows "Chỉ của tôi": what I created or changed last (same name and role), and back to "Cả tòa soạn"', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    const { handlers } = library;
    const actAs = (who: Identity) => handlers['settings:update']({ userName: who.name, userRole: who.role });
    const editor: Identity = { name: 'Thu Hà', role: 'editor' };
    await addArticles(library, [{ title: 'Bài tôi viết' }]);
    await actAs(editor);
    const [theirs, changedByMe] = await addArticles(library, [{ title: 'Bài của Thu Hà' }, { title: 'Bài Thu Hà viết, tôi sửa' }]);
    // The same name with another role is someone else.
    await actAs({ name: testIdentity.name, role: 'managingEditor' });
    await addArticles(library, [{ title: 'Bài của người trùng tên' }]);
    await actAs(testIdentity);
    const stored = await handlers['article:get']({ id: changedByMe! });
    await handlers['article:save']({
      id: stored.id,
      baseRevision: stored.revision,
      content: sampleContent({ title: 'Bài Thu Hà viết, tôi sửa' }),
    });
    expect(theirs).toBeDefined();

    const view = await renderLibrary();
    await untilInAct(() => rowTitles(view).length === 4, 'the rows');
    const choice = view.querySelector<HTMLFieldSetElement>('.library-toolbar fieldset')!;
    expect(choice.querySelector('legend')?.textContent).toBe('Bài của ai');
    const radio = (label: string) =>
      [...choice.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((input) => input.closest('label')?.textContent === label)!;
    // One group of native radios: one Tab stop, the arrow keys choose.
    expect(new Set([...choice.querySelectorAll('input[type="radio"]')].map((input) => input.getAttribute('name'))).size).toBe(1);
    expect(radio('Cả tòa soạn').checked).toBe(true);

    await act(async () => radio('Chỉ của tôi').click());
    expect(radio('Chỉ của tôi').checked).toBe(true);
    expect(rowTitles(view).sort()).toEqual(['Bài Thu Hà viết, tôi sửa', 'Bài tôi viết']);
    expect(view.textContent).toContain('2 / 4 bài');

    await act(async () => radio('Cả tòa soạn').click());
    expect(rowTitles(view)).toHaveLength(4);
    // "Bỏ lọc" goes back to everyone's too.
    await act(async () => radio('Chỉ của tôi').click());
    const clear = [...view.querySelectorAll<HTMLButtonElement>('.library-toolbar button')].find(
      (button) => button.textContent === 'Bỏ lọc',
    )!;
    await act(async () => clear.click());
    expect(radio('Cả tòa soạn').checked).toBe(true);
    expect(rowTitles(view)).toHaveLength(4);
  });

  it('cannot choose "Chỉ của tôi" while no one is named', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    await addArticles(library, [{ title: 'Bài một' }]);
    const view = await renderLibrary(() => {}, null);
    await untilInAct(() => rowTitles(view).length === 1, 'the row');
    const mine = [...view.querySelectorAll<HTMLInputElement>('.library-toolbar input[type="radio"]')].find(
      (input) => input.closest('label')?.textContent === 'Chỉ của tôi',
    )!;
    expect(mine.disabled).toBe(true);
  });

  it('shows under the time of the last change who made it, with their role on hover', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    const [mine, approved] = await addArticles(library, [{ title: 'Bài nháp' }, { title: 'Bài đã duyệt' }]);
    await moveArticlesTo(library.handlers, [{ id: approved!, status: 'approved' }], { name: 'Thu Hà', role: 'editor' });
    const view = await renderLibrary();
    await untilInAct(() => rowTitles(view).length === 2, 'the rows');
    const lastChangeIn = (title: string) =>
      [...view.querySelectorAll('.article-row')]
        .find((row) => row.querySelector('.title-link')?.textContent === title)!
        .querySelector<HTMLElement>('.cell-date')!;
    expect(lastChangeIn('Bài nháp').textContent).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\dNgọc Sơn$/);
    expect(lastChangeIn('Bài đã duyệt').querySelector<HTMLElement>('.updated-by')!.textContent).toBe('Thu Hà');
    expect(lastChangeIn('Bài đã duyệt').querySelector<HTMLElement>('.updated-by')!.title).toMatch(
      /^Sửa lần cuối: Thu Hà \(Biên tập viên\), \d\d:\d\d \d\d\/\d\d$/,
    );
    expect(mine).toBeDefined();
  });

  it('keeps only a window of rows in the DOM with 2,000 articles, and opens the row chosen with the arrow keys', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    await addArticles(
      library,
      Array.from({ length: 2_000 }, (_, index) => ({ title: `Bài số ${index}` })),
    );
    const onOpen = vi.fn();
    const view = await renderLibrary(onOpen);
    await untilInAct(() => view.textContent.includes('2.000 bài'), 'the count');
    const rendered = view.querySelectorAll('.article-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    const list = view.querySelector<HTMLElement>('.article-list')!;
    const titles = rowTitles(view);
    await act(async () => {
      list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await act(async () => {
      list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    const openedTitle = (await library.store.get(onOpen.mock.calls[0]![0] as string)).title;
    expect(openedTitle).toBe(titles[1]);
  }, 60_000);
});
