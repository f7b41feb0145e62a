import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Renders React into a fresh element of the jsdom document inside act; everything rendered is unmounted and removed
 * after each test. `beforeRender` sees the empty element first (e.g. to observe every text it will ever hold).
 */
export function useRendering(): (content: ReactNode, beforeRender?: (view: HTMLElement) => void) => Promise<HTMLElement> {
  const mounted: { root: Root; view: HTMLElement }[] = [];
  afterEach(() => {
    for (const { root, view } of mounted.splice(0)) {
      act(() => root.unmount());
      view.remove();
    }
  });
  return async (content, beforeRender) => {
    const view = document.createElement('div');
    document.body.append(view);
    beforeRender?.(view);
    const root = createRoot(view);
    mounted.push({ root, view });
    await act(async () => root.render(content));
    return view;
  };
}
