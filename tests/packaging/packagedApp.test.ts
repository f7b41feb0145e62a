// Packs the already-built app (out/) with the real electron-builder and the real configuration, then
// inspects what a user would install: app.asar's contents, the fuse wire of the executable, the locales.
//
// The Electron binary cannot be downloaded here (no access to its GitHub releases), so electron-builder packs a stand-in
// Electron folder: an `electron` shell script, a `version` file, `resources/` and `locales/`. The script
// carries a fuse wire behind the real fuse sentinel, laid out like Electron's (Electron ≥ 12 embeds
// the same sentinel, version byte, length byte and wire), holding Electron 45's default values. So
// electron-builder's own fuse step (electronFuses → @electron/fuses flipFuses) runs for real on it; what
// this cannot show is the wire of the real Electron 45 binary, which only a packaging run with it can.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const configPath = join(projectRoot, 'build', 'electron-builder.config.cjs');
const require = createRequire(import.meta.url);
const runFile = promisify(execFile);

const ELECTRON_VERSION = '45.5.0';
/** The marker @electron/fuses looks for; the fuse wire follows it (version byte, length byte, one byte per fuse). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's shipped fuse values, in FuseV1Options order ('1' on, '0' off). */
const ELECTRON_DEFAULT_WIRE = {
  [FuseV1Options.RunAsNode]: '1',
  [FuseV1Options.EnableCookieEncryption]: '0',
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: '1',
  [FuseV1Options.EnableNodeCliInspectArguments]: '1',
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: '0',
  [FuseV1Options.OnlyLoadAppFromAsar]: '0',
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: '0',
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: '1',
  [FuseV1Options.WasmTrapHandlers]: '1',
} as const;
const STAND_IN_LOCALES = ['en-US', 'vi', 'fr', 'de', 'zh-CN'];

/** What the main process loads at run time and electron-vite leaves external (it bundles none of it). */
const MAIN_PROCESS_PACKAGES = [
  'lowdb',
  'zod',
  '@tiptap/core',
  '@tiptap/starter-kit',
  '@tiptap/pm',
  '@tiptap/extension-text-align',
  'heic-decode',
  'libheif-js',
];
/** Development tools that must never reach users. */
const DEV_ONLY_PACKAGES = [
  'vitest',
  '@vitest',
  'vite',
  'typescript',
  'electron',
  'electron-builder',
  'electron-vite',
  'jsdom',
  'happy-dom',
  'playwright-core',
  'tsx',
  'esbuild',
];

const requiredBuildOutput = ['out/main/index.js', 'out/main/heicDecodeWorker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

type BuilderConfig = { linux?: { executableName?: string } };

let workDirectory = '';
let appOutDir = '';
let asarPath = '';
let entries: string[] = [];
let packagingLog = '';

/** The stand-in Electron distribution described at the top of this file. */
function writeStandInElectron(folder: string): void {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  mkdirSync(join(folder, 'locales'));
  const wire = Object.values(ELECTRON_DEFAULT_WIRE).join('');
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for the Electron binary (tests/packaging). Fuse wire:\n# '),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    Buffer.from('\nexit 0\n'),
  ]);
  writeFileSync(join(folder, 'electron'), script);
  chmodSync(join(folder, 'electron'), 0o755);
  writeFileSync(join(folder, 'version'), ELECTRON_VERSION);
  for (const locale of STAND_IN_LOCALES) writeFileSync(join(folder, 'locales', `${locale}.pak`), locale);
}

