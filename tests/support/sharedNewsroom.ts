import type { Identity } from '../../shared/identity';
import { startGitServer, type GitServer } from './gitServer';
import { memorySecretBox } from './memorySecretBox';
import { openTestSession, type TestSession, type TestSessionOptions } from './openTestSession';

/** One person of the newsroom: their own data folder and session, connected to the shared library's server. */
export interface Member {
  session: TestSession;
  dataDirectory: string;
  identity: Identity;
}

export interface SharedNewsroom {
  server: GitServer;
  /** The shared library's address. */
  address: string;
  /** The shared library's bare repository on the server's disk (for tests that look at it with git). */
  repository: string;
  /** A person with their own library, the connection saved (not yet joined). */
  member(identity: Identity, options?: TestSessionOptions & { password?: string }): Promise<Member>;
  close(): Promise<void>;
}

/** The password every test member has on the test server, unless told another. */
export const memberPassword = 'mat-khau-toa-soan-2026';

/**
 * A real Git server (git http-backend behind basic auth) with one fresh repository, and members opening their own
 * libraries against it: the shared library as an office runs it, on loopback.
 */
export async function startSharedNewsroom(
  temporaryDirectory: () => Promise<string>,
  users: string[] = ['son', 'ha', 'minh'],
): Promise<SharedNewsroom> {
  const server = await startGitServer(Object.fromEntries(users.map((user) => [user, { password: memberPassword }])));
  const repository = await server.createRepository('thu-vien');
  const address = server.url('thu-vien');
  return {
    server,
    address,
    repository,
    async member(identity, options = {}) {
      const dataDirectory = await temporaryDirectory();
      // No sync by itself unless a test asks for one: each test says when its members sync.
      const sync = { everyMs: 3_600_000, afterMoveMs: 3_600_000, ...options.sync };
      const session = await openTestSession(dataDirectory, { secretBox: memorySecretBox(), ...options, sync });
      await session.handlers['settings:update']({ userName: identity.name, userRole: identity.role });
      await session.handlers['sharedLibrary:save']({
        address,
        userName: userOf(identity, users),
        secret: options.password ?? memberPassword,
        allowPlainHttp: false,
      });
      return { session, dataDirectory, identity };
    },
    close: () => server.close(),
  };
}

/** The server user of a member: the first user whose name starts the identity's folded name, else the first user. */
function userOf(identity: Identity, users: string[]): string {
  const folded = identity.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return users.find((user) => folded.split(' ').includes(user)) ?? users[0]!;
}
