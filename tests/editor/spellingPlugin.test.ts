import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SpellingBlock } from '../../renderer/src/features/editor/spelling/checkTextBlocks';
import { Spelling } from '../../renderer/src/features/editor/spelling/Spelling';
import {
  createInThreadChecker,
  createSpellingChecker,
  type SpellingChecker,
} from '../../renderer/src/features/editor/spelling/SpellingChecker';
import { addKnownWords, misspellingsOf, spellingPluginKey } from '../../renderer/src/features/editor/spelling/spellingPlugin';
import { documentExtensions } from '../../shared/documentExtensions';

const mounted: Editor[] = [];

afterEach(() => {
  for (const editor of mounted.splice(0)) {
    editor.view.dom.parentElement?.remove();
    editor.destroy();
  }
});

/** The in-page checker, counting the blocks of each check; its answers can be held back to arrive late. */
function countingChecker() {
  const inner = createInThreadChecker();
  const calls: SpellingBlock[][] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const checker: SpellingChecker = {
    setKnown: (words) => inner.setKnown(words),
    check: (id, blocks) => {
      calls.push([...blocks]);
      const answer = inner.check(id, blocks);
      return holding ? new Promise((resolve) => held.push(() => void answer.then(resolve))) : answer;
    },
    destroy: () => undefined,
  };
  return {
    checker,
    calls,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const answer of held.splice(0)) answer();
    },
  };
}

function createEditor(paragraphs: readonly string[], checker: SpellingChecker): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const content: JSONContent = {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
  const editor = new Editor({
    element,
    extensions: [...documentExtensions, Spelling.configure({ createChecker: () => checker })],
    content,
  });
  mounted.push(editor);
  return editor;
}

