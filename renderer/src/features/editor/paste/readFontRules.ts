import { firstFontFamily, styleDeclarations } from './styleDeclarations';

/** The font a pasted page's style sheets give an element by its tag and classes, or null. */
export type FontRules = (element: Element) => string | null;

/** One simple selector of the kinds Word and LibreOffice write: "p.MsoNormal", ".MsoChpDefault", "h1". */
const simpleSelector = /^([a-z][a-z0-9]*)?(?:\.([\w-]+))?$/iu;

/**
 * Reads the font-family of the simple rules in a pasted page's <style> blocks (Word puts ".VnTime" on p.MsoNormal or on
 * a class of its own there rather than on each run). Anything more complex than tag, class or tag.class is ignored.
 */
export function readFontRules(page: Document): FontRules {
  const fonts = new Map<string, string>();
  for (const style of page.querySelectorAll('style')) {
    const sheet = (style.textContent ?? '').replace(/\/\*[\s\S]*?\*\//gu, '').replace(/<!--|-->/gu, '');
    for (const [, selectors = '', body = ''] of sheet.matchAll(/([^{}]+)\{([^{}]*)\}/gu)) {
      const family = styleDeclarations(body).get('font-family');
      if (family === undefined || selectors.trim().startsWith('@')) continue;
      for (const selector of selectors.split(',')) {
        const match = simpleSelector.exec(selector.trim());
        if (match === null || (match[1] === undefined && match[2] === undefined)) continue;
        // Later rules win, as in CSS.
        fonts.set(`${match[1]?.toLowerCase() ?? ''}.${match[2] ?? ''}`, firstFontFamily(family));
      }
    }
  }
  return (element) => {
    if (fonts.size === 0) return null;
    const tag = element.localName;
    for (const name of [...element.classList].reverse()) {
      const font = fonts.get(`${tag}.${name}`) ?? fonts.get(`.${name}`);
      if (font !== undefined) return font;
    }
    return fonts.get(`${tag}.`) ?? null;
  };
}
