// `npm run dev:browser`: the built app in any browser, served with its real handlers over the loopback bridge.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevBrowser } from './startDevBrowser';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

await startDevBrowser(resolve(process.env.BANTHAO_DATA_DIR || join(repositoryRoot, '.tmp', 'dev-data')));
