import { startGitServer, type GitServerTraffic, type GitServerUser } from '../support/gitServer';

/** What the parent asks the forked server, and what it answers. */
export type GitServerRequest = { kind: 'traffic' } | { kind: 'reset-traffic' } | { kind: 'close' };
export type GitServerAnswer =
  { kind: 'started'; address: string; repository: string } | { kind: 'traffic'; traffic: GitServerTraffic } | { kind: 'done' };

/**
 * Runs in its own process (forked by sharedLibraryBenchmarks): the loopback Git server with one repository, so its
 * work (spawning git http-backend for each request, relaying packs) is not on the event loop of the library it serves,
 * as an office server is another machine. Answers the parent's requests for the bytes it carried.
 * Arguments: <users as JSON> <repository name>
 */
async function main(): Promise<void> {
  const [users, name] = process.argv.slice(2);
  const send = process.send?.bind(process);
  if (users === undefined || name === undefined || send === undefined)
    throw new Error('usage: fork with <users as JSON> <repository name>');
  const server = await startGitServer(JSON.parse(users) as Record<string, GitServerUser>);
  const repository = await server.createRepository(name);
  const answer = (message: GitServerAnswer) => send(message);
  process.on('message', (message: GitServerRequest) => {
    if (message.kind === 'traffic') answer({ kind: 'traffic', traffic: server.traffic() });
    else if (message.kind === 'reset-traffic') {
      server.resetTraffic();
      answer({ kind: 'done' });
    } else void server.close().then(() => send({ kind: 'done' } satisfies GitServerAnswer, undefined, {}, () => process.exit(0)));
  });
  answer({ kind: 'started', address: server.url(name), repository });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
