import type { ArticleContent } from '../../../../../shared/articleModel';
import { bylineText, photoCreditText } from '../../../../../shared/creditLines';
import { documentBlocks, type DocumentBlock } from '../../../../../shared/documentBlocks';
import { formatDisplayDate } from '../../../../../shared/publicationDate';
import { useMessages } from '../../../i18n/MessagesContext';
import { PhotoThumb } from './PhotoThumb';

/** Consecutive list items make one list, quote paragraphs one quote, table cells one table; every other block stands alone. */
function groupBlocks(blocks: readonly DocumentBlock[]): DocumentBlock[][] {
  const groups: DocumentBlock[][] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    const joins = last !== undefined && last[0]!.kind === block.kind && ['bulletItem', 'orderedItem', 'quote', 'cell'].includes(block.kind);
    if (joins) last.push(block);
    else groups.push([block]);
  }
  return groups;
}

function BlockGroup({ group }: { group: DocumentBlock[] }) {
  const first = group[0]!;
  switch (first.kind) {
    case 'heading':
      return first.level === 3 ? <h5 className="version-heading">{first.text}</h5> : <h4 className="version-heading">{first.text}</h4>;
    case 'bulletItem':
    case 'orderedItem': {
      const items = group.map((block, index) => <li key={index}>{block.text}</li>);
      return first.kind === 'bulletItem' ? <ul>{items}</ul> : <ol>{items}</ol>;
    }
    case 'quote':
      return (
        <blockquote>
          {group.map((block, index) => (
            <p key={index}>{block.text}</p>
          ))}
        </blockquote>
      );
    // The version's text holds no rows and columns: each cell's text on a line of its own, framed as one table.
    case 'cell':
      return (
        <div className="version-table">
          {group.map((block, index) => (
            <p key={index}>{block.text}</p>
          ))}
        </div>
      );
    case 'caption':
      return (
        <figure className="version-figure">
          <PhotoThumb mediaId={first.photo!.mediaId} size="large" />
          {first.text !== '' && <figcaption>{first.text}</figcaption>}
          {first.photo!.credit !== '' && <small className="version-figure-credit">{first.photo!.credit}</small>}
        </figure>
      );
    case 'rule':
      return <hr />;
    case 'paragraph':
      return <p>{first.text}</p>;
  }
}

/**
 * An article as a version holds it, to read, not to edit: date and status, title, sapo, the body as paragraphs
 * (headings, lists, quotes and photos with their captions), and the closing byline and credit lines. Plain text in
 * React text nodes; formatting (bold, links) is not shown.
 */
export function VersionView({ content }: { content: ArticleContent }) {
  const messages = useMessages();
  const byline = bylineText(content.bylineRole, content.bylineName);
  const credit = photoCreditText(content.bylineRole, content.photoCredit);
  const groups = groupBlocks(documentBlocks(content.body));
  const closing = [byline, credit].filter((line) => line !== '');
  return (
    <article className="version-view">
      <p className="version-meta">
        {messages.versions.viewMeta(formatDisplayDate(content.publicationDate), messages.status[content.status])}
      </p>
      <h3 className="version-title">{content.title.trim() === '' ? messages.versions.untitled : content.title}</h3>
      {content.sapo.trim() !== '' && <p className="version-sapo">{content.sapo}</p>}
      <div className="version-body">
        {groups.map((group, index) => (
          <BlockGroup key={index} group={group} />
        ))}
      </div>
      {closing.length > 0 && (
        <div className="version-closing">
          {closing.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
      )}
    </article>
  );
}
