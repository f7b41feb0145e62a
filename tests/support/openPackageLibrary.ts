import { join } from 'node:path';
import { cannedDialogs, manualClock, openTestSession } from './openTestSession';

/** A library with its own data folder, whose dialogs save packages in an outbox and open the one it is handed. */
export async function openPackageLibrary(
  temporaryDirectory: () => Promise<string>,
  who: { userName: string; userRole: 'reporter' | 'editor' | 'managingEditor' },
  clock: ReturnType<typeof manualClock>,
) {
  const dataDirectory = await temporaryDirectory();
  const outbox = await temporaryDirectory();
  let toOpen: string | null = null;
  const session = await openTestSession(dataDirectory, {
    now: clock.now,
    dialogs: cannedDialogs({
      packagePath: (suggestedFileName) => join(outbox, suggestedFileName),
      packageToOpen: () => toOpen,
    }),
  });
  await session.handlers['settings:update'](who);
  return {
    session,
    handlers: session.handlers,
    dataDirectory,
    /** Waits for the versions and snapshots the last calls started. */
    settle: async () => {
      await session.flush();
      await session.backupService.settled();
    },
    /** Receives the package at `path` as "Mở gói bài…" does. */
    open: async (path: string) => {
      toOpen = path;
      return session.handlers['package:openFromDialog']({});
    },
    /** "Gửi gói": the path of the package written. */
    send: async (id: string) => {
      const sent = await session.handlers['package:send']({ id });
      if (sent.status !== 'saved') throw new Error('not sent');
      return sent.path;
    },
  };
}
