import { exportStyleHashSource } from './services/previewHtml';

export { exportStyleHashSource };

/**
 * The renderer's Content-Security-Policy: nothing but our own files; no inline script, no remote content. 'self' is
 * the page's origin, `app://banthao` (the development server's under `npm run dev`), never file://, where it would
 * cover every local file. Sent in the app protocol's answers, by the window's header hook and in index.html's meta tag.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // The export's own stylesheet, by its hash, and the template's as a data: link: the preview frame (srcdoc) inherits this policy.
  `style-src 'self' ${exportStyleHashSource} data:`,
  "img-src 'self' data: banthao-media:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
