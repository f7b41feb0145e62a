import type { Editor } from '@tiptap/core';
import { act } from 'react';
import type { ArticleContent } from '../../shared/articleModel';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { App } from '../../renderer/src/App';
import { seedArticleParts } from '../fixtures/seedArticle';
import { untilInAct } from './untilInAct';
import type { useRendering } from './useRendering';

// jsdom lays nothing out: ProseMirror's scrolling to the selection (after focus()) asks a range for its rectangles.
if (!('getClientRects' in Range.prototype)) {
  const noRect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) };
  Object.assign(Range.prototype, { getClientRects: () => [], getBoundingClientRect: () => noRect });
}

export const buttons = (scope: ParentNode = document) => [...scope.querySelectorAll('button')];
export const buttonNamed = (name: string, scope: ParentNode = document) =>
  buttons(scope).find((button) => button.textContent?.trim() === name);

/** The body's Tiptap editor (Tiptap hangs it on its element). */
export function bodyEditor(): Editor {
  return (document.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }).editor;
}

/** The body's paragraphs' text, as the reader sees it. */
export function bodyParagraphs(): string[] {
  const texts: string[] = [];
  bodyEditor().state.doc.descendants((node) => {
    if (node.isTextblock) texts.push(node.textContent);
    return !node.isTextblock;
  });
  return texts;
}

/** Sets a field's value the way React sees a user's typing. */
export async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const prototype = Object.getPrototypeOf(field) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: Element | null | undefined, what: string) {
  if (element === null || element === undefined) throw new Error(`Nothing to click: ${what}`);
  await act(async () => (element as HTMLElement).click());
}

export async function press(target: EventTarget, key: string, modifiers: KeyboardEventInit = {}) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
  });
}

/** Types text at the end of the body's paragraph `index`, as keystrokes reach ProseMirror (one transaction). */
export async function typeInBody(index: number, text: string) {
  const editor = bodyEditor();
  let end = -1;
  let seen = 0;
  editor.state.doc.descendants((node, position) => {
    if (node.isTextblock && seen++ === index) end = position + node.nodeSize - 1;
    return !node.isTextblock;
  });
  await act(async () => {
    editor.view.dispatch(editor.state.tr.insertText(text, end));
  });
}

/** The seed article's parts as article content (its paragraphs the body). */
export function seedContent(): Partial<ArticleContent> {
  const parts = seedArticleParts();
  return {
    title: parts.title,
    sapo: parts.sapo,
    body: paragraphsBody(parts.paragraphs),
    bylineRole: parts.bylineRole,
    bylineName: parts.bylineName,
    photoCredit: parts.photoCredit,
    photoCreditMode: 'manual',
  };
}

export function paragraphsBody(paragraphs: readonly string[]): DocumentNodeJson {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] })) };
}

/** Renders the app and opens the article titled `title` (its row's button), waiting for the body editor. */
export async function openArticle(render: ReturnType<typeof useRendering>, title: string) {
  const view = await render(<App />);
  await untilInAct(() => buttonNamed(title) !== undefined, `the row of "${title}"`);
  await click(buttonNamed(title), title);
  await untilInAct(
    () => document.querySelector('.ProseMirror') !== null && document.querySelector('.counts-status')?.textContent !== '',
    'the editor',
  );
  return view;
}

export const titleField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-title')!;
export const sapoField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-sapo')!;
export const bylineField = () => document.querySelector<HTMLInputElement>('.field-byline input')!;
