import type { SyncOutcome } from '../../../shared/sharedLibraryModel';
import type { ToastMessage } from '../components/useToast';
import type { Messages } from '../i18n/messages';
import { api } from './api';

/** How many conflicting articles a notice names by title (the status line counts them all). */
const namedConflicts = 3;

/**
 * The notice after a sync, when there is something to act on: the articles left with a conflict (by title, with "Mở bài"
 * for the first), and the files from the server that were set aside. None for a sync that only brought changes.
 */
export async function syncOutcomeToast(
  messages: Messages,
  outcome: SyncOutcome,
  openConflict: (articleId: string) => void,
): Promise<ToastMessage | null> {
  const refused = outcome.status.refusedFiles;
  const refusedDetail =
    refused.length === 0 ? undefined : refused.map((file) => messages.sync.refusedFile(file.path, file.reason)).join('; ');
  const conflicts = outcome.conflictArticleIds;
  if (conflicts.length === 0) {
    return refusedDetail === undefined ? null : { text: messages.sync.refusedNotice(refused.length), detail: refusedDetail, tone: 'error' };
  }
  const titles = await Promise.all(
    conflicts.slice(0, namedConflicts).map((id) =>
      api.articleGet({ id }).then(
        (article) => `“${article.title.trim() || messages.untitled}”`,
        () => `“${messages.untitled}”`,
      ),
    ),
  );
  const more = conflicts.length > namedConflicts ? ` (+${conflicts.length - namedConflicts})` : '';
  const first = conflicts[0]!;
  return {
    text: messages.sync.conflictNotice(titles.join(', ') + more),
    ...(refusedDetail === undefined ? {} : { detail: `${messages.sync.refusedNotice(refused.length)} ${refusedDetail}` }),
    // A conflict keeps both copies: news to act on, not a failure.
    tone: 'info',
    action: { label: messages.sync.openConflict, run: () => openConflict(first) },
  };
}