/** Lets queued work and the checker's answers run (a few turns of the event loop, never a fixed time). */
async function until(predicate: () => boolean, what: string) {
  for (let turn = 0; turn < 200; turn += 1) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const underlined = (editor: Editor) => misspellingsOf(editor.state).map(({ word }) => word);

/** The position just inside the end of the paragraph at `index`. */
function endOfParagraph(editor: Editor, index: number): number {
  let position = 0;
  editor.state.doc.forEach((node, offset, childIndex) => {
    if (childIndex === index) position = offset + node.nodeSize - 1;
  });
  return position;
}

function typeAt(editor: Editor, position: number, text: string) {
  editor.view.dispatch(editor.state.tr.insertText(text, position, position));
}

const paragraphs = Array.from({ length: 30 }, (_, index) => `Đoạn thứ ${index + 1} của bài, có người đọc.`);

describe('the incremental spell check', () => {
  it('checks every block once, then only the blocks changed since', async () => {
    const counting = countingChecker();
    const editor = createEditor(paragraphs, counting.checker);
    await until(() => counting.calls.length === 1 && misspellingsOf(editor.state).length === 0, 'the first check');
    expect(counting.calls[0]).toHaveLength(30);

    typeAt(editor, endOfParagraph(editor, 4), ' Nhiều nguời.');
    await until(() => underlined(editor).length === 1, 'the typo underlined');
    expect(counting.calls).toHaveLength(2);
    expect(counting.calls[1]!.map((block) => block.text)).toEqual(['Đoạn thứ 5 của bài, có người đọc. Nhiều nguời.']);
    expect(underlined(editor)).toEqual(['nguời']);

    // Typing while a check is on its way: one more batch afterwards, with just the blocks changed meanwhile.
    counting.hold();
    typeAt(editor, endOfParagraph(editor, 9), ' hôij');
    await until(() => counting.calls.length === 3, 'the third check sent');
    typeAt(editor, endOfParagraph(editor, 19), ' tôi');
    typeAt(editor, endOfParagraph(editor, 24), ' em');
    typeAt(editor, endOfParagraph(editor, 19), ' nhé');
    counting.release();
    await until(() => counting.calls.length === 4 && underlined(editor).length === 2, 'the fourth check');
    expect(counting.calls[2]).toHaveLength(1);
    expect(counting.calls[3]!.map((block) => block.text)).toEqual([
      'Đoạn thứ 20 của bài, có người đọc. tôi nhé',
      'Đoạn thứ 25 của bài, có người đọc. em',
    ]);
    expect(underlined(editor)).toEqual(['nguời', 'hôij']);
  });

  it('maps a late answer through the edits made meanwhile, and drops it for a block changed since', async () => {
    const counting = countingChecker();
    const editor = createEditor(paragraphs.slice(0, 5), counting.checker);
    await until(() => counting.calls.length === 1 && editor.state.doc.childCount === 5, 'the first check');

    counting.hold();
    typeAt(editor, endOfParagraph(editor, 3), ' nguời');
    await until(() => counting.calls.length === 2, 'the check sent');
    // Text added before the block moves it; the block itself is untouched, so its answer still applies.
    typeAt(editor, 1, 'Mở đầu. ');
    counting.release();
    await until(() => underlined(editor).length === 1, 'the late answer laid over the moved block');
    const [found] = misspellingsOf(editor.state);
    expect(editor.state.doc.textBetween(found!.from, found!.to)).toBe('nguời');

    counting.hold();
    typeAt(editor, endOfParagraph(editor, 2), ' hôij');
    await until(() => counting.calls.length === 4, 'another check sent');
    // The same block changed again before the answer: the answer for it is dropped and the block checked again.
    typeAt(editor, endOfParagraph(editor, 2), ' nữa');
    const sentBefore = counting.calls.length;
    counting.release();
    await until(() => counting.calls.length === sentBefore + 1 && underlined(editor).length === 2, 'the block checked again');
    expect(counting.calls.at(-1)!.map((block) => block.text)).toEqual(['Đoạn thứ 3 của bài, có người đọc. hôij nữa']);
    for (const { from, to, word } of misspellingsOf(editor.state)) expect(editor.state.doc.textBetween(from, to)).toBe(word);
  });

  it('waits to underline the word being typed until the cursor leaves it', async () => {
    const counting = countingChecker();
    const editor = createEditor(['Hôm nay'], counting.checker);
    await until(() => counting.calls.length === 1, 'the first check');
    editor.commands.setTextSelection(endOfParagraph(editor, 0));
    // Typed as the keyboard does: the cursor after each letter ("ngươ" on the way to "người" is no syllable).
    for (const letter of ' ngươ') {
      editor.view.dispatch(editor.state.tr.insertText(letter));
      await until(() => counting.calls.length > 1 && spellingPluginKey.getState(editor.state)!.sent === null, 'the check of the letter');
    }
    expect(underlined(editor)).toEqual([]);
    editor.view.dispatch(editor.state.tr.insertText(' '));
    await until(() => underlined(editor).length === 1, 'the word underlined once the cursor left it');
    expect(underlined(editor)).toEqual(['ngươ']);
    // Going back into it does not hide it; moving away from a word that was waiting brings its underline.
    editor.view.dispatch(editor.state.tr.insertText('nữaa'));
    await until(() => spellingPluginKey.getState(editor.state)!.sent === null && counting.calls.length > 7, 'the next word checked');
    expect(underlined(editor)).toEqual(['ngươ']);
    editor.commands.setTextSelection(1);
    await until(() => underlined(editor).length === 2, 'the word left by a click underlined');
    expect(underlined(editor)).toEqual(['ngươ', 'nữaa']);
    // The cursor put in a word already underlined (to correct it) does not hide it when its paragraph is checked again.
    const inWord = editor.state.doc.textContent.indexOf('ngươ') + 3;
    editor.commands.setTextSelection(inWord);
    const sent = counting.calls.length;
    typeAt(editor, endOfParagraph(editor, 0), ' nhé');
    await until(
      () => counting.calls.length > sent && spellingPluginKey.getState(editor.state)!.sent === null,
      'the paragraph checked again',
    );
    expect(editor.state.selection.head).toBe(inWord);
    expect(underlined(editor)).toEqual(['ngươ', 'nữaa']);
  });

  it('drops the underline of a word made known without checking again, and sends nothing while an input method composes', async () => {
    const counting = countingChecker();
    const editor = createEditor(['Buổi livestream có nhiều nguời xem.'], counting.checker);
    await until(() => underlined(editor).length === 2, 'the first check');
    addKnownWords(editor.view, ['Livestream']);
    expect(underlined(editor)).toEqual(['nguời']);
    expect(counting.calls).toHaveLength(1);

    Object.defineProperty(editor.view, 'composing', { configurable: true, get: () => true });
    typeAt(editor, endOfParagraph(editor, 0), ' hôij');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(counting.calls).toHaveLength(1);
    // The composition ends: the next transaction sends the block.
    Reflect.deleteProperty(editor.view, 'composing');
    editor.view.dispatch(editor.state.tr);
    await until(() => underlined(editor).length === 2, 'the composed word checked');
    expect(counting.calls).toHaveLength(2);
    // A word made known is not underlined by a later check either.
    expect(underlined(editor)).toEqual(['nguời', 'hôij']);

    // A link made over a word changes no text, yet the word is no longer checked.
    const start = editor.state.doc.textContent.indexOf('hôij') + 1;
    editor.view.dispatch(
      editor.state.tr.addMark(start, start + 'hôij'.length, editor.schema.marks['link']!.create({ href: 'https://example.vn' })),
    );
    await until(() => underlined(editor).length === 1, 'the linked word checked again');
    expect(counting.calls.at(-1)).toHaveLength(1);
  });
});

describe('the checker behind the plugin', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('goes on in the page when the worker cannot start, answering what was already sent', async () => {
    const posted: unknown[] = [];
    // A Worker whose script fails to load (a CSP or packaging mistake): its error comes after the first messages.
    class FailingWorker {
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: ((event: Event) => void) | null = null;
      constructor(readonly url: URL) {
        setTimeout(() => this.onerror?.(new Event('error', { cancelable: true })));
      }
      postMessage(message: unknown) {
        posted.push(message);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FailingWorker);
    const checker = createSpellingChecker();
    checker.setKnown(['email']);
    const answer = await checker.check(1, [{ from: 0, text: 'Gửi email cho nguời đọc.' }]);
    expect(posted).toEqual([
      { kind: 'known', words: ['email'] },
      { kind: 'check', id: 1, blocks: [{ from: 0, text: 'Gửi email cho nguời đọc.' }] },
    ]);
    expect(answer).toEqual({ id: 1, results: [{ from: 0, found: [{ start: 14, end: 19, word: 'nguời' }] }] });
    // Later checks run in the page at once.
    expect((await checker.check(2, [{ from: 5, text: 'hôij' }])).results[0]!.found.map(({ word }) => word)).toEqual(['hôij']);
    expect(posted).toHaveLength(2);
    checker.destroy();
  });
});
