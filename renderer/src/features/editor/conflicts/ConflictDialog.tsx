import { useMemo, useState } from 'react';
import {
  handEditableConflictFields,
  type ConflictFieldName,
  type ConflictSide,
  type HandEditableConflictField,
} from '../../../../../shared/conflictFields';
import type { ConflictChoices, ConflictView } from '../../../../../shared/conflictModel';
import { conflictFieldStates, editableTextOf, suggestedChoices } from '../../../../../shared/mergeConflict';
import { useMessages } from '../../../i18n/MessagesContext';
import { formatDateTime } from '../../../lib/formatDateTime';
import { VersionDialog } from '../versions/VersionDialog';
import { ConflictFieldView } from './ConflictFieldView';
import { conflictWording } from './conflictWording';

export interface ConflictDialogProps {
  view: ConflictView;
  /** Approved or published text: the merge waits until it is back to draft (merging is editing). */
  locked: boolean;
  /** The result is on its way: the buttons wait for it. */
  busy: boolean;
  onSave: (choices: ConflictChoices) => void;
  /** "Để sau" or Esc: nothing is written, the conflict stays pending. */
  onLater: () => void;
}

const isHandEditable = (field: ConflictFieldName): field is HandEditableConflictField =>
  (handEditableConflictFields as readonly string[]).includes(field);

/**
 * The three-way view: each field the two copies left different, with the common version, the local copy and the
 * package's side by side, the side to keep (preset to the side that changed it), and text fields editable by hand.
 */
export function ConflictDialog({ view, locked, busy, onSave, onLater }: ConflictDialogProps) {
  const messages = useMessages();
  const wording = conflictWording(messages, view.conflict.source);
  const sender = view.conflict.sentBy?.name ?? wording.someone;
  const states = useMemo(() => conflictFieldStates(view.base, view.mine, view.theirs), [view]);
  const [sides, setSides] = useState<Record<ConflictFieldName, ConflictSide>>(() => {
    const suggested = suggestedChoices(view.base, view.mine, view.theirs);
    return Object.fromEntries(Object.entries(suggested).map(([field, choice]) => [field, choice.side])) as Record<
      ConflictFieldName,
      ConflictSide
    >;
  });
  const sideContent = (side: ConflictSide) => (side === 'mine' ? view.mine : view.theirs);
  // What each text field's box holds: the chosen side's text until the user types.
  const [texts, setTexts] = useState<Record<HandEditableConflictField, string>>(
    () =>
      Object.fromEntries(handEditableConflictFields.map((field) => [field, editableTextOf(sideContent(sides[field]), field)])) as Record<
        HandEditableConflictField,
        string
      >,
  );
  const differing = states.filter((state) => state.differs);

  const choose = (field: ConflictFieldName, side: ConflictSide) => {
    setSides((current) => ({ ...current, [field]: side }));
    // The box follows the side chosen: it is where a merge by hand starts from.
    if (isHandEditable(field)) setTexts((current) => ({ ...current, [field]: editableTextOf(sideContent(side), field) }));
  };

  const save = () => {
    if (locked || busy) return;
    const typed = (field: HandEditableConflictField) => {
      const text = texts[field];
      return text === editableTextOf(sideContent(sides[field]), field) ? null : text;
    };
    onSave({
      title: { side: sides.title, text: typed('title') },
      sapo: { side: sides.sapo, text: typed('sapo') },
      body: { side: sides.body },
      byline: { side: sides.byline, text: typed('byline') },
      credit: { side: sides.credit, text: typed('credit') },
      publicationDate: { side: sides.publicationDate },
    });
  };

  return (
    <VersionDialog
      title={wording.title}
      subtitle={wording.subtitle(sender, formatDateTime(view.conflict.sentAt), formatDateTime(view.conflict.at))}
      size="full"
      busy={busy}
      closeLabel={wording.later}
      onClose={onLater}
      actions={
        <button type="button" className="button button-primary" aria-disabled={locked || busy} onClick={save}>
          {busy ? wording.saving : wording.save}
        </button>
      }
    >
      {locked && (
        <p className="conflict-locked" role="alert">
          {wording.locked}
        </p>
      )}
      <p className="conflict-intro">{wording.intro}</p>
      <p className="diff-legend">
        {messages.versions.legend} <ins>{messages.versions.legendInserted}</ins> <del>{messages.versions.legendDeleted}</del>
      </p>
      {view.mine.status !== view.theirs.status && (
        <p className="conflict-note">{wording.statusNote(messages.status[view.mine.status], messages.status[view.theirs.status])}</p>
      )}
      {differing.map((state) => (
        <ConflictFieldView
          key={state.field}
          view={view}
          state={state}
          sender={sender}
          side={sides[state.field]}
          onSide={(side) => choose(state.field, side)}
          text={isHandEditable(state.field) ? texts[state.field] : null}
          onText={(text) => isHandEditable(state.field) && setTexts((current) => ({ ...current, [state.field]: text }))}
        />
      ))}
      {differing.length < states.length && <p className="conflict-note muted">{wording.sameElsewhere(states.length - differing.length)}</p>}
    </VersionDialog>
  );
}
