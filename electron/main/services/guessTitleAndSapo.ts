import type { DocumentNodeJson } from '../../../shared/documentJson';

/** The guessed title and sapo as plain text, the blocks they came from (null when not guessed), and the body without them. */
export interface TitleAndSapoGuess {
  title: string;
  sapo: string;
  titleBlock: DocumentNodeJson | null;
  sapoBlock: DocumentNodeJson | null;
  body: DocumentNodeJson[];
}

/** The longest first paragraph taken for a title, and the longest next one taken for a sapo. */
const titleMaximumLength = 250;
const sapoMaximumLength = 1_200;

/** A block's text on one line: line breaks become spaces, runs of white space one space. */
export function plainTextOf(block: DocumentNodeJson): string {
  const parts: string[] = [];
  const visit = (node: DocumentNodeJson) => {
    if (node.type === 'text') parts.push(node.text ?? '');
    if (node.type === 'hardBreak') parts.push(' ');
    for (const child of node.content ?? []) visit(child);
  };
  visit(block);
  return parts.join('').replace(/\s+/gu, ' ').trim().normalize('NFC');
}

/**
 * Guesses the title and sapo from the top of a Word document, for the user to confirm or correct: the title is the
 * first block when it is a heading, or a short paragraph that does not end like a sentence; the sapo is the paragraph
 * right after a guessed title, when it is not too long. What is guessed is taken out of the body.
 */
export function guessTitleAndSapo(blocks: readonly DocumentNodeJson[]): TitleAndSapoGuess {
  const none: TitleAndSapoGuess = { title: '', sapo: '', titleBlock: null, sapoBlock: null, body: [...blocks] };
  const [first, second] = blocks;
  if (first === undefined || (first.type !== 'heading' && first.type !== 'paragraph')) return none;
  const title = plainTextOf(first);
  const looksLikeTitle = first.type === 'heading' || !/[.,;:]$/u.test(title);
  if (title === '' || title.length > titleMaximumLength || !looksLikeTitle) return none;
  const sapo = second?.type === 'paragraph' ? plainTextOf(second) : '';
  if (sapo === '' || sapo.length > sapoMaximumLength) return { ...none, title, titleBlock: first, body: blocks.slice(1) };
  return { title, sapo, titleBlock: first, sapoBlock: second!, body: blocks.slice(2) };
}
