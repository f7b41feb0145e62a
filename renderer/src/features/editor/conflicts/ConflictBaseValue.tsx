import type { ArticleContent } from '../../../../../shared/articleModel';
import type { ConflictFieldName } from '../../../../../shared/conflictModel';
import { bylineText } from '../../../../../shared/creditLines';
import { documentBlocks } from '../../../../../shared/documentBlocks';
import { formatDisplayDate } from '../../../../../shared/publicationDate';
import { useMessages } from '../../../i18n/MessagesContext';
import { PhotoThumb } from '../versions/PhotoThumb';

/** A field of the common version as it reads, plain: the two other columns show their changes from it. */
export function ConflictBaseValue({ content, field }: { content: ArticleContent; field: ConflictFieldName }) {
  const messages = useMessages();
  const text = (value: string) => (value.trim() === '' ? <span className="muted">{messages.conflicts.empty}</span> : value);
  switch (field) {
    case 'title':
      return <p className="conflict-text">{text(content.title)}</p>;
    case 'sapo':
      return <p className="conflict-text">{text(content.sapo)}</p>;
    case 'byline':
      return <p className="conflict-text">{text(bylineText(content.bylineRole, content.bylineName))}</p>;
    case 'credit':
      return (
        <p className="conflict-text">
          {text(content.photoCredit)} <span className="muted">({messages.versions.creditMode[content.photoCreditMode]})</span>
        </p>
      );
    case 'publicationDate':
      return <p className="conflict-text">{formatDisplayDate(content.publicationDate)}</p>;
    case 'body':
      return (
        <ol className="conflict-blocks">
          {documentBlocks(content.body).map((block, index) => (
            <li key={index} className={block.photo === null ? 'conflict-block' : 'conflict-block conflict-block-photo'}>
              {block.photo !== null && <PhotoThumb mediaId={block.photo.mediaId} />}
              <span>{block.text}</span>
            </li>
          ))}
        </ol>
      );
  }
}
