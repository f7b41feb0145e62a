import { useEffect, useRef, type RefObject } from 'react';
import type { Editor } from '@tiptap/core';
import type { Article } from '../../../../shared/articleModel';
import { api } from '../../lib/api';
import { followPackageArrivals, type Arrival } from '../../lib/packageArrivals';
import { placeOf, restorePlace, type EditorPlace } from './editorPlace';

export interface FollowReceivedPackagesOptions {
  articleId: string;
  titleRef: RefObject<HTMLTextAreaElement | null>;
  sapoRef: RefObject<HTMLTextAreaElement | null>;
  editorRef: RefObject<Editor | null>;
  /** Stops (true) or resumes (false) taking edits, as a workflow move does. */
  hold: (held: boolean) => void;
  flush: () => Promise<void>;
  /** Whether edits are still unsaved (a save that failed during the hold). */
  hasPendingEdits: () => boolean;
  /** The revision the autosave goes on from: an article read back at it has not changed. */
  currentRevision: () => number;
  /** The package or sync updated this article: rebuild the form from `article` and take the user back to `place`. */
  onUpdated: (article: Article, place: EditorPlace) => void;
  onError: (error: unknown) => void;
  /** Where the user was before a rebuild (EditorScreen keeps it across the form's remount). */
  place: EditorPlace | null;
}

/**
 * The open editor around a package main receives (a double-click while the window is open) or a sync: it stops taking
 * edits and saves the pending ones first; when either updated this article, the form is rebuilt from the new revision (the
 * autosave goes on from it, never from the old one) with the user's place kept; otherwise editing resumes. Edits that
 * could not be saved are never dropped: the form stays, and their next save meets the new revision as a conflict,
 * which offers to keep them as a new article.
 */
export function useFollowReceivedPackages(options: FollowReceivedPackagesOptions): void {
  const latest = useRef(options);
  latest.current = options;

  useEffect(
    () =>
      followPackageArrivals({
        async prepare() {
          latest.current.hold(true);
          await latest.current.flush();
        },
        settle(arrival: Arrival) {
          const current = latest.current;
          const updatedHere = arrival.updatedArticleIds.includes(current.articleId);
          if (!updatedHere || current.hasPendingEdits()) {
            current.hold(false);
            if (updatedHere) void current.flush();
            return;
          }
          const fields = { title: current.titleRef.current, sapo: current.sapoRef.current, body: current.editorRef.current };
          const place = placeOf(fields);
          api.articleGet({ id: current.articleId }).then(
            (article) => {
              // The same revision (nothing written after all): no rebuild would come to end the hold.
              if (article.revision === latest.current.currentRevision()) latest.current.hold(false);
              else latest.current.onUpdated(article, place);
            },
            (error: unknown) => {
              latest.current.hold(false);
              latest.current.onError(error);
            },
          );
        },
      }),
    [],
  );

  // Once, after the rebuilt form's editor exists: back to where the user was.
  useEffect(() => {
    const place = latest.current.place;
    if (place === null) return;
    const frame = requestAnimationFrame(() => {
      const { titleRef, sapoRef, editorRef } = latest.current;
      restorePlace({ title: titleRef.current, sapo: sapoRef.current, body: editorRef.current }, place);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
}
