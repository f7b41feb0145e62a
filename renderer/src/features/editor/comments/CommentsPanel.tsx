import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { CommentThread } from '../../../../../shared/commentModel';
import type { ToastMessage } from '../../../components/useToast';
import { useMessages } from '../../../i18n/MessagesContext';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describeError';
import { activeAnchorKey, activeAnchorPlugin, setActiveAnchor, setResolvedAnchors } from './activeAnchorPlugin';
import { anchoredThreadIds, anchorRangesOf, quoteOf, threadIdsAt, threadsInReadingOrder, type AnchorRange } from './commentAnchors';
import { CommentThreadItem } from './CommentThreadItem';
import type { CommentsHub } from './CommentsHub';
import { commentShortcut } from './commentShortcut';
import { NewCommentForm } from './NewCommentForm';

export interface CommentsPanelProps {
  articleId: string;
  /** Where the body editor and its "Bình luận" requests come from. */
  hub: CommentsHub;
  showToast: (toast: ToastMessage) => void;
}

const noIds: readonly string[] = [];

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** The ids of the threads anchored in the body, in reading order, following every change of the document. */
function useAnchoredThreadIds(editor: Editor | null): readonly string[] {
  const cache = useRef<{ doc: ProseMirrorNode | null; ids: readonly string[] }>({ doc: null, ids: noIds });
  const subscribe = useCallback(
    (listener: () => void) => {
      if (editor === null) return () => undefined;
      editor.on('transaction', listener);
      return () => {
        editor.off('transaction', listener);
      };
    },
    [editor],
  );
  const snapshot = useCallback(() => {
    if (editor === null || editor.isDestroyed) return noIds;
    const { doc } = editor.state;
    // Walked once per document (a keystroke makes a new one), not per selection move; same order, same array.
    if (cache.current.doc !== doc) {
      const ids = anchoredThreadIds(doc);
      cache.current = { doc, ids: sameIds(ids, cache.current.ids) ? cache.current.ids : ids };
    }
    return cache.current.ids;
  }, [editor]);
  return useSyncExternalStore(subscribe, snapshot);
}

/** Brings a thread into view inside the panel's own scroll area, never scrolling the page (the user may be typing). */
function revealInPanel(panel: HTMLElement | null, threadId: string): void {
  // The id comes from the document (a pasted or stored anchor): compared as a value, never put into a selector.
  const item =
    panel === null
      ? undefined
      : [...panel.querySelectorAll<HTMLElement>('[data-thread-id]')].find((element) => element.dataset.threadId === threadId);
  if (panel == null || item == null || panel.scrollHeight <= panel.clientHeight) return;
  // The panel's title stays over its top while it scrolls.
  const covered = panel.querySelector<HTMLElement>('.comments-title')?.offsetHeight ?? 0;
  const top = item.offsetTop - covered;
  const bottom = item.offsetTop + item.offsetHeight;
  if (top < panel.scrollTop) panel.scrollTop = top - 8;
  else if (bottom > panel.scrollTop + panel.clientHeight) panel.scrollTop = bottom - panel.clientHeight + 8;
}

interface Draft {
  key: number;
  range: AnchorRange;
  quote: string;
}

/**
 * "Bình luận": the article's threads in reading order (where their text is in the body), then those whose text was
 * deleted; the form for a new one when "Bình luận" (Ctrl+Alt+M) is asked for on a selection. A thread's anchor and
 * the thread are one: clicking a thread selects its text, moving the cursor into commented text makes its thread the
 * active one.
 */
