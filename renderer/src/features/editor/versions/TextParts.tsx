import type { TextPart } from '../../../../../shared/diffArticles';

/**
 * Runs of compared text: inserted words in <ins> (green, underlined), deleted ones in <del> (red, struck through), so
 * the change reads without colour too. React text nodes only: whatever the text holds is shown, never run.
 */
export function TextParts({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.change === 'inserted' ? (
          <ins key={index}>{part.text}</ins>
        ) : part.change === 'deleted' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
