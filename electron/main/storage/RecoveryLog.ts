import type { RecoveryNotice } from '../../../shared/recoveryNotice';

/** The recoveries made since start-up (files quarantined, older copies loaded), kept for the user to read. */
export class RecoveryLog {
  readonly #notices: RecoveryNotice[] = [];

  record(notice: RecoveryNotice): void {
    this.#notices.push(notice);
  }

  list(): RecoveryNotice[] {
    return this.#notices.map((notice) => ({ ...notice }));
  }
}
