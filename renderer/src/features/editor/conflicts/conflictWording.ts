import type { ConflictKept } from '../../../../../shared/conflictModel';
import type { Messages } from '../../../i18n/messages';

export type ConflictWording = Omit<Messages['conflicts'], 'fromServer'>;

/** The three-way view's words: "bản trong gói" for a received package, "bản trên máy chủ" for a sync's conflict. */
export function conflictWording(messages: Messages, source: ConflictKept['source']): ConflictWording {
  const { fromServer, ...wording } = messages.conflicts;
  return source === 'sync' ? { ...wording, ...fromServer } : wording;
}
