import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { ArticleContent } from '../../../../../shared/articleModel';
import type { HouseStyle } from '../../../../../shared/houseStyle';
import { useMessages } from '../../../i18n/MessagesContext';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describeError';
import { selectInField, type ArticleFields, type FieldPart } from '../text/articleFieldTexts';
import { editorTextBlocks } from '../text/editorTextBlocks';
import { revealInBody } from '../text/revealInBody';
import { applyTypography } from './applyTypography';
import { checkEditorArticle, type CheckedFinding } from './checkEditorArticle';
import { FindingChange } from './FindingChange';

export interface TypographyPanelProps {
  editor: Editor | null;
  fields: Omit<ArticleContent, 'body'>;
  onFieldsChange: (changes: Partial<ArticleFields>) => void;
  /** Approved or published text: the findings are listed, none applied. */
  locked: boolean;
  /** Bumped by each F7 while open: the panel takes the focus again. */
  focusRequest: number;
  onClose: () => void;
}

/** How long a pause in typing waits before the article is checked again. */
const recheckDelayMs = 400;

/**
 * "Soát lỗi trình bày" (F7): the typography check of the whole article under the agency's house style (Cài đặt), as
 * suggestions in reading order, each with what it would change. A click goes to it; "Sửa" applies one, "Sửa tất cả"
 * all (one undo step in the body); the article is checked again after every change. Advice without a replacement (a
 * title in Title Case) is only shown.
 */
export function TypographyPanel({ editor, fields, onFieldsChange, locked, focusRequest, onClose }: TypographyPanelProps) {
  const messages = useMessages();
  const [houseStyle, setHouseStyle] = useState<HouseStyle | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [docVersion, setDocVersion] = useState(0);
  const [settledFields, setSettledFields] = useState(fields);
  const [notice, setNotice] = useState('');
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let current = true;
    // Read when the panel opens: the house style is the library's, changed in Cài đặt.
    api.settingsGet({}).then(
      (settings) => current && setHouseStyle(settings.houseStyle),
      (error: unknown) => current && setLoadError(describeError(messages, error)),
    );
    return () => {
      current = false;
    };
  }, [messages]);

  useEffect(() => panelRef.current?.focus(), [focusRequest]);

  // Typing in the body or a field is checked again once it pauses, never on each keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setSettledFields(fields), recheckDelayMs);
    return () => clearTimeout(timer);
  }, [fields]);
  useEffect(() => {
    if (editor === null || editor.isDestroyed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recheck = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setDocVersion((version) => version + 1), recheckDelayMs);
    };
    editor.on('update', recheck);
    return () => {
      clearTimeout(timer);
      editor.off('update', recheck);
    };
  }, [editor]);

  const findings = useMemo(
    () =>
      editor === null || editor.isDestroyed || houseStyle === null ? null : checkEditorArticle(settledFields, editor.state.doc, houseStyle),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- docVersion stands for the editor's document, read here unseen by React
    [editor, settledFields, houseStyle, docVersion],
  );

  const paragraphNumbers = useMemo(() => {
    const numbers = new Map<number, number>();
    if (editor === null || findings === null) return numbers;
    const counted = { body: 0, caption: 0 };
    for (const block of editorTextBlocks(editor.state.doc)) numbers.set(block.index, (counted[block.part] += 1));
    return numbers;
  }, [editor, findings]);

  const apply = useCallback(
    (chosen: readonly CheckedFinding[]) => {
      if (locked || editor === null || editor.isDestroyed) return;
      const { applied, stale, changes } = applyTypography(editor, fields, onFieldsChange, chosen);
      // Checked again now, not after the pause: the list must never offer a change already made.
      setSettledFields({ ...fields, ...changes });
      setDocVersion((version) => version + 1);
      setNotice(stale ? messages.typography.stale : messages.typography.fixed(applied));
    },
    [locked, editor, fields, onFieldsChange, messages],
  );

  const goTo = (finding: CheckedFinding) => {
    const { block, part } = finding.location;
    if (block === null) {
      selectInField(part as FieldPart, finding.start, finding.end);
      return;
    }
    const target = editor === null ? undefined : editorTextBlocks(editor.state.doc)[block];
    if (editor !== null && target !== undefined)
      revealInBody(editor, target.position + 1 + finding.start, target.position + 1 + finding.end, true);
  };

  const where = (finding: CheckedFinding): string => {
    const { block, part } = finding.location;
    if (block === null) return messages.typography.where[part as FieldPart];
    const number = paragraphNumbers.get(block) ?? block + 1;
    return part === 'caption' ? messages.typography.captionNumber(number) : messages.typography.paragraphNumber(number);
  };

  const fixable = findings?.filter((finding) => finding.replacement !== null) ?? [];

  return (
    <section
      ref={panelRef}
      className="typography-panel"
      aria-labelledby="typography-title"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="typography-header">
        <h2 id="typography-title" className="typography-title">
          {messages.typography.title}{' '}
          {findings !== null && <span className="typography-count">{messages.typography.count(findings.length)}</span>}
        </h2>
        {houseStyle !== null && <span className="typography-style muted">{messages.typography.houseStyleSummary(houseStyle)}</span>}
        <div className="typography-actions">
          {!locked && (
            <button
              type="button"
              className="button button-small button-primary"
              disabled={fixable.length === 0}
              onClick={() => apply(fixable)}
            >
              {messages.typography.fixAll}
            </button>
          )}
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={onClose}
            aria-label={messages.typography.close}
            title="Esc"
          >
            ×
          </button>
        </div>
      </header>
      {locked && <p className="typography-note muted">{messages.typography.locked}</p>}
      {loadError !== null && <p className="field-error">{loadError}</p>}
      {notice !== '' && (
        <p className="typography-note muted" role="status">
          {notice}
        </p>
      )}
      {findings === null && loadError === null && <p className="muted">{messages.typography.checking}</p>}
      {findings !== null && findings.length === 0 && <p className="typography-note">{messages.typography.empty}</p>}
      {findings !== null && findings.length > 0 && (
        <ol className="typography-list" aria-label={messages.typography.listLabel}>
          {findings.map((finding) => (
            <li
              key={`${finding.location.part}:${finding.location.block}:${finding.start}:${finding.end}:${finding.rule}`}
              className="typography-item"
            >
              <button type="button" className="typography-go" onClick={() => goTo(finding)} title={messages.typography.goTo}>
                <span className="typography-where">{where(finding)}</span>
                <span className="typography-message">{finding.message}</span>
                <FindingChange finding={finding} />
              </button>
              {finding.replacement === null ? (
                <span className="typography-advice muted">{messages.typography.adviceOnly}</span>
              ) : (
                !locked && (
                  <button type="button" className="button button-small" onClick={() => apply([finding])}>
                    {messages.typography.fix}
                  </button>
                )
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
