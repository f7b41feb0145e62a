import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsxCommandLine = join(repositoryRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
// The address the harness prints on its "open:" line.
const addressLine = /open:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;

const temporaryDirectory = useTemporaryDirectories();
const running = new Set<ChildProcess>();
afterEach(() => {
  // Only a failed test leaves one running.
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

interface StartScript {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the match once the script has printed `pattern`; rejects if it ends first. */
  printed: (pattern: RegExp) => Promise<RegExpExecArray>;
  /** After the script has ended and its output is read. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs build/start/startApp.ts as `npm start` does after its build, in a terminal with no display. `electronDistPath` is
 * ELECTRON_OVERRIDE_DIST_PATH: an empty folder stands for a download that never happened, wherever the test runs.
 */
function runStartScript(dataDirectory: string, electronDistPath: string, args: string[] = []): StartScript {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!['DISPLAY', 'WAYLAND_DISPLAY', 'BANTHAO_PORT', 'BANTHAO_EXPORT_DIR', 'BANTHAO_OPEN_FILES'].includes(name)) env[name] = value;
  }
  env.BANTHAO_DATA_DIR = dataDirectory;
  env.ELECTRON_OVERRIDE_DIST_PATH = electronDistPath;
  const child = spawn(process.execPath, [tsxCommandLine, join(repositoryRoot, 'build', 'start', 'startApp.ts'), ...args], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const checks = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output += chunk;
      for (const check of checks) check();
    });
  }
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match === null) return;
        checks.delete(check);
        resolve(match);
      };
      checks.add(check);
      check();
      void ended.then(() => {
        check();
        if (checks.delete(check)) reject(new Error(`The start script ended before printing ${pattern}:\n${output}`));
      });
    });
  return { child, output: () => output, printed, ended };
}

describe('npm start without Electron’s binary', () => {
  it(
    'says so in one Vietnamese/English line, serves the app from the same data folder in the browser harness, and stops cleanly on Ctrl+C',
    { timeout: 60_000 },
    async () => {
      const dataDirectory = join(await temporaryDirectory(), 'Bản Thảo');
      const script = runStartScript(dataDirectory, await temporaryDirectory());

      const [, url] = await script.printed(addressLine);
      // Printed after the address: no display here, so nothing was opened.
      await script.printed(/No browser to open it with here: open the address above\.\n/);
      const electronLines = script
        .output()
        .split('\n')
        .filter((line) => line.includes('Electron'));
      expect(electronLines).toHaveLength(1);
      expect(electronLines[0]).toMatch(
        /^Bản Thảo: chưa có Electron .*npx install-electron.* \/ Electron's binary is missing .*npx install-electron/,
      );
      expect(script.output()).not.toMatch(/failed to install correctly|fetch failed|\n\s+at /);
      expect(script.output()).toContain(`data folder: ${dataDirectory}\n`);

      const opened = await fetch(url!, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
      const origin = new URL(url!).origin;
      const page = await fetch(`${origin}/`, { headers: { Cookie: cookie } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(/^<!doctype html>[\s\S]*<script src="\/bridge\/api\.js"><\/script>/i);
      // Answered once the library is open, so its lock is held from here on.
      const info = await fetch(`${origin}/bridge/call/app%3Ainfo`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: origin },
        body: '{}',
      });
      expect(await info.json()).toMatchObject({ ok: true, value: { dataDirectory } });
      expect(existsSync(join(dataDirectory, 'library.lock'))).toBe(true);

      script.child.kill('SIGINT');
      expect(await script.ended).toEqual({ code: 0, signal: null });
      expect(script.output()).toContain('Đã dừng. / Stopped.');
      expect(existsSync(join(dataDirectory, 'library.lock'))).toBe(false);
    },
  );
});

describe.skipIf(process.platform === 'win32')('npm start with Electron’s binary', () => {
  /** A stand-in for Electron's executable: a shell script, in a folder that ELECTRON_OVERRIDE_DIST_PATH points at. */
  async function fakeElectron(script: string): Promise<string> {
    const folder = await temporaryDirectory();
    await writeFile(join(folder, 'electron'), `#!/bin/sh\n${script}\n`);
    await chmod(join(folder, 'electron'), 0o755);
    return folder;
  }

  it("runs Electron on the app folder with the arguments given, and ends with Electron's exit code", { timeout: 60_000 }, async () => {
    const script = runStartScript(await temporaryDirectory(), await fakeElectron('echo "fake electron: $*"; exit 7'), ['--lang', 'vi']);
    expect(await script.ended).toEqual({ code: 7, signal: null });
    expect(script.output()).toBe(`fake electron: ${repositoryRoot.replace(/[\\/]$/, '')} --lang vi\n`);
  });

  it('passes Ctrl+C on to Electron and waits for it to quit', { timeout: 60_000 }, async () => {
    // `wait` returns as soon as a trapped signal arrives; the sleep it waited on is stopped with it.
    const electron = await fakeElectron(
      'trap \'kill $sleeper; echo "fake electron: SIGINT, quitting"; exit 0\' INT\n' +
        'echo "fake electron: running"\n' +
        'while :; do sleep 60 & sleeper=$!; wait $sleeper; done',
    );
    const script = runStartScript(await temporaryDirectory(), electron);
    await script.printed(/fake electron: running\n/);
    script.child.kill('SIGINT');
    expect(await script.ended).toEqual({ code: 0, signal: null });
    expect(script.output()).toBe('fake electron: running\nfake electron: SIGINT, quitting\n');
  });
});
