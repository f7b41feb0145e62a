import { build } from 'esbuild';

/**
 * Bundles a child process's TypeScript entry into one ESM file Node runs directly (packages stay external), so a test
 * can start it with plain `node` and kill it for real.
 */
export async function bundleChildProcess(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
}
