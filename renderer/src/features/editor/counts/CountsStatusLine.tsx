import type { ArticleCounts } from '../../../../../shared/countArticle';
import { useMessages } from '../../../i18n/MessagesContext';

/** "1.234 từ · 7.890 ký tự · 5 phút đọc", with each part's counts and the characters without spaces in its tooltip. */
export function CountsStatusLine({ counts }: { counts: ArticleCounts | null }) {
  const messages = useMessages();
  if (counts === null) return <span className="counts-status" />;
  const number = (value: number) => value.toLocaleString(messages.numberLocale);
  const { total, parts } = counts;
  const details = [
    ...(['title', 'sapo', 'body', 'caption'] as const).map((part) => {
      const { words, characters } = parts[part];
      return `${messages.counts.parts[part]}: ${messages.counts.words(number(words))}, ${messages.counts.characters(number(characters))}`;
    }),
    messages.counts.withoutSpaces(number(total.charactersWithoutSpaces)),
    messages.counts.readingNote,
  ].join('\n');
  return (
    <span className="counts-status" title={details} aria-live="off">
      {[
        messages.counts.words(number(total.words)),
        messages.counts.characters(number(total.characters)),
        messages.counts.reading(number(total.readingMinutes)),
      ].join(' · ')}
    </span>
  );
}
