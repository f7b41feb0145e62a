import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The HEIC decoder's worker is its own entry beside index.js (media/decodeHeic.ts starts it by that name).
      rollupOptions: {
        input: { index: resolve('electron/main/index.ts'), heicDecodeWorker: resolve('electron/main/media/heicDecodeWorker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed window can only load a CommonJS preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // Office PCs are slow: ship a minified bundle.
      minify: true,
      // Loaded from local disk, not a network: one ~650 kB bundle is fine.
      chunkSizeWarningLimit: 800,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
