import type { ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { TextAlignment } from '../../../../shared/documentExtensions';
import { useMessages } from '../../i18n/MessagesContext';
import { ToolbarIcon, type ToolbarIconName } from './ToolbarIcon';
import { commentShortcut } from './comments/commentShortcut';
import { isTrackingChanges, setTrackingChanges } from './suggestions/trackChanges';
import { convertEncodingShortcut } from './encoding/useEncodingConversion';
import { isCursorInTable, type TableChange } from './tables/TableEditing';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const modifier = isMac ? '⌘' : 'Ctrl+';

interface ToolButtonProps {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  /** The tooltip when it says more than the label and shortcut (why the button is off). */
  hint?: string | undefined;
  onRun: () => void;
  children: ReactNode;
}

/** A toolbar button that never takes focus from the editor (a focused button eats the next keystrokes). */
function ToolButton({ label, shortcut, active, disabled, hint, onRun, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={active ? 'tool tool-active' : 'tool'}
      aria-label={label}
      aria-pressed={active}
      title={hint ?? (shortcut ? `${label} (${shortcut})` : label)}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

/** Formatting for the body: block types, marks, lists, quote, link, rule, alignment, undo/redo; and "Bình luận" on the selection. */
export function EditorToolbar({
  editor,
  onLink,
  onInsertPhoto,
  onComment,
  onConvertEncoding,
}: {
  editor: Editor;
  onLink: () => void;
  onInsertPhoto: () => void;
  onComment?: (() => void) | undefined;
  onConvertEncoding?: (() => void) | undefined;
}) {
  const messages = useMessages();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      paragraph: current.isActive('paragraph'),
      heading2: current.isActive('heading', { level: 2 }),
      heading3: current.isActive('heading', { level: 3 }),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      link: current.isActive('link'),
      align: (['left', 'center', 'right', 'justify'] as const).find((alignment) => current.isActive({ textAlign: alignment })) ?? null,
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
      tracking: isTrackingChanges(current.state),
      inTable: isCursorInTable(current.state),
    }),
  });
  const tableCommand = (change: TableChange, label: string, shortcut?: string) => (
    <button
      type="button"
      className="tool tool-text"
      title={shortcut === undefined ? label : `${label} (${shortcut})`}
      disabled={state.tracking}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => editor.chain().focus().changeTable(change).run()}
    >
      {label}
    </button>
  );
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => command(editor.chain().focus()).run();
  const align = (alignment: TextAlignment, icon: ToolbarIconName, label: string, key: string) => (
    <ToolButton
      label={label}
      shortcut={`${modifier}Shift+${key}`}
      active={state.align === alignment}
      onRun={run((chain) => chain.toggleTextAlign(alignment))}
    >
      <ToolbarIcon name={icon} />
    </ToolButton>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={messages.toolbar}>
      <div className="tool-group">
        <ToolButton
          label={messages.paragraph}
          shortcut={`${modifier}Alt+0`}
          active={state.paragraph}
          onRun={run((chain) => chain.setParagraph())}
        >
          ¶
        </ToolButton>
        <ToolButton
          label={messages.heading2}
          shortcut={`${modifier}Alt+2`}
          active={state.heading2}
          onRun={run((chain) => chain.toggleHeading({ level: 2 }))}
        >
          H2
        </ToolButton>
        <ToolButton
          label={messages.heading3}
          shortcut={`${modifier}Alt+3`}
          active={state.heading3}
          onRun={run((chain) => chain.toggleHeading({ level: 3 }))}
        >
          H3
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label={messages.bold} shortcut={`${modifier}B`} active={state.bold} onRun={run((chain) => chain.toggleBold())}>
          <b>B</b>
        </ToolButton>
        <ToolButton label={messages.italic} shortcut={`${modifier}I`} active={state.italic} onRun={run((chain) => chain.toggleItalic())}>
          <i>I</i>
        </ToolButton>
        <ToolButton
          label={messages.underline}
          shortcut={`${modifier}U`}
          active={state.underline}
          onRun={run((chain) => chain.toggleUnderline())}
        >
          <u>U</u>
        </ToolButton>
        <ToolButton label={messages.link} shortcut={`${modifier}K`} active={state.link} onRun={onLink}>
          <ToolbarIcon name="link" />
        </ToolButton>
        {onComment && (
          <ToolButton label={messages.comments.add} shortcut={commentShortcut} onRun={onComment}>
            <ToolbarIcon name="comment" />
          </ToolButton>
        )}
      </div>
      <div className="tool-group">
        <ToolButton
          label={messages.bulletList}
          shortcut={`${modifier}Shift+8`}
          active={state.bulletList}
          onRun={run((chain) => chain.toggleBulletList())}
        >
          <ToolbarIcon name="bulletList" />
        </ToolButton>
        <ToolButton
          label={messages.orderedList}
          shortcut={`${modifier}Shift+7`}
          active={state.orderedList}
          onRun={run((chain) => chain.toggleOrderedList())}
        >
          <ToolbarIcon name="orderedList" />
        </ToolButton>
        <ToolButton
          label={messages.blockquote}
          shortcut={`${modifier}Shift+B`}
          active={state.blockquote}
          onRun={run((chain) => chain.toggleBlockquote())}
        >
          <ToolbarIcon name="blockquote" />
        </ToolButton>
        <ToolButton label={messages.insertPhoto} shortcut={`${modifier}Shift+I`} onRun={onInsertPhoto}>
          <ToolbarIcon name="photo" />
        </ToolButton>
        <ToolButton
          label={messages.table.insert}
          hint={state.tracking ? messages.table.trackedRefusal : messages.table.insertHint}
          disabled={state.tracking || state.inTable}
          onRun={run((chain) => chain.insertSimpleTable())}
        >
          <ToolbarIcon name="table" />
        </ToolButton>
        <ToolButton label={messages.horizontalRule} onRun={run((chain) => chain.setHorizontalRule())}>
          <ToolbarIcon name="horizontalRule" />
        </ToolButton>
        <ToolButton label={messages.hardBreak} shortcut="Shift+Enter" onRun={run((chain) => chain.setHardBreak())}>
          <ToolbarIcon name="hardBreak" />
        </ToolButton>
      </div>
      <div className="tool-group">
        {align('left', 'alignLeft', messages.alignLeft, 'L')}
        {align('center', 'alignCenter', messages.alignCenter, 'E')}
        {align('right', 'alignRight', messages.alignRight, 'R')}
        {align('justify', 'alignJustify', messages.alignJustify, 'J')}
      </div>
      <div className="tool-group">
        <ToolButton label={messages.undoEdit} shortcut={`${modifier}Z`} disabled={!state.canUndo} onRun={run((chain) => chain.undo())}>
          <ToolbarIcon name="undo" />
        </ToolButton>
        <ToolButton
          label={messages.redoEdit}
          shortcut={`${modifier}Shift+Z`}
          disabled={!state.canRedo}
          onRun={run((chain) => chain.redo())}
        >
          <ToolbarIcon name="redo" />
        </ToolButton>
      </div>
      <div className="tool-group">
        {/* A switch with its words on it: whoever reviews must see at a glance whether their edits are tracked. */}
        <button
          type="button"
          className={state.tracking ? 'tool tool-text tool-active' : 'tool tool-text'}
          aria-pressed={state.tracking}
          title={messages.suggestions.trackHint}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setTrackingChanges(editor, !state.tracking)}
        >
          {messages.suggestions.track}
        </button>
      </div>
      {state.inTable && (
        // Only in a table: its row and column commands; while changes are tracked, why they are off.
        <div className="tool-group" role="group" aria-label={messages.table.commands}>
          {tableCommand('addRow', messages.table.addRow, 'Alt+Shift+↓')}
          {tableCommand('deleteRow', messages.table.deleteRow, 'Alt+Shift+Backspace')}
          {tableCommand('addColumn', messages.table.addColumn, 'Alt+Shift+→')}
          {tableCommand('deleteColumn', messages.table.deleteColumn, 'Alt+Shift+Delete')}
          {tableCommand('deleteTable', messages.table.deleteTable)}
          {state.tracking && <span className="tool-note">{messages.table.trackedRefusal}</span>}
        </div>
      )}
      {onConvertEncoding && (
        <div className="tool-group">
          <button
            type="button"
            className="tool tool-text"
            title={`${messages.legacyEncoding.commandHint} (${convertEncodingShortcut})`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={onConvertEncoding}
          >
            {messages.legacyEncoding.command}
          </button>
        </div>
      )}
    </div>
  );
}
