import type { CheckedFinding } from './checkEditorArticle';

/** Characters of context shown on each side of a change. */
const context = 14;

/** Spaces made visible inside a change: a removed double space must be seen to be checked. */
function visible(text: string): string {
  return text.replace(/ /g, '␣').replace(/\u00a0/g, '⍽');
}

/** "…trước đó<del>x</del>sau đó… → …trước đó<ins>y</ins>sau đó…": the change with a little of its text around it. */
export function FindingChange({ finding }: { finding: CheckedFinding }) {
  const { text, start, end, replacement } = finding;
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const before = (from > 0 ? '…' : '') + text.slice(from, start);
  const after = text.slice(end, to) + (to < text.length ? '…' : '');
  // Advice only: the text it is about, marked, with nothing crossed out.
  if (replacement === null)
    return (
      <span className="typography-change">
        <span className="typography-before">
          {before}
          <mark>{text.slice(start, end)}</mark>
          {after}
        </span>
      </span>
    );
  return (
    <span className="typography-change">
      <span className="typography-before">
        {before}
        <del>{visible(text.slice(start, end))}</del>
        {after}
      </span>
      {' → '}
      <span className="typography-after">
        {before}
        <ins>{visible(replacement)}</ins>
        {after}
      </span>
    </span>
  );
}
