import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  anchoredThreadIds,
  anchorRangesOf,
  commentQuoteMaximumLength,
  commentTextMaximumLength as rendererTextMaximumLength,
  quoteOf,
  threadIdsAt,
  threadsInReadingOrder,
} from '../../renderer/src/features/editor/comments/commentAnchors';
import {
  commentQuoteMaximumLength as mainQuoteMaximumLength,
  commentTextMaximumLength,
  type CommentThread,
} from '../../shared/commentModel';
import { documentExtensions } from '../../shared/documentExtensions';

const mounted: { editor: Editor; element: HTMLElement }[] = [];

function createEditor(content: string | JSONContent): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({ element, extensions: documentExtensions, content });
  mounted.push({ editor, element });
  return editor;
}

afterEach(() => {
  for (const { editor, element } of mounted.splice(0)) {
    editor.destroy();
    element.remove();
  }
});

const threadA = '2026-11-30T10-00-00.000Z-aaaaaaaaaaaa';
const threadB = '2026-11-30T10-05-00.000Z-bbbbbbbbbbbb';

/** Anchors a thread over [from, to) as "Bình luận" does (outside the undo history). */
function anchor(editor: Editor, threadId: string, from: number, to: number): void {
  editor.chain().setTextSelection({ from, to }).setMark('commentAnchor', { threadId }).setMeta('addToHistory', false).run();
}

/** The text each thread's anchor covers now. */
function anchoredText(editor: Editor, threadId: string): string[] {
  return (anchorRangesOf(editor.state.doc).get(threadId) ?? []).map(({ from, to }) => editor.state.doc.textBetween(from, to));
}

/** Types at a cursor position the way ProseMirror inserts typed text (with the marks the cursor carries). */
function typeAt(editor: Editor, position: number, text: string): void {
  editor.commands.setTextSelection(position);
  editor.view.dispatch(editor.state.tr.insertText(text));
}

function thread(id: string, quote = ''): CommentThread {
  return { id, quote, comments: [], resolved: null };
}

// "Tin nóng hôm nay": "Tin " is 1-5, "nóng" 5-9, " hôm nay" 9-17.
const sentence = '<p>Tin nóng hôm nay</p>';

describe('a comment anchor in the body', () => {
  it('covers the commented text and carries its thread id into the stored JSON, and back', () => {
    const editor = createEditor(sentence);
    anchor(editor, threadA, 5, 9);
    expect(anchoredText(editor, threadA)).toEqual(['nóng']);
    const json = editor.getJSON();
    expect(JSON.stringify(json)).toContain(`{"type":"commentAnchor","attrs":{"threadId":"${threadA}"}}`);
    expect(anchoredText(createEditor(json), threadA)).toEqual(['nóng']);
  });

  it('moves with the text when text is typed before it', () => {
    const editor = createEditor(sentence);
    anchor(editor, threadA, 5, 9);
    typeAt(editor, 1, 'Có ');
    expect(anchoredText(editor, threadA)).toEqual(['nóng']);
    expect(anchorRangesOf(editor.state.doc).get(threadA)).toEqual([{ from: 8, to: 12 }]);
    // Right before it: the new text stays outside.
    typeAt(editor, 8, 'rất ');
    expect(editor.getText()).toBe('Có Tin rất nóng hôm nay');
    expect(anchoredText(editor, threadA)).toEqual(['nóng']);
  });

  it('takes in text typed inside it', () => {
    const editor = createEditor(sentence);
    anchor(editor, threadA, 5, 9);
    typeAt(editor, 7, 'ó-ó');
    expect(anchoredText(editor, threadA)).toEqual(['nóó-óng']);
  });

  it('does not grow when text is typed at its end', () => {
    const editor = createEditor(sentence);
    anchor(editor, threadA, 5, 9);
    typeAt(editor, 9, ' lắm');
    expect(editor.getText()).toBe('Tin nóng lắm hôm nay');
    expect(anchoredText(editor, threadA)).toEqual(['nóng']);
  });

  it('keeps what is left when part of its text is deleted, and detaches the thread when all of it is', () => {
    const editor = createEditor(sentence);
    anchor(editor, threadA, 5, 9);
    editor.commands.deleteRange({ from: 5, to: 7 });
    expect(anchoredText(editor, threadA)).toEqual(['ng']);
    expect(threadsInReadingOrder([thread(threadA)], anchoredThreadIds(editor.state.doc)).detached).toEqual([]);

    editor.commands.deleteRange({ from: 5, to: 7 });
    expect(editor.getText()).toBe('Tin  hôm nay');
    expect(anchorRangesOf(editor.state.doc).has(threadA)).toBe(false);
    expect(threadsInReadingOrder([thread(threadA)], anchoredThreadIds(editor.state.doc))).toEqual({
      placed: [],
      detached: [thread(threadA)],
    });
  });

  it('comes back with its text when the deletion is undone', () => {
    const editor = createEditor(sentence);
    anchor(editor, threadA, 5, 9);
    editor.commands.deleteRange({ from: 1, to: 17 });
    expect(anchoredThreadIds(editor.state.doc)).toEqual([]);
    editor.commands.undo();
    expect(anchoredText(editor, threadA)).toEqual(['nóng']);
  });

  it('lets two threads cover the same text, each keeping its own', () => {
    const editor = createEditor(sentence);
    anchor(editor, threadA, 1, 9);
    anchor(editor, threadB, 5, 17);
    expect(anchoredText(editor, threadA)).toEqual(['Tin nóng']);
    expect(anchoredText(editor, threadB)).toEqual(['nóng hôm nay']);
    expect(threadIdsAt(editor.state.doc, 6).sort()).toEqual([threadA, threadB]);
    expect(threadIdsAt(editor.state.doc, 2)).toEqual([threadA]);
    expect(threadIdsAt(editor.state.doc, 12)).toEqual([threadB]);
  });

  it('follows its text over several paragraphs and through bold text within it', () => {
    const editor = createEditor('<p>Một <strong>hai</strong> ba</p><p>bốn năm</p>');
    // "Một hai ba" is 1-11; the second paragraph's text starts at 13.
    anchor(editor, threadA, 5, 17);
    expect(anchoredText(editor, threadA)).toEqual(['hai ba', 'bốn ']);
    expect(quoteOf(editor.state.doc, 5, 17)).toBe('hai ba bốn');
  });
});

