import type { ConflictFieldName } from '../../../../../shared/conflictModel';
import type { ArticleDiff } from '../../../../../shared/diffArticles';
import { conflictFieldOf } from '../../../../../shared/mergeConflict';
import { useMessages } from '../../../i18n/MessagesContext';
import { FieldChange } from '../versions/DiffView';

/** One side's changes to a field since the common version, shown as the comparison shows them (words, blocks, photos). */
export function ConflictSideChanges({ diff, field }: { diff: ArticleDiff; field: ConflictFieldName }) {
  const messages = useMessages();
  const changes = diff.fields.filter((change) => conflictFieldOf(change.field) === field);
  if (changes.length === 0) return <p className="conflict-unchanged muted">{messages.conflicts.unchanged}</p>;
  return (
    <div className="diff conflict-diff">
      {changes.map((change) => (
        <div key={change.field} className={`diff-field-${change.field}`}>
          {/* A field made of several parts (body and photos, role and name) says which part each change is. */}
          {changes.length > 1 && <p className="diff-sub">{messages.versions.field[change.field]}</p>}
          <FieldChange field={change} />
        </div>
      ))}
    </div>
  );
}
