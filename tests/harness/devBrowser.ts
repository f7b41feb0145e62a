// `npm run dev:browser`: the built app in any browser, served with its real handlers over the loopback bridge.
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBridgeServer } from './createBridgeServer';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

function portFromEnvironment(text: string | undefined): number {
  const port = Number(text === undefined || text === '' ? 0 : text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`BANTHAO_PORT must be a port number (0-65535), not "${text}"`);
  return port;
}

const dataDirectory = resolve(process.env.BANTHAO_DATA_DIR || join(repositoryRoot, '.tmp', 'dev-data'));
const exportDirectory = process.env.BANTHAO_EXPORT_DIR ? resolve(process.env.BANTHAO_EXPORT_DIR) : undefined;
const openFiles = (process.env.BANTHAO_OPEN_FILES ?? '').split(delimiter).filter((path) => path !== '');

const bridge = await createBridgeServer({ dataDirectory, exportDirectory, openFiles, port: portFromEnvironment(process.env.BANTHAO_PORT) });

console.log(
  [
    '',
    'Bản Thảo chạy trong trình duyệt (chỉ để thử nghiệm) / Bản Thảo in a browser (test and development only)',
    `  Mở địa chỉ / open:            ${bridge.url}`,
    `  Thư mục dữ liệu / data folder: ${bridge.dataDirectory}`,
    `  Thư mục xuất / export folder:  ${bridge.exportDirectory}`,
    '  Địa chỉ chứa mã truy cập: đừng chia sẻ. / The address holds an access token: do not share it.',
    '  Nhấn Ctrl+C để dừng. / Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  // A second Ctrl+C while saving would otherwise start a second close.
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: đang lưu và dừng… / saving and stopping…`);
  try {
    await bridge.close();
    console.log('Đã dừng. / Stopped.');
    process.exit(0);
  } catch (error) {
    console.error('Lỗi khi dừng / error while stopping:', error);
    process.exit(1);
  }
}

process.on('SIGINT', (signal) => void stop(signal));
process.on('SIGTERM', (signal) => void stop(signal));
