import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { contentSecurityPolicy, exportStyleHashSource } from '../../electron/main/contentSecurityPolicy';
import { exportArticleHtml } from '../../shared/exportArticleHtml';
import { exportStyleElementText } from '../../shared/exportStylesheet';
import { seedArticle } from '../fixtures/seedArticle';

const indexHtml = readFileSync(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)), 'utf8');

describe('Content-Security-Policy', () => {
  it('is the same in the page meta tag as in the header main sends', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });

  it('allows scripts only from the app itself: no inline script, no eval, no remote origin', () => {
    const directives = Object.fromEntries(contentSecurityPolicy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('shows images only from the app, data: URIs and the media protocol (never file:)', () => {
    expect(contentSecurityPolicy).toContain("img-src 'self' data: banthao-media:");
    expect(contentSecurityPolicy).not.toContain('file:');
  });

  it('names no source but the page’s own origin (app://banthao), data: and the media protocol', () => {
    const sources = new Set(contentSecurityPolicy.split('; ').flatMap((directive) => directive.split(' ').slice(1)));
    expect([...sources].sort()).toEqual(["'none'", "'self'", exportStyleHashSource, 'banthao-media:', 'data:']);
  });

  it('allows one inline stylesheet, the export page’s own, by its hash, and data: stylesheets (the template’s in the preview)', () => {
    const directives = Object.fromEntries(contentSecurityPolicy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    const hash = `'sha256-${createHash('sha256').update(exportStyleElementText, 'utf8').digest('base64')}'`;
    expect(directives['style-src']).toBe(`style-src 'self' ${hash} data:`);
    expect(exportArticleHtml(seedArticle())).toContain(`<style>${exportStyleElementText}</style>`);
  });
});
