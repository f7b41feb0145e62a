// `npm start` (after electron-vite build): the app in Electron, or, where Electron's binary was never downloaded,
// the same build and data folder in a browser through the harness (tests/harness: development code, never packaged).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appDataDirectory } from './appDataDirectory';
import { electronBinaryPath } from './electronBinaryPath';
import { openInBrowser } from './openInBrowser';
import { runElectron } from './runElectron';

const repositoryRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));

const missingElectronMessage =
  'Bản Thảo: chưa có Electron (không tải được khi cài) — mở bằng trình duyệt thay thế. ' +
  'Để có cửa sổ ứng dụng: chạy npx install-electron khi có mạng tới GitHub. / ' +
  "Electron's binary is missing (not downloaded at install): opening in the browser instead; " +
  'to get the app window, run npx install-electron with access to GitHub.';

function electronDirectory(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null; // Installed without devDependencies.
  }
}

async function openWithoutElectron(): Promise<void> {
  console.log(missingElectronMessage);
  const { productName } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { productName: string };
  const dataDirectory = appDataDirectory(productName, { platform: process.platform, env: process.env, home: homedir() });
  // Imported only here: it loads the whole main-process library code, which the Electron path leaves to Electron.
  const { startDevBrowser } = await import('../../tests/harness/startDevBrowser');
  const bridge = await startDevBrowser(dataDirectory);
  if (!(await openInBrowser(bridge.url))) {
    console.log('Không tìm thấy trình duyệt để tự mở: hãy mở địa chỉ ở trên. / No browser to open it with here: open the address above.');
  }
}

const directory = electronDirectory();
const binary = directory === null ? null : electronBinaryPath(directory);
if (binary !== null) {
  runElectron(binary, repositoryRoot, process.argv.slice(2));
} else {
  await openWithoutElectron().catch((error: unknown) => {
    console.error(
      'Bản Thảo: không mở được trong trình duyệt / could not open in the browser:',
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  });
}
