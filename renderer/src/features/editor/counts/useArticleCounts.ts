import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { ArticleCounts } from '../../../../../shared/countArticle';
import type { ArticleFields } from '../text/articleFieldTexts';
import { countEditorArticle } from './countEditorArticle';

/** How long typing pauses before the counts follow: a keystroke never waits for them. */
export const countsDelayMs = 250;

/** The article's counts, counted at once when the editor is there and again shortly after each pause in typing. */
export function useArticleCounts(editor: Editor | null, fields: Pick<ArticleFields, 'title' | 'sapo'>): ArticleCounts | null {
  const [counts, setCounts] = useState<ArticleCounts | null>(null);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const scheduleRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (editor === null || editor.isDestroyed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const count = () => {
      timer = undefined;
      if (!editor.isDestroyed) setCounts(countEditorArticle(fieldsRef.current, editor.state.doc));
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(count, countsDelayMs);
    };
    scheduleRef.current = schedule;
    count();
    editor.on('update', schedule);
    return () => {
      editor.off('update', schedule);
      clearTimeout(timer);
      scheduleRef.current = () => undefined;
    };
  }, [editor]);

  useEffect(() => scheduleRef.current(), [fields.title, fields.sapo]);
  return counts;
}
