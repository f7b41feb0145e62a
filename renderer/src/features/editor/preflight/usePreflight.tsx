import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { HouseStyle } from '../../../../../shared/houseStyle';
import {
  preflightArticle,
  type PreflightContent,
  type PreflightFinding,
  type PreflightPlace,
} from '../../../../../shared/preflightArticle';
import { api } from '../../../lib/api';
import { unresolvedCommentCount } from '../comments/unresolvedComments';
import { pendingSuggestionCount } from '../suggestions/pendingSuggestions';
import { PreflightDialog } from './PreflightDialog';
import { revealPreflightPlace } from './revealPreflightPlace';

// Settings that cannot be read leave the end mark unchecked rather than guess the agency's rule (the schema's
// defaultHouseStyle lives with zod, which the renderer does not load).
const unknownHouseStyle: HouseStyle = { toneMarks: 'off', dates: 'off', endMark: 'off', titleSentenceCase: false };

export interface PreflightSources {
  articleId: string;
  /** The article as on screen (fields and body as typed, saved or not). */
  readContent: () => PreflightContent;
  /** The body's editor: its pending suggestions, and where "Đến chỗ này" goes. */
  editor: () => Editor | null;
}

export interface Preflight {
  /**
   * Checks the article, then runs `proceed` (the export) at once when nothing is found, or after "Vẫn xuất" in the
   * checklist; never after "Hủy" or "Đến chỗ này". Resolves once checked (not when the export is done). A call while
   * the checklist is open or being made is ignored. `proceed` reports its own errors (after "Vẫn xuất" no one awaits it).
   */
  beforeExport: (proceed: () => unknown) => Promise<void>;
  /** The checklist when open: render it once, anywhere in the form. */
  dialog: ReactNode;
}

/**
 * The one step before every export form (HTML, folder, Word, CMS copy, print…): "Kiểm tra trước khi xuất" with
 * `preflightArticle`'s findings, the house style from Cài đặt, the article's open comments and the body's pending
 * suggestions. Unreadable settings or comments never stop an export: the end mark is then not checked, and no comments count.
 */
export function usePreflight({ articleId, readContent, editor }: PreflightSources): Preflight {
  const [open, setOpen] = useState<{ findings: PreflightFinding[]; proceed: () => unknown } | null>(null);
  const checking = useRef(false);
  // Where the focus was when the checklist opened, and the place "Đến chỗ này" shows once it is gone (the modal
  // dialog keeps the focus from the form while it is open).
  const opener = useRef<Element | null>(null);
  const goTo = useRef<PreflightPlace | null>(null);

  useEffect(() => {
    if (open !== null || opener.current === null) return;
    const [place, focus] = [goTo.current, opener.current];
    goTo.current = null;
    opener.current = null;
    if (place !== null) revealPreflightPlace(place, editor());
    else if (focus instanceof HTMLElement && focus.isConnected) focus.focus();
  }, [open, editor]);

  const beforeExport = useCallback(
    async (proceed: () => unknown) => {
      if (checking.current) return;
      checking.current = true;
      const focus = document.activeElement;
      let findings: PreflightFinding[];
      try {
        const [houseStyle, unresolvedComments] = await Promise.all([
          api.settingsGet({}).then(
            (settings) => settings.houseStyle,
            () => unknownHouseStyle,
          ),
          unresolvedCommentCount(articleId).catch(() => 0),
        ]);
        findings = preflightArticle(readContent(), houseStyle, {
          unresolvedComments,
          pendingSuggestions: pendingSuggestionCount(editor()?.state.doc),
        });
      } catch (error) {
        checking.current = false;
        throw error;
      }
      if (findings.length === 0) {
        checking.current = false;
        await proceed();
        return;
      }
      opener.current = focus ?? document.body;
      setOpen({ findings, proceed });
    },
    [articleId, readContent, editor],
  );

  const close = (place: PreflightPlace | null) => {
    goTo.current = place;
    checking.current = false;
    setOpen(null);
  };

  const dialog =
    open === null ? null : (
      <PreflightDialog
        findings={open.findings}
        onGoTo={(finding) => close(finding.place)}
        onExportAnyway={() => {
          close(null);
          void open.proceed();
        }}
        onCancel={() => close(null)}
      />
    );

  return { beforeExport, dialog };
}
