import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const assetsFolder = fileURLToPath(new URL('../../out/renderer/assets/', import.meta.url));

describe('the built renderer bundle', () => {
  it('carries no zod: schemas are checked in main, and old office PCs load every kilobyte', () => {
    const scripts = readdirSync(assetsFolder).filter((name) => name.endsWith('.js'));
    expect(scripts.length, 'run `npm run build` first').toBeGreaterThan(0);
    for (const name of scripts) expect(readFileSync(join(assetsFolder, name), 'utf8'), name).not.toContain('ZodError');
  });
});
