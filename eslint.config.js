// ESLint for Bản Thảo: `npm run lint` (part of `npm test`), zero warnings allowed.
// The TypeScript project references (tsconfig.*.json) already keep each layer to its own types and globals;
// this adds what they cannot see: which folders and packages each layer imports, React's hook rules, and
// promises nobody awaits or handles. tests/unit/lintRules.test.ts checks the layer rules on small snippets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { projectPlugin } from './build/eslint/projectRules.js';

const root = import.meta.dirname;
const runtimeDependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies);
const rendererFeatures = readdirSync(join(root, 'renderer/src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A layer's import allowance: the folders (project paths) and packages its files may import, and why. */
function layer(files, options) {
  return { files, rules: { 'project/allowed-imports': ['error', { root, ...options }] } };
}

/** Pure document code: it runs in the main process and in the renderer, so it may use neither Node nor the DOM's frameworks. */
const sharedPackages = [
  'zod',
  'diff',
  '@tiptap/core',
  '@tiptap/pm',
  '@tiptap/starter-kit',
  '@tiptap/extensions',
  '@tiptap/extension-*',
  // The tracked-changes plugin's commands are pure ProseMirror: the exporter rejects suggestions with the editor's own.
  '@handlewithcare/prosemirror-suggest-changes',
];
const rendererPackages = ['react', 'react-dom', '@tiptap/*', '@tanstack/react-virtual', '@handlewithcare/prosemirror-suggest-changes'];
/** The only main-process files that import Electron: tests load every other one in plain Node, where Electron is not there. */
const electronShellFiles = [
  'electron/main/index.ts',
  'electron/main/createMainWindow.ts',
  'electron/main/createApplicationMenu.ts',
  'electron/main/createElectronDialogs.ts',
  'electron/main/createElectronClipboard.ts',
  'electron/main/createElectronPrinter.ts',
  'electron/main/createSecretBox.ts',
  'electron/main/guardWindowClose.ts',
  'electron/main/registerMediaProtocol.ts',
  'electron/main/ipc/registerIpcHandlers.ts',
];
const rendererShared = ['renderer/src/lib/', 'renderer/src/components/', 'renderer/src/i18n/', 'shared/'];

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'bench-results/', 'test-results/', '.tmp/', 'tests/fixtures/dompurify/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
    plugins: { project: projectPlugin },
    rules: {
      'project/explained-disable': 'error',
      // Prettier wraps code at 140 but cannot wrap strings and comments; this keeps those within 140 too.
      // Core max-len is deprecated (ESLint 11 drops it; @stylistic/eslint-plugin carries it on) but still works in ESLint 10.
      'max-len': ['error', { code: 140, tabWidth: 2, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      // Recommended, named here because the lint exists for them: a promise nobody awaits or handles, and an
      // async function passed where a void callback is expected (an event handler, a prop), lose their errors.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Off: `async` without `await` is how this code makes a stub or a handler return a promise and turns a
      // throw into a rejection (async () => [], IPC handlers that validate and return); the rule asks for none of that.
      '@typescript-eslint/require-await': 'off',
      // Off: every control character in a regular expression here is there on purpose, to strip control
      // characters (link schemes, photo metadata, exported links).
      'no-control-regex': 'off',
      // Empty cases may share one body even with a comment between them (the switches over LibraryChange kinds);
      // a case with statements that falls through is still reported, here and by tsc's noFallthroughCasesInSwitch.
      'no-fallthrough': ['error', { allowEmptyCase: true }],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Off in tests only: tests read stored JSON back from disk (JSON.parse gives `any`) and check its shape
      // with expect(); a wrong shape fails there, and typing each read would restate the schemas under test.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', module: 'writable', require: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // React Compiler checks that hold for React without the compiler too (the app does not run the compiler).
      'react-hooks/static-components': 'error',
      'react-hooks/use-memo': 'error',
      'react-hooks/void-use-memo': 'error',
      'react-hooks/immutability': 'error',
      'react-hooks/globals': 'error',
      'react-hooks/error-boundaries': 'error',
      'react-hooks/purity': 'error',
      'react-hooks/set-state-in-render': 'error',
      // Not enabled: refs (it reports a ref read inside a callback made during render, as in
      // onKeyDown={onEnterMoveTo(() => sapoRef.current?.focus())}, and the latest-value ref useAutosave keeps),
      // set-state-in-effect (it reports loading data and resetting state when a prop changes, the two things
      // the effects here do), and the checks that matter only to the compiler (preserve-manual-memoization,
      // incompatible-library, unsupported-syntax, config, gating).
    },
  },

  // Layers: what each folder may import. A later entry for the same file replaces an earlier one.
  layer(['shared/**'], {
    layer: 'shared/',
    folders: ['shared/'],
    packages: sharedPackages,
    why: 'shared/ runs in both the main process and the renderer, so it stays pure TypeScript.',
  }),
  layer(['electron/main/**'], {
    layer: 'electron/main/',
    folders: ['electron/main/', 'shared/'],
    packages: ['node:*', ...runtimeDependencies],
    why:
      `Only the shell files (${electronShellFiles.map((file) => file.replace('electron/main/', '')).join(', ')}) import electron: ` +
      'tests load the rest in Node without it. ' +
      'Runtime packages are the "dependencies" of package.json; Node built-ins are imported as node:*.',
  }),
  // Inside main, the tiers of docs/ARCHITECTURE.md: IPC reaches the library only through the application layer, and the
  // stores never call back up into it (registerIpcHandlers, a shell file, is judged by the shell entry below).
  layer(['electron/main/ipc/**'], {
    layer: 'electron/main/ipc/',
    folders: ['electron/main/ipc/', 'electron/main/application/', 'electron/main/logging/', 'shared/'],
    packages: ['node:*', ...runtimeDependencies],
    why: 'A handler is one call into the application layer, which owns every change and announces it.',
  }),
  layer(['electron/main/{storage,media,search,backup,library,services,logging}/**'], {
    layer: 'The stores of electron/main/',
    folders: [
      'electron/main/storage/',
      'electron/main/media/',
      'electron/main/search/',
      'electron/main/backup/',
      'electron/main/library/',
      'electron/main/services/',
      'electron/main/logging/',
      'shared/',
    ],
    packages: ['node:*', ...runtimeDependencies],
    why: 'Stores sit below the application layer: they never call it or IPC, so every change still goes through it.',
  }),
  layer(electronShellFiles, {
    layer: 'The main-process shell',
    folders: ['electron/main/', 'shared/'],
    packages: ['node:*', 'electron', ...runtimeDependencies],
    why: 'Runtime packages are the "dependencies" of package.json; Node built-ins are imported as node:*.',
  }),
  layer(['electron/preload/**'], {
    layer: 'electron/preload/',
    folders: ['electron/preload/', 'shared/'],
    packages: ['electron'],
    why: 'The preload only forwards the IPC contract in shared/ through contextBridge; it runs sandboxed, apart from the main process.',
  }),
  layer(['renderer/**'], {
    layer: 'renderer/',
    folders: ['renderer/src/', 'shared/'],
    packages: rendererPackages,
    why: 'The renderer is a web page: it reaches the platform only through window.api (renderer/src/lib/api.ts).',
  }),
  layer(['renderer/src/{lib,components,i18n}/**'], {
    layer: 'renderer/src/lib, components and i18n',
    folders: rendererShared,
    packages: rendererPackages,
    why: 'They serve every feature, so they import no feature (renderer/src/features/) and not App.',
  }),
  ...rendererFeatures.map((feature) =>
    layer([`renderer/src/features/${feature}/**`], {
      layer: `renderer/src/features/${feature}/`,
      folders: [`renderer/src/features/${feature}/`, ...rendererShared],
      packages: rendererPackages,
      why: 'A feature imports no other feature: what two features share goes in renderer/src/lib, components or i18n.',
    }),
  ),
  {
    files: ['renderer/**'],
    ignores: ['renderer/src/lib/api.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'api',
          message:
            'Call the platform through renderer/src/lib/api.ts (api, mediaUrl, onBeforeClose): ' +
            'it unwraps the envelopes and throws ApiError.',
        })),
      ],
    },
  },
);
