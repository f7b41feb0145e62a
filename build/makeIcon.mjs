#!/usr/bin/env node
// Draws the application icon (build/icon.png, 1024x1024, transparent corners) without network access:
// the mark is an SVG written here, rasterised by headless Chromium. electron-builder derives the
// Windows .ico, the macOS .icns and the Linux icon sizes from this one PNG.
//
// Usage: node build/makeIcon.mjs [path/to/chromium]   (default /usr/bin/chromium, or $CHROMIUM)
// Run it again only when the design changes, and commit the PNG it writes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SIZE = 1024;
const chromium = process.argv[2] ?? process.env.CHROMIUM ?? '/usr/bin/chromium';
const outputPath = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');

// A cream pen nib on a deep red tile. Shapes only (no text), so the result does not depend on the
// fonts installed, and the bold silhouette still reads at 16-32 px. The tile keeps the macOS
// margin (824 px on a 1024 px canvas) so the icon sits well beside system icons.
const ink = '#2a1a17';
const paper = '#f6f4ef'; // the app window's background colour
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#a3262a"/>
      <stop offset="1" stop-color="#6d1217"/>
    </linearGradient>
    <linearGradient id="nib" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#ffffff"/>
      <stop offset="0.5" stop-color="${paper}"/>
      <stop offset="1" stop-color="#e4ddd0"/>
    </linearGradient>
  </defs>
  <rect x="100" y="100" width="824" height="824" rx="184" fill="url(#tile)"/>
  <!-- a line of writing left by the nib -->
  <path d="M 232 812 C 330 772 430 826 566 792" fill="none" stroke="${ink}" stroke-width="26" stroke-linecap="round"/>
  <g transform="rotate(-12 512 520)">
    <!-- collar (where the nib enters the holder) -->
    <rect x="404" y="196" width="216" height="96" rx="18" fill="url(#nib)"/>
    <!-- nib body: shoulders, then a taper to the point -->
    <path id="body" d="M 392 316 L 632 316 C 712 402 724 500 630 618 L 512 796 L 394 618 C 300 500 312 402 392 316 Z" fill="url(#nib)"/>
    <clipPath id="inside"><use href="#body"/></clipPath>
    <!-- slit (clipped to the nib, so it runs right to the point) and breather hole -->
    <line x1="512" y1="540" x2="512" y2="820" stroke="#7a151a" stroke-width="20" clip-path="url(#inside)"/>
    <circle cx="512" cy="520" r="40" fill="#7a151a"/>
  </g>
</svg>
`;

const work = mkdtempSync(join(tmpdir(), 'banthao-icon-'));
try {
  const svgPath = join(work, 'icon.svg');
  const shotPath = join(work, 'icon.png');
  writeFileSync(svgPath, svg);
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--no-first-run',
      '--disable-background-networking',
      '--default-background-color=00000000',
      `--user-data-dir=${join(work, 'profile')}`,
      `--window-size=${SIZE},${SIZE}`,
      `--screenshot=${shotPath}`,
      pathToFileURL(svgPath).href,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
  );
  const png = readFileSync(shotPath);
  // IHDR: width and height are the big-endian words at bytes 16 and 20.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (png.toString('latin1', 1, 4) !== 'PNG' || width !== SIZE || height !== SIZE) {
    throw new Error(`Chromium wrote an unexpected image (${width}x${height}); expected a ${SIZE}x${SIZE} PNG`);
  }
  writeFileSync(outputPath, png); // not a rename: the temp folder may be on another file system
  console.log(`wrote ${outputPath} (${width}x${height}, ${png.length} bytes)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
