import type { Frame, Page } from 'playwright-core';

/**
 * Everything in a document, as Chromium built it, that could run or load: scripts, handler attributes, frames, remote
 * URLs in attributes, and in its stylesheets any @import, font file or url() other than a data: image (empty when inert).
 * A `<link>` is allowed only as a data: stylesheet (the preview's template stylesheet).
 */
export function executablePartsIn(frame: Frame | Page): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const name = element.localName;
      const dataStylesheet =
        name === 'link' && element.getAttribute('rel') === 'stylesheet' && /^data:text\/css;/.test(element.getAttribute('href') ?? '');
      if (
        ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'template'].includes(name) ||
        (name === 'link' && !dataStylesheet)
      ) {
        found.push(`<${name}>`);
      }
      if (name === 'meta' && element.getAttribute('http-equiv') !== 'Content-Security-Policy' && element.hasAttribute('http-equiv')) {
        found.push('<meta http-equiv>');
      }
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${name}>`);
        if (['src', 'href', 'action', 'formaction', 'srcset', 'poster', 'background', 'xlink:href', 'style'].includes(attribute.name)) {
          const value = attribute.value.replace(/[\u0000-\u0020\u007f]/g, '');
          const allowed =
            (attribute.name === 'href' && (/^(?:https?:|mailto:)/i.test(value) || dataStylesheet)) ||
            (attribute.name === 'src' && /^(?:data:image\/(?:jpeg|png|gif|webp);base64,|images\/)/.test(value)) ||
            (attribute.name === 'style' && /^text-align:(?:left|center|right|justify);?$/.test(value));
          if (!allowed) found.push(`${attribute.name}="${attribute.value.slice(0, 60)}" on <${name}>`);
        }
      }
    }
    const inRules = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSImportRule) found.push(`@import ${rule.href}`);
        if (rule instanceof CSSFontFaceRule && /url\(/i.test(rule.style.getPropertyValue('src'))) found.push('@font-face with url()');
        const text = rule.cssText;
        for (const [, target] of text.matchAll(/url\(\s*["']?([^"')]*)/gi)) {
          if (!/^data:image\/(?:jpeg|png|gif|webp);base64,/i.test(target ?? ''))
            found.push(`url(${(target ?? '').slice(0, 60)}) in a stylesheet`);
        }
        if ('cssRules' in rule && rule.cssRules instanceof CSSRuleList) inRules(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) inRules(sheet.cssRules);
    return found;
  });
}
