import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js, run on small snippets placed at made-up paths in each layer. Only the
// import rules run, without type information: they need none, and the made-up files are in no tsconfig.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const checkedRules = new Set(['project/allowed-imports', 'project/explained-disable', 'no-restricted-properties']);
const eslint = new ESLint({
  cwd: projectRoot,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: false } } },
  ruleFilter: ({ ruleId }) => checkedRules.has(ruleId),
});

/** The rules reported for `code` as the file at `path`, with the text each one is about. */
async function reported(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(projectRoot, path) });
  const lines = code.split('\n');
  return result!.messages.map((message) => {
    const text = message.endLine === message.line ? lines[message.line - 1]!.slice(message.column - 1, (message.endColumn ?? 0) - 1) : '';
    return `${message.ruleId ?? `fatal: ${message.message}`} ${text}`;
  });
}

// Linting snippets and the whole tree takes seconds on a loaded 2-core machine: a generous bound, so a hang still fails.
describe('the layer rules (eslint.config.js)', { timeout: 60_000 }, () => {
  it('keep a renderer feature to itself, the shared renderer folders and shared/', async () => {
    const path = 'renderer/src/features/library/x.ts';
    expect(await reported(path, "import { EditorScreen } from '../editor/EditorScreen';")).toEqual([
      "project/allowed-imports '../editor/EditorScreen'",
    ]);
    expect(await reported(path, "export * from '../../features/backup/BackupScreen';")).toEqual([
      "project/allowed-imports '../../features/backup/BackupScreen'",
    ]);
    expect(await reported(path, "export const later = () => import('../startup/StartupGate');")).toEqual([
      "project/allowed-imports '../startup/StartupGate'",
    ]);
    expect(await reported(path, "import { App } from '../../App';")).toEqual(["project/allowed-imports '../../App'"]);
    expect(
      await reported(
        path,
        [
          "import { useState } from 'react';",
          "import { createRoot } from 'react-dom/client';",
          "import { useEditor } from '@tiptap/react';",
          "import { api } from '../../lib/api';",
          "import { useMessages } from '../../i18n/MessagesContext';",
          "import { DisplayDateInput } from '../../components/DisplayDateInput';",
          "import type { Article } from '../../../../shared/articleModel';",
          "import { libraryQuery } from './libraryQuery';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('keep the renderer off Node, Electron, the main process and the main-only packages', async () => {
    const path = 'renderer/src/features/library/x.ts';
    expect(await reported(path, "import { readFile } from 'node:fs/promises';")).toEqual(["project/allowed-imports 'node:fs/promises'"]);
    expect(await reported(path, "import { ipcRenderer } from 'electron';")).toEqual(["project/allowed-imports 'electron'"]);
    expect(await reported(path, "import sharp from 'sharp';")).toEqual(["project/allowed-imports 'sharp'"]);
    expect(await reported(path, "import { ArticleStore } from '../../../../electron/main/storage/ArticleStore';")).toEqual([
      "project/allowed-imports '../../../../electron/main/storage/ArticleStore'",
    ]);
    expect(await reported('renderer/src/App.tsx', "import { join } from 'path';")).toEqual(["project/allowed-imports 'path'"]);
  });

  it('keep renderer/src/lib, components and i18n from importing a feature', async () => {
    expect(await reported('renderer/src/lib/x.ts', "import { EditorScreen } from '../features/editor/EditorScreen';")).toEqual([
      "project/allowed-imports '../features/editor/EditorScreen'",
    ]);
    expect(await reported('renderer/src/components/x.ts', "import { messagesByLanguage } from '../i18n/messages';")).toEqual([]);
    expect(await reported('renderer/src/App.tsx', "import { LibraryScreen } from './features/library/LibraryScreen';")).toEqual([]);
  });

  it('keep main’s tiers: IPC reaches the library only through the application layer, stores never call up into it', async () => {
    expect(await reported('electron/main/ipc/x.ts', "import { ArticleStore } from '../storage/ArticleStore';")).toEqual([
      "project/allowed-imports '../storage/ArticleStore'",
    ]);
    expect(await reported('electron/main/ipc/x.ts', "import type { LibrarySession } from '../application/LibrarySession';")).toEqual([]);
    expect(await reported('electron/main/storage/x.ts', "import { ArticleService } from '../application/ArticleService';")).toEqual([
      "project/allowed-imports '../application/ArticleService'",
    ]);
    expect(await reported('electron/main/search/x.ts', "import { createHandlers } from '../ipc/createHandlers';")).toEqual([
      "project/allowed-imports '../ipc/createHandlers'",
    ]);
    expect(await reported('electron/main/application/x.ts', "import { ArticleStore } from '../storage/ArticleStore';")).toEqual([]);
  });

  it('leave window.api to renderer/src/lib/api.ts', async () => {
    const code = 'export const load = () => window.api.articleGet({ id: "a" });';
    expect(await reported('renderer/src/features/editor/x.ts', code)).toEqual(['no-restricted-properties window.api']);
    expect(await reported('renderer/src/features/editor/x.ts', 'export const { api } = globalThis;')).toEqual([
      'no-restricted-properties { api }',
    ]);
    expect(await reported('renderer/src/lib/api.ts', code)).toEqual([]);
  });

  it('keep shared/ pure: no Node, Electron, React or app folder', async () => {
    const path = 'shared/x.ts';
    expect(await reported(path, "import { readFile } from 'node:fs';")).toEqual(["project/allowed-imports 'node:fs'"]);
    expect(await reported(path, "import { useState } from 'react';")).toEqual(["project/allowed-imports 'react'"]);
    expect(await reported(path, "import { useEditor } from '@tiptap/react';")).toEqual(["project/allowed-imports '@tiptap/react'"]);
    expect(await reported(path, "import { api } from '../renderer/src/lib/api';")).toEqual([
      "project/allowed-imports '../renderer/src/lib/api'",
    ]);
    expect(await reported(path, "import { ArticleStore } from '../electron/main/storage/ArticleStore';")).toEqual([
      "project/allowed-imports '../electron/main/storage/ArticleStore'",
    ]);
    expect(
      await reported(
        path,
        [
          "import { z } from 'zod';",
          "import { Node } from '@tiptap/core';",
          "import { Schema } from '@tiptap/pm/model';",
          "import TextAlign from '@tiptap/extension-text-align';",
          "import { articleSchema } from './articleModel';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('keep the preload apart from the main process', async () => {
    const path = 'electron/preload/x.ts';
    expect(await reported(path, "import { startApp } from '../main/index';")).toEqual(["project/allowed-imports '../main/index'"]);
    expect(await reported(path, "import { readFile } from 'node:fs';")).toEqual(["project/allowed-imports 'node:fs'"]);
    expect(await reported(path, "import { api } from '../../renderer/src/lib/api';")).toEqual([
      "project/allowed-imports '../../renderer/src/lib/api'",
    ]);
    expect(
      await reported(
        path,
        ["import { contextBridge } from 'electron';", "import { ipcChannels } from '../../shared/ipcChannels';"].join('\n'),
      ),
    ).toEqual([]);
    expect(await reported('electron/main/x.ts', "import { createPreloadApi } from '../preload/createPreloadApi';")).toEqual([
      "project/allowed-imports '../preload/createPreloadApi'",
    ]);
  });

  it('leave electron to the main-process shell files, which tests never load without Electron', async () => {
    const path = 'electron/main/storage/x.ts';
    expect(await reported(path, "import { app } from 'electron';")).toEqual(["project/allowed-imports 'electron'"]);
    expect(await reported(path, "import type { App } from 'electron';")).toEqual(["project/allowed-imports 'electron'"]);
    expect(await reported(path, "export type Window = import('electron').BrowserWindow;")).toEqual(["project/allowed-imports 'electron'"]);
    expect(await reported(path, "export const { app } = require('electron') as typeof import('electron');")).toEqual([
      "project/allowed-imports 'electron'",
      "project/allowed-imports 'electron'",
    ]);
    expect(await reported(path, "import { readFile } from 'fs';")).toEqual(["project/allowed-imports 'fs'"]);
    expect(await reported(path, "import { render } from '@testing-library/react';")).toEqual([
      "project/allowed-imports '@testing-library/react'",
    ]);
    expect(await reported(path, "import { api } from '../../../renderer/src/lib/api';")).toEqual([
      "project/allowed-imports '../../../renderer/src/lib/api'",
    ]);
    expect(await reported(path, "import { startTestSession } from '../../../tests/support/openTestSession';")).toEqual([
      "project/allowed-imports '../../../tests/support/openTestSession'",
    ]);
    expect(
      await reported(
        path,
        [
          "import { readFile } from 'node:fs/promises';",
          "import sharp from 'sharp';",
          "import { Low } from 'lowdb';",
          "import { z } from 'zod';",
          "import { articleSchema } from '../../../shared/articleModel';",
          "import { toStorageError } from './fileSystemErrors';",
          "import { MediaStore } from '../media/MediaStore';",
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(await reported('electron/main/index.ts', "import { app } from 'electron';")).toEqual([]);
  });

  it('let tests import anything', async () => {
    const code = [
      "import { app } from 'electron';",
      "import { readFile } from 'node:fs';",
      "import { render } from 'react-dom';",
      "import { ArticleStore } from '../../electron/main/storage/ArticleStore';",
      "import { App } from '../../renderer/src/App';",
    ].join('\n');
    expect(await reported('tests/unit/x.ts', code)).toEqual([]);
  });

  it('want every eslint-disable comment to name its rules and say why', async () => {
    const path = 'tests/unit/x.ts';
    const projectRules = async (code: string) => (await reported(path, code)).filter((line) => line.startsWith('project/'));
    expect(await projectRules('// eslint-disable-next-line\nexport const x = 1;\n')).toEqual([
      'project/explained-disable // eslint-disable-next-line',
    ]);
    expect(await projectRules('export const x = 1; // eslint-disable-line no-console\n')).toEqual([
      'project/explained-disable // eslint-disable-line no-console',
    ]);
    expect(await projectRules('/* eslint-disable no-console -- */\nexport const x = 1;\n')).toEqual([
      'project/explained-disable /* eslint-disable no-console -- */',
    ]);
    expect(await projectRules('export const x = 1; // eslint-disable-line no-console -- a reason\n')).toEqual([]);
    // A bare one silences its own report too; ESLint keeps it among the suppressed reports (see the next test).
    const [bare] = await eslint.lintText('export const x = 1; // eslint-disable-line\n', { filePath: resolve(projectRoot, path) });
    expect(bare!.messages).toEqual([]);
    expect(bare!.suppressedMessages.map((message) => message.ruleId)).toEqual(['project/explained-disable']);
  });

  // A bare `eslint-disable-line` or `/* eslint-disable */` also silences the report about itself: ESLint still
  // returns that report among the suppressed ones, so the project's own files are checked for both here.
  it('find no eslint-disable comment in the project without rules and a reason', async () => {
    const results = await eslint.lintFiles(['.']);
    const unexplained = results.flatMap((result) =>
      [...result.messages, ...result.suppressedMessages]
        .filter((message) => message.ruleId === 'project/explained-disable')
        .map((message) => `${relative(projectRoot, result.filePath)}:${message.line}`),
    );
    expect(unexplained).toEqual([]);
  });
});
