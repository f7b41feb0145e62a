import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useAppDriver } from './driver/useAppDriver';

const editorBody = (page: Page) => page.getByRole('textbox', { name: 'Nội dung bài', exact: true });
const figures = (page: Page) => page.locator('.body-editor figure');

async function photoBase64(format: 'png' | 'jpeg', colour: string): Promise<string> {
  const image = sharp({ create: { width: 640, height: 480, channels: 3, background: colour } });
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer().then((bytes) => bytes.toString('base64'));
}

/** Dispatches a paste or a drop of one file on the editor, the way the browser does for a real paste or drop. */
async function sendFile(page: Page, kind: 'paste' | 'drop', file: { name: string; type: string; base64: string }) {
  await editorBody(page).evaluate(
    (editor, { kind, file }) => {
      const bytes = Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
      const box = editor.getBoundingClientRect();
      const event =
        kind === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
          : new DragEvent('drop', {
              dataTransfer: transfer,
              bubbles: true,
              cancelable: true,
              clientX: box.left + 20,
              clientY: box.top + 20,
            });
      editor.dispatchEvent(event);
    },
    { kind, file },
  );
}

describe('inserting photos by paste and drop', () => {
  const launchApp = useAppDriver();

  async function openNewArticle(): Promise<Page> {
    const { page } = await launchApp();
    await page.getByRole('button', { name: 'Bài mới' }).first().click();
    await editorBody(page).click();
    return page;
  }

  it('inserts a pasted image and a dropped image as figures', async () => {
    const page = await openNewArticle();
    await sendFile(page, 'paste', { name: 'image.png', type: 'image/png', base64: await photoBase64('png', '#336699') });
    await expect.poll(() => figures(page).count()).toBe(1);
    await sendFile(page, 'drop', { name: 'DSC_0001.JPG', type: 'image/jpeg', base64: await photoBase64('jpeg', '#993333') });
    await expect.poll(() => figures(page).count()).toBe(2);
    await expect
      .poll(() =>
        figures(page)
          .locator('img')
          .evaluateAll((images: HTMLImageElement[]) => images.every((image) => image.naturalWidth > 0)),
      )
      .toBe(true);
  });

  it('refuses an SVG that pretends to be a PNG, with a clear message and no figure', async () => {
    const page = await openNewArticle();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    await sendFile(page, 'paste', { name: 'logo.png', type: 'image/png', base64: svg });
    await page.getByRole('alert').filter({ hasText: 'Không chèn được logo.png' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('SVG');
    expect(await figures(page).count()).toBe(0);
  });

  it('offers "Tin và ảnh" when the author took every photo, and marks the chosen cover', async () => {
    const page = await openNewArticle();
    await sendFile(page, 'paste', { name: 'image.png', type: 'image/png', base64: await photoBase64('png', '#336699') });
    await figures(page).locator('img').waitFor();
    await page.getByRole('combobox', { name: 'Tác giả', exact: true }).fill('Ngọc Sơn');
    await figures(page).getByRole('combobox', { name: 'Ảnh', exact: true }).fill('Ngọc Sơn');
    await page.getByRole('button', { name: 'Dùng dạng “Tin và ảnh: Ngọc Sơn”' }).click();
    expect(await page.locator('.closing-preview').textContent()).toBe('Tin và ảnh: Ngọc Sơn');

    await figures(page).hover();
    await figures(page)
      .getByRole('button', { name: /Ảnh đại diện/ })
      .click();
    await expect.poll(() => figures(page).locator('.cover-badge').count()).toBe(1);
    expect(
      await figures(page)
        .getByRole('button', { name: /Ảnh đại diện/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });
});
