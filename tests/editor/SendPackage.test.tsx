import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { readReviewPackage } from '../../electron/main/services/readReviewPackage';
import { installInProcessApi } from '../support/installInProcessApi';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
const titleField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-title')!;

describe('"Gửi gói" in the editor', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('saves the pending edits first, then writes the package where the dialog says and tells where', async () => {
    const outbox = await temporaryDirectory();
    const { handlers } = await installInProcessApi(await temporaryDirectory(), null, {
      dialogs: { packagePath: (suggestedFileName) => join(outbox, suggestedFileName) },
    });
    const created = await handlers['article:create']({});
    await handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title: 'Hội nghị' }) });
    await render(<App />);
    await untilInAct(() => buttonNamed('Hội nghị') !== undefined, 'the row');
    await act(async () => buttonNamed('Hội nghị')!.click());
    await untilInAct(() => titleField()?.value === 'Hội nghị' && buttonNamed('Gửi gói') !== undefined, 'the editor');
    // Typed just now: the autosave has not run yet when the button is pressed (the file is named from the saved title).
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(titleField(), 'Hội nghị sơ kết');
      titleField().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => buttonNamed('Gửi gói')!.click());
    await untilInAct(() => document.querySelector('.toast')?.textContent?.includes('Đã ghi gói bài') === true, 'the toast');
    expect(document.querySelector('.toast')!.textContent).toContain('Đã ghi gói bài: hoi-nghi-so-ket.banthao');
    const received = await readReviewPackage(join(outbox, 'hoi-nghi-so-ket.banthao'));
    expect(received.article).toMatchObject({ id: created.id, title: 'Hội nghị sơ kết' });
  });
});