export function CommentsPanel({ articleId, hub, showToast }: CommentsPanelProps) {
  const messages = useMessages();
  const editor = useSyncExternalStore(hub.subscribeEditor, hub.editor);
  const anchored = useAnchoredThreadIds(editor);
  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const drafts = useRef(0);

  const fail = useCallback((error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' }), [messages, showToast]);

  useEffect(() => {
    let current = true;
    api.commentList({ id: articleId }).then(
      (listed) => current && setThreads(listed),
      (error: unknown) => {
        if (!current) return;
        setThreads([]);
        fail(error);
      },
    );
    return () => {
      current = false;
    };
  }, [articleId, fail]);

  const keep = useCallback((thread: CommentThread) => {
    setThreads((current) => {
      const listed = current ?? [];
      return listed.some((candidate) => candidate.id === thread.id)
        ? listed.map((candidate) => (candidate.id === thread.id ? thread : candidate))
        : [...listed, thread];
    });
  }, []);

  // The active thread's anchor is drawn stronger by a plugin the panel adds to the editor while it is shown.
  useEffect(() => {
    if (editor === null || editor.isDestroyed) return;
    editor.registerPlugin(activeAnchorPlugin());
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(activeAnchorKey);
    };
  }, [editor]);

  // Resolved threads' text is no longer highlighted.
  const resolvedIds = useMemo(() => threads?.filter((thread) => thread.resolved !== null).map((thread) => thread.id) ?? [], [threads]);
  useEffect(() => {
    if (editor === null || editor.isDestroyed) return;
    editor.view.dispatch(setResolvedAnchors(editor.state.tr, resolvedIds));
  }, [editor, resolvedIds]);

  useEffect(() => {
    if (editor === null || editor.isDestroyed) return;
    editor.view.dispatch(setActiveAnchor(editor.state.tr, activeId));
    if (activeId !== null) revealInPanel(panelRef.current, activeId);
  }, [editor, activeId]);

  // The cursor in commented text makes its thread the active one.
  useEffect(() => {
    if (editor === null) return;
    const follow = () => {
      const ids = threadIdsAt(editor.state.doc, editor.state.selection.head);
      if (ids.length > 0) setActiveId((current) => (current !== null && ids.includes(current) ? current : ids[0]!));
    };
    editor.on('selectionUpdate', follow);
    return () => {
      editor.off('selectionUpdate', follow);
    };
  }, [editor]);

  // "Bình luận" on the selection (toolbar, Ctrl+Alt+M): the form for it, or a word that there is nothing selected.
  useEffect(
    () =>
      hub.onCommentRequest(() => {
        const current = hub.editor();
        // Approved text can be commented too: an anchor-only save is reviewing, not editing (the store allows it).
        if (current === null || current.isDestroyed) return;
        const { from, to } = current.state.selection;
        const quote = quoteOf(current.state.doc, from, to);
        if (from === to || quote === '') {
          showToast({ text: messages.comments.needSelection, tone: 'info' });
          return;
        }
        drafts.current += 1;
        setDraft({ key: drafts.current, range: { from, to }, quote });
      }),
    [hub, messages, showToast],
  );

  const jump = (threadId: string) => {
    setActiveId(threadId);
    if (editor === null || editor.isDestroyed) return;
    const first = anchorRangesOf(editor.state.doc).get(threadId)?.[0];
    if (first === undefined) return;
    // The text is selected (visible once the editor has focus again); the keyboard stays in the panel.
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, first.from, first.to)));
    const anchor = [...editor.view.dom.querySelectorAll<HTMLElement>('[data-comment-thread]')].find(
      (element) => element.dataset.commentThread === threadId,
    );
    if (anchor !== undefined && typeof anchor.scrollIntoView === 'function') anchor.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const start = useCallback(
    async (text: string, quote: string) => {
      try {
        const thread = await api.commentStart({ id: articleId, text, quote });
        keep(thread);
        return thread;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    [articleId, keep, fail],
  );

  const reply = async (threadId: string, text: string) => {
    try {
      keep(await api.commentReply({ id: articleId, threadId, text }));
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  const resolve = async (threadId: string, resolved: boolean) => {
    try {
      keep(await api.commentResolve({ id: articleId, threadId, resolved }));
    } catch (error) {
      fail(error);
    }
  };

  const ordered = useMemo(() => (threads === null ? null : threadsInReadingOrder(threads, anchored)), [threads, anchored]);
  const open = threads?.filter((thread) => thread.resolved === null).length ?? 0;

  const item = (thread: CommentThread, detached: boolean) => (
    <CommentThreadItem
      key={thread.id}
      thread={thread}
      active={thread.id === activeId}
      detached={detached}
      onActivate={() => setActiveId(thread.id)}
      onJump={() => jump(thread.id)}
      onReply={(text) => reply(thread.id, text)}
      onResolve={(resolved) => resolve(thread.id, resolved)}
    />
  );

  return (
    <div className="comments-frame">
      <aside ref={panelRef} className="comments-panel" aria-labelledby="comments-title">
        <h2 id="comments-title" className="comments-title">
          {messages.comments.title}
          {open > 0 && <span className="comments-count"> ({messages.comments.openCount(open)})</span>}
        </h2>
        {draft !== null && editor !== null && (
          <NewCommentForm
            key={draft.key}
            editor={editor}
            range={draft.range}
            quote={draft.quote}
            onStart={(text) => start(text, draft.quote)}
            onStarted={(thread) => {
              setDraft(null);
              setActiveId(thread.id);
            }}
            onCancel={() => setDraft(null)}
          />
        )}
        {ordered === null || editor === null ? (
          <p className="muted">{messages.loading}</p>
        ) : ordered.placed.length + ordered.detached.length === 0 ? (
          draft === null && <p className="muted comments-empty">{messages.comments.empty(commentShortcut)}</p>
        ) : (
          <>
            {ordered.placed.length > 0 && (
              <ol className="comment-threads" aria-label={messages.comments.listLabel}>
                {ordered.placed.map((thread) => item(thread, false))}
              </ol>
            )}
            {ordered.detached.length > 0 && (
              <section className="comments-detached" aria-labelledby="comments-detached-title">
                <h3 id="comments-detached-title" className="comments-detached-title">
                  {messages.comments.detachedTitle}
                </h3>
                <p className="muted comments-detached-hint">{messages.comments.detachedHint}</p>
                <ol className="comment-threads">{ordered.detached.map((thread) => item(thread, true))}</ol>
              </section>
            )}
          </>
        )}
      </aside>
    </div>
  );
}
