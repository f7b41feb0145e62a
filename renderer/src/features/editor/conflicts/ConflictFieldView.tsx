import { useId } from 'react';
import type { ConflictSide, ConflictView } from '../../../../../shared/conflictModel';
import type { ConflictFieldState } from '../../../../../shared/mergeConflict';
import { useMessages } from '../../../i18n/MessagesContext';
import { ConflictBaseValue } from './ConflictBaseValue';
import { ConflictSideChanges } from './ConflictSideChanges';
import { conflictWording } from './conflictWording';

export interface ConflictFieldViewProps {
  view: ConflictView;
  state: ConflictFieldState;
  sender: string;
  side: ConflictSide;
  onSide: (side: ConflictSide) => void;
  /** The text typed by hand, for the fields that take one (null: the field is chosen whole). */
  text: string | null;
  onText: (text: string) => void;
}

/**
 * One field both sides left different: the common version, the local copy and the package's side by side (each side's
 * changes from the common one highlighted), the side to keep, and for a text field a box to merge the two by hand.
 */
export function ConflictFieldView({ view, state, sender, side, onSide, text, onText }: ConflictFieldViewProps) {
  const messages = conflictWording(useMessages(), view.conflict.source);
  const headingId = useId();
  const { field } = state;
  const changedBy = state.mineChanged && state.theirsChanged ? 'both' : state.theirsChanged ? 'theirs' : 'mine';
  const name = `conflict-${field}`;
  return (
    <section className={`conflict-field conflict-field-${field}`} aria-labelledby={headingId}>
      <header className="conflict-field-head">
        <h3 id={headingId} className="conflict-field-name">
          {messages.field[field]}
        </h3>
        <span className={`diff-tag conflict-changed-${changedBy}`}>{messages.changedBy[changedBy]}</span>
      </header>
      <div className="conflict-columns">
        <div className="conflict-column conflict-column-base">
          <p className="conflict-column-name">{messages.base}</p>
          <ConflictBaseValue content={view.base} field={field} />
        </div>
        <div className={side === 'mine' ? 'conflict-column conflict-column-chosen' : 'conflict-column'}>
          <p className="conflict-column-name">{messages.mine}</p>
          <ConflictSideChanges diff={view.mineDiff} field={field} />
        </div>
        <div className={side === 'theirs' ? 'conflict-column conflict-column-chosen' : 'conflict-column'}>
          <p className="conflict-column-name">{messages.theirs(sender)}</p>
          <ConflictSideChanges diff={view.theirsDiff} field={field} />
        </div>
      </div>
      <fieldset className="conflict-choice">
        <legend className="visually-hidden">{messages.field[field]}</legend>
        <span aria-hidden="true" />
        <label className="conflict-option">
          <input type="radio" name={name} checked={side === 'mine'} onChange={() => onSide('mine')} />
          {messages.keepMine}
        </label>
        <label className="conflict-option">
          <input type="radio" name={name} checked={side === 'theirs'} onChange={() => onSide('theirs')} />
          {messages.takeTheirs}
        </label>
      </fieldset>
      {text !== null && (
        <label className="conflict-hand-edit">
          <span className="field-label">
            {messages.handEdit}: {messages.field[field].toLocaleLowerCase('vi')}
          </span>
          <textarea
            rows={field === 'sapo' ? 3 : 1}
            value={text}
            title={messages.handEditHint}
            // One paragraph, as in the editor: a line break becomes a space.
            onChange={(event) => onText(event.target.value.replace(/\n/g, ' '))}
          />
        </label>
      )}
      {field === 'body' && <p className="conflict-note muted">{messages.bodyNote}</p>}
    </section>
  );
}
