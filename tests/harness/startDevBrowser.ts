import { delimiter, resolve } from 'node:path';
import { createBridgeServer, type BridgeServer } from './createBridgeServer';

function portFromEnvironment(text: string | undefined): number {
  const port = Number(text === undefined || text === '' ? 0 : text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`BANTHAO_PORT must be a port number (0-65535), not "${text}"`);
  return port;
}

/**
 * The browser harness as a command does it (`npm run dev:browser`, and `npm start` without Electron): serves the built
 * app on `dataDirectory` over the loopback bridge, prints its address, and on Ctrl+C (SIGINT) or SIGTERM saves,
 * releases the library and exits. BANTHAO_EXPORT_DIR, BANTHAO_OPEN_FILES and BANTHAO_PORT are read from `env`.
 */
export async function startDevBrowser(
  dataDirectory: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<BridgeServer> {
  const exportDirectory = env.BANTHAO_EXPORT_DIR ? resolve(env.BANTHAO_EXPORT_DIR) : undefined;
  const openFiles = (env.BANTHAO_OPEN_FILES ?? '').split(delimiter).filter((path) => path !== '');
  const bridge = await createBridgeServer({ dataDirectory, exportDirectory, openFiles, port: portFromEnvironment(env.BANTHAO_PORT) });

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
  return bridge;
}