describe('comment anchors are made only by "Bình luận"', () => {
  const forged = `<p>Trước <span class="comment-anchor" data-comment-thread="${threadA}">giả mạo</span> sau</p>`;

  it('are not created by pasted HTML that looks like one', () => {
    const editor = createEditor('<p>Đoạn có sẵn.</p>');
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    // jsdom has no ClipboardEvent; ProseMirror only reads the event for paste handlers that check it.
    editor.view.pasteHTML(forged, new Event('paste') as ClipboardEvent);
    expect(editor.getText()).toContain('giả mạo');
    expect(anchoredThreadIds(editor.state.doc)).toEqual([]);
    expect(JSON.stringify(editor.getJSON())).not.toContain('commentAnchor');
  });

  it('are not created by HTML content either', () => {
    const editor = createEditor(forged);
    editor.commands.insertContent(forged);
    expect(anchoredThreadIds(editor.state.doc)).toEqual([]);
  });
});

describe('the panel’s order', () => {
  it('lists threads by where their text is in the body, not by when they were started, then the detached ones', () => {
    const editor = createEditor('<p>Mở đầu. Giữa bài. Kết bài.</p>');
    const later = '2026-11-30T11-00-00.000Z-cccccccccccc';
    // Started first on the end, then on the beginning, then one on the middle.
    anchor(editor, threadA, 19, 27);
    anchor(editor, threadB, 1, 8);
    anchor(editor, later, 9, 18);
    const gone = '2026-11-30T09-00-00.000Z-dddddddddddd';
    const listed = [thread(gone), thread(threadA), thread(threadB), thread(later)];
    expect(anchoredThreadIds(editor.state.doc)).toEqual([threadB, later, threadA]);
    const { placed, detached } = threadsInReadingOrder(listed, anchoredThreadIds(editor.state.doc));
    expect(placed.map((each) => each.id)).toEqual([threadB, later, threadA]);
    expect(detached.map((each) => each.id)).toEqual([gone]);
  });

  it('ignores anchors of threads it does not know (their records have not arrived yet)', () => {
    const editor = createEditor(sentence);
    anchor(editor, threadB, 1, 4);
    expect(threadsInReadingOrder([thread(threadA)], anchoredThreadIds(editor.state.doc))).toEqual({
      placed: [],
      detached: [thread(threadA)],
    });
  });
});

describe('the quote kept with a thread', () => {
  it('is the selected text in NFC with whitespace folded, cut with "…" within the length main accepts', () => {
    expect(commentQuoteMaximumLength).toBe(mainQuoteMaximumLength);
    expect(rendererTextMaximumLength).toBe(commentTextMaximumLength);
    // Decomposed Vietnamese, as some input methods produce it.
    const editor = createEditor(`<p>${'Tiếng Việt '.normalize('NFD')}</p><p>${'chữ '.repeat(400)}</p>`);
    const quote = quoteOf(editor.state.doc, 1, editor.state.doc.content.size - 1);
    expect(quote.startsWith('Tiếng Việt chữ chữ')).toBe(true);
    expect(quote).toBe(quote.normalize('NFC'));
    expect(quote.length).toBe(commentQuoteMaximumLength);
    expect(quote.endsWith('…')).toBe(true);
  });
});
