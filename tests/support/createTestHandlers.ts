import { cannedDialogs, openTestSession, type TestSessionOptions } from './openTestSession';

export { cannedDialogs };

/**
 * The real handler table over a library in `dataDirectory`, as main builds it, with the stores open under it
 * (for assertions; a restore would replace them). Closed before the test's temp folder is removed.
 */
export async function createTestHandlers(
  dataDirectory: string,
  answers: Parameters<typeof cannedDialogs>[0] = {},
  options: TestSessionOptions = {},
) {
  const session = await openTestSession(dataDirectory, { dialogs: cannedDialogs(answers), ...options });
  return { handlers: session.handlers, session, ...session.library };
}
