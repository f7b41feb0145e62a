// The electron-builder configuration: valid for electron-builder's own schema, and carrying the
// security baseline (asar, fuses) and the targets the newsroom ships.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Configuration, TargetConfigType } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { reviewPackageExtension } from '../../shared/reviewPackageExtension';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const configPath = join(projectRoot, 'build', 'electron-builder.config.cjs');
const require = createRequire(import.meta.url);

type DebugLogger = { isEnabled: boolean; add(key: string, value: unknown): void };
type ValidateConfiguration = (config: Configuration, debugLogger: DebugLogger) => Promise<void>;

// An internal module of app-builder-lib (pinned with electron-builder 26.17.0): the same check
// `electron-builder` runs before building, offline.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: ValidateConfiguration;
};
const silentLogger: DebugLogger = { isEnabled: false, add: () => {} };

/** A fresh copy each time, so no test can change what another one sees. */
function loadConfig(): Configuration {
  delete require.cache[configPath];
  return structuredClone(require(configPath) as Configuration);
}

/** Target names with their architectures, from any of the shapes electron-builder accepts. */
function targetsOf(target: TargetConfigType | undefined): Map<string, string[]> {
  const list = target == null ? [] : Array.isArray(target) ? target : [target];
  const result = new Map<string, string[]>();
  for (const entry of list) {
    if (typeof entry === 'string') result.set(entry, []);
    else result.set(entry.target, entry.arch == null ? [] : Array.isArray(entry.arch) ? entry.arch : [entry.arch]);
  }
  return result;
}

async function rejection(config: Configuration): Promise<string> {
  try {
    await validateConfiguration(config, silentLogger);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('validateConfiguration accepted a broken configuration');
}

describe('electron-builder configuration (build/electron-builder.config.cjs)', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(loadConfig(), silentLogger)).resolves.toBeUndefined();
  });

  it('is checked for real: broken variants are rejected, naming the offending section', async () => {
    // electron-builder's message names the section, not always the misspelt key inside it.
    const misspelt = loadConfig();
    (misspelt.nsis as Record<string, unknown>).oneClik = false;
    expect(await rejection(misspelt)).toMatch(/configuration\.nsis\b/);

    const wrongType = loadConfig();
    (wrongType as Record<string, unknown>).asar = 'yes';
    expect(await rejection(wrongType)).toMatch(/configuration\.asar\b/);

    const unknownFuse = loadConfig();
    (unknownFuse.electronFuses as Record<string, unknown>).runAsNodes = false;
    expect(await rejection(unknownFuse)).toMatch(/configuration\.electronFuses\b/);

    const notABoolean = loadConfig();
    (notABoolean.electronFuses as Record<string, unknown>).runAsNode = 'no';
    expect(await rejection(notABoolean)).toMatch(/configuration\.electronFuses\.runAsNode should be a boolean/);
  });

  it('identifies the app', () => {
    const config = loadConfig();
    expect(config.appId).toBe('vn.banthao.app');
    expect(config.productName).toBe('Bản Thảo');
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'build' });
  });

  it('packs the app into an asar archive and flips the security fuses (docs/ARCHITECTURE.md, Security)', () => {
    const config = loadConfig();
    expect(config.asar).toBe(true);
    expect(config.win?.asar ?? true).toBe(true);
    expect(config.linux?.asar ?? true).toBe(true);
    expect(config.mac?.asar ?? true).toBe(true);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('turns the file:// privileges fuse off: the main process loads no page from file://, only app://banthao', () => {
    expect(loadConfig().electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
    const mainSources = readdirSync(join(projectRoot, 'electron', 'main'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(projectRoot, 'electron', 'main', file), 'utf8'))
      .join('\n');
    expect(mainSources).not.toMatch(/\.loadFile\(|loadURL\(\s*['"`]file:/);
  });

  it('builds the NSIS installer and the portable exe for Windows x64', () => {
    const config = loadConfig();
    const targets = targetsOf(config.win?.target);
    expect([...targets.keys()].sort()).toEqual(['nsis', 'portable']);
    expect(targets.get('nsis')).toEqual(['x64']);
    expect(targets.get('portable')).toEqual(['x64']);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false });
    expect(config.nsis?.installerLanguages).toEqual(expect.arrayContaining(['vi_VN', 'en_US']));
    // Both targets write an .exe into the same folder: their names must differ.
    expect(config.nsis?.artifactName).toBeTruthy();
    expect(config.portable?.artifactName).toBeTruthy();
    expect(config.nsis?.artifactName).not.toBe(config.portable?.artifactName);
    expect(config.nsis?.deleteAppDataOnUninstall ?? false).toBe(false);
  });

  it('builds an AppImage and a .deb for Linux, described in Vietnamese', () => {
    const config = loadConfig();
    expect([...targetsOf(config.linux?.target).keys()].sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux?.synopsis).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i);
    expect(config.linux?.executableName).toMatch(/^[a-z0-9-]+$/);
  });

  it('builds a dmg for macOS in the productivity category', () => {
    const config = loadConfig();
    expect([...targetsOf(config.mac?.target).keys()]).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.productivity');
  });

  it('registers .banthao review packages for double-click on Windows, Linux and macOS, described in Vietnamese', () => {
    const config = loadConfig();
    const associations = (platform: 'win' | 'linux' | 'mac') => [
      ...[config.fileAssociations ?? []].flat(),
      ...[config[platform]?.fileAssociations ?? []].flat(),
    ];
    const vietnamese = /[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i;
    for (const platform of ['win', 'linux', 'mac'] as const) {
      const packages = associations(platform).filter((association) => [association.ext].flat().includes('banthao'));
      expect(packages, platform).toHaveLength(1);
      expect(packages[0]!.description, platform).toMatch(vietnamese);
    }
    const [windows] = associations('win');
    // A Windows registry class: no spaces, vendor.type.
    expect(windows!.name).toMatch(/^[A-Za-z]+\.[A-Za-z]+$/);
    const [linux] = associations('linux');
    expect(linux!.mimeType).toBe('application/x-banthao');
    const [mac] = associations('mac');
    expect(mac).toMatchObject({ role: 'Editor' });
    expect(mac!.name).toMatch(vietnamese);
    // The extension main looks for on the command line is the one registered.
    expect(reviewPackageExtension).toBe('banthao');
    // No icon: electron-builder falls back to the app's own (there is no banthao.ico or .icns to name).
    expect(
      associations('win')
        .concat(associations('mac'))
        .every((association) => association.icon == null),
    ).toBe(true);
  });

  it('packs only the build output and package.json: no tests, no sources, no source maps', () => {
    const files = loadConfig().files;
    expect(Array.isArray(files)).toBe(true);
    const patterns = (files as unknown[]).map((pattern) => {
      expect(typeof pattern, 'file patterns are plain strings here').toBe('string');
      return pattern as string;
    });
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**/*', 'package.json']);
    expect(patterns).toContain('!out/**/*.map');
    for (const pattern of included) {
      expect(pattern).not.toMatch(/tests?\/|\.test\.|electron\/|renderer\/|shared\/|\.tsx?$/);
    }
  });

  it('has a square PNG icon of at least 512 px for electron-builder to derive .ico and .icns from', () => {
    const png = readFileSync(join(projectRoot, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });
});