/** asar paths use the platform separator and a leading one; make them `out/main/index.js`. */
function normalise(entry: string): string {
  return entry.replaceAll('\\', '/').replace(/^\//, '');
}

function readPackedJson(path: string): Record<string, unknown> {
  return JSON.parse(extractFile(asarPath, path).toString('utf8')) as Record<string, unknown>;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Bare module specifiers a bundle imports or requires (not relative paths, not `node:` built-ins). */
function bareImportsOf(code: string): Set<string> {
  const found = new Set<string>();
  const patterns = [
    // Only import and export statements: a bundle's code holds strings like `from " : "` too.
    /^\s*(?:import|export)\b[^'";]*?\bfrom\s*["']([^"']+)["']/gm,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1];
      if (specifier !== undefined && !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:')) {
        found.add(specifier);
      }
    }
  }
  return found;
}

beforeAll(async () => {
  const missing = requiredBuildOutput.filter((file) => !existsSync(join(projectRoot, file)));
  if (missing.length > 0) {
    throw new Error(
      `The build output is missing (${missing.join(', ')}). Run \`npm run build\` first (\`npm test\` builds before running vitest).`,
    );
  }
  workDirectory = mkdtempSync(join(tmpdir(), 'banthao-packaging-'));
  const electronDist = join(workDirectory, 'electron-dist');
  const outputDirectory = join(workDirectory, 'dist');
  writeStandInElectron(electronDist);
  const args = [
    require.resolve('electron-builder/cli.js'),
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    '--config',
    configPath,
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${ELECTRON_VERSION}`,
    `-c.directories.output=${outputDirectory}`,
  ];
  try {
    const { stdout, stderr } = await runFile(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      timeout: 150_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    packagingLog = `${stdout}\n${stderr}`;
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`, { cause: error });
  }
  appOutDir = join(outputDirectory, 'linux-unpacked');
  asarPath = join(appOutDir, 'resources', 'app.asar');
  if (!existsSync(asarPath)) throw new Error(`electron-builder wrote no app.asar.\n${packagingLog}`);
  entries = listPackage(asarPath, { isPack: false }).map(normalise);
});

afterAll(() => {
  if (workDirectory !== '') rmSync(workDirectory, { recursive: true, force: true });
});

describe('the packaged app (electron-builder --linux dir, stand-in Electron)', () => {
  it('holds the main, preload and renderer builds and package.json in app.asar', () => {
    for (const file of [...requiredBuildOutput, 'package.json']) expect(entries).toContain(file);
    expect(entries.filter((entry) => /^out\/renderer\/assets\/[^/]+\.js$/.test(entry)).length).toBeGreaterThan(0);
    // The resources folder holds the archive and, unpacked beside it, only native code (sharp's libvips) and libheif-js's
    // LGPL WASM build (replaceable by the user): no loose app folder.
    expect(readdirSync(join(appOutDir, 'resources')).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
    const unpacked = readdirSync(join(appOutDir, 'resources', 'app.asar.unpacked'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => normalise(join(entry.parentPath, entry.name)).replace(/^.*app\.asar\.unpacked\//, ''));
    expect(unpacked.length).toBeGreaterThan(0);
    for (const file of unpacked) expect(file, file).toMatch(/^node_modules\/(@img\/sharp-(libvips-)?[a-z0-9-]+|libheif-js)\//);
    expect(unpacked.some((file) => file.endsWith('.node'))).toBe(true);
  });

  it('keeps libheif (LGPL-3.0) a separate, replaceable WASM file, never bundled into the main process', () => {
    const unpackedLibheif = join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', 'libheif-js', 'libheif-wasm');
    expect(readdirSync(unpackedLibheif).sort()).toEqual(['LICENSE', 'libheif.js', 'libheif.wasm']);
    for (const file of entries.filter((entry) => /^out\/main\/.*\.js$/.test(entry))) {
      expect(extractFile(asarPath, file).toString('utf8'), file).not.toMatch(/HeifDecoder|heif_context_alloc/);
    }
  });

  it('holds nothing else of the project: no tests, no TypeScript sources, no source maps, no dev tools', () => {
    const outsideDependencies = entries.filter((entry) => entry !== 'node_modules' && !entry.startsWith('node_modules/'));
    const unexpected = outsideDependencies.filter((entry) => entry !== 'package.json' && entry !== 'out' && !entry.startsWith('out/'));
    expect(unexpected).toEqual([]);
    expect(entries.filter((entry) => /(^|\/)(tests?|__tests__)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    for (const name of DEV_ONLY_PACKAGES) {
      expect(entries.filter((entry) => entry === `node_modules/${name}` || entry.includes(`node_modules/${name}/`))).toEqual([]);
    }
  });

  it('keeps package.json pointing at the packed ES-module main process', () => {
    const manifest = readPackedJson('package.json');
    expect(manifest.main).toBe('out/main/index.js');
    expect(manifest.type).toBe('module'); // out/main/index.js is ESM
    expect(manifest.productName).toBe('Bản Thảo');
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
  });

  it('packs every package the main process imports at run time, and what those packages depend on', () => {
    const mainImports = bareImportsOf(extractFile(asarPath, 'out/main/index.js').toString('utf8'));
    mainImports.delete('electron');
    const needed = new Set([...MAIN_PROCESS_PACKAGES, ...[...mainImports].map(packageNameOf)]);
    const missing = [...needed].filter((name) => !entries.includes(`node_modules/${name}/package.json`));
    expect(missing).toEqual([]);

    // Every packed package's own dependencies must be reachable the way Node resolves them:
    // in its own node_modules, or in one of an enclosing package's, up to the top.
    const unresolved: string[] = [];
    let checked = 0;
    for (const manifestPath of entries.filter((entry) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(entry))) {
      const packageFolder = manifestPath.slice(0, -'/package.json'.length);
      const dependencies = Object.keys((readPackedJson(manifestPath).dependencies as Record<string, string> | undefined) ?? {});
      for (const dependency of dependencies) {
        const candidates: string[] = [];
        for (let folder = packageFolder; ;) {
          candidates.push(`${folder}/node_modules/${dependency}/package.json`);
          const parent = folder.lastIndexOf('/node_modules/');
          if (parent < 0) break;
          folder = folder.slice(0, parent);
        }
        candidates.push(`node_modules/${dependency}/package.json`);
        checked += 1;
        if (!candidates.some((candidate) => entries.includes(candidate))) unresolved.push(`${packageFolder} → ${dependency}`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(checked).toBeGreaterThan(10); // lowdb → steno, @tiptap/pm → prosemirror-*, …
  });

  it('ships a preload that needs nothing a sandboxed preload cannot require', () => {
    const preloadImports = bareImportsOf(extractFile(asarPath, 'out/preload/index.cjs').toString('utf8'));
    // A sandboxed preload gets `require` for electron and a few polyfilled modules only.
    const allowedInSandbox = new Set(['electron', 'events', 'timers', 'url']);
    expect([...preloadImports].filter((name) => !allowedInSandbox.has(name))).toEqual([]);
  });

  it('flips the security fuses in the packaged executable (runAsNode off, asar integrity on, file:// privileges off, …)', async () => {
    const executableName = (require(configPath) as BuilderConfig).linux?.executableName ?? 'ban-thao';
    // The stand-in it copied still has Electron's defaults (runAsNode on, asar integrity off…), so every
    // difference below was written into the packaged copy by electron-builder's fuse step.
    const before = await getCurrentFuseWire(join(workDirectory, 'electron-dist', 'electron'));
    expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    expect(before[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.DISABLE);
    const wire = await getCurrentFuseWire(join(appOutDir, executableName));
    const on = FuseState.ENABLE;
    const off = FuseState.DISABLE;
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      enableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      enableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      enableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      enableEmbeddedAsarIntegrityValidation: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      grantFileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
      // Not configured: left as Electron ships them.
      loadBrowserProcessSpecificV8Snapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      wasmTrapHandlers: wire[FuseV1Options.WasmTrapHandlers],
    }).toEqual({
      runAsNode: off,
      enableCookieEncryption: on,
      enableNodeOptionsEnvironmentVariable: off,
      enableNodeCliInspectArguments: off,
      enableEmbeddedAsarIntegrityValidation: on,
      onlyLoadAppFromAsar: on,
      grantFileProtocolExtraPrivileges: off, // the page comes from app://banthao, never file://
      loadBrowserProcessSpecificV8Snapshot: off,
      wasmTrapHandlers: on,
    });
  });

  it('keeps only the Vietnamese and English Chromium locales', () => {
    expect(readdirSync(join(appOutDir, 'locales')).sort()).toEqual(['en-US.pak', 'vi.pak']);
  });
});
