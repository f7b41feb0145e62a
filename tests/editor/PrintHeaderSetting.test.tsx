import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { buttonNamed, click, typeInto } from '../support/articleEditorPage';
import { installInProcessApi } from '../support/installInProcessApi';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

const settingsDialog = () => document.querySelector<HTMLDialogElement>('dialog.settings-dialog');
const printHeaderField = () =>
  [...settingsDialog()!.querySelectorAll('label')]
    .find((label) => label.querySelector('.field-label')?.textContent === 'Dòng đầu trang khi in')
    ?.querySelector('input') ?? null;

async function openSettings() {
  await untilInAct(() => buttonNamed('Cài đặt') !== undefined, 'the library');
  await click(buttonNamed('Cài đặt'), 'Cài đặt');
  await untilInAct(() => settingsDialog() !== null, 'the settings dialog');
}

async function saveSettings() {
  await click(buttonNamed('Lưu cài đặt', settingsDialog()!), 'Lưu cài đặt');
  await untilInAct(() => settingsDialog() === null, 'the dialog to close');
}

describe('"Dòng đầu trang khi in" in Cài đặt', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('saves the header as one line in NFC into the shared settings, and leaves it unset when untouched', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    // The save reaches main after the dialog closes: wait until main holds the header expected.
    const savedAs = async (expected: string) => {
      let stored: string | undefined;
      await untilInAct(() => {
        void handlers['settings:get']({}).then((settings) => (stored = settings.printHeader));
        return stored === expected;
      }, `the header saved as "${expected}"`);
    };
    await render(<App />);

    // Saving other settings without touching the field sets no header (the print page keeps "Bản Thảo").
    await openSettings();
    const field = printHeaderField()!;
    expect(field.value).toBe('');
    expect(field.maxLength).toBe(200);
    expect(field.placeholder).toBe('Bản Thảo');
    await saveSettings();
    await untilInAct(() => document.body.textContent.includes('Đã lưu cài đặt'), 'the settings saved');
    expect((await handlers['settings:get']({})).printHeader).toBeUndefined();

    // Typed decomposed (macOS, "Unicode tổ hợp"), with a tab and stray spaces pasted in (a text input drops line breaks itself).
    await openSettings();
    await typeInto(printHeaderField()!, '  THÔNG TẤN XÃ\tVIỆT   NAM '.normalize('NFD'));
    await saveSettings();
    await savedAs('THÔNG TẤN XÃ VIỆT NAM');

    // Shown again when the dialog reopens; emptied, the app's name is printed again.
    await openSettings();
    expect(printHeaderField()!.value).toBe('THÔNG TẤN XÃ VIỆT NAM');
    await typeInto(printHeaderField()!, '');
    await saveSettings();
    await savedAs('');
  });
});
