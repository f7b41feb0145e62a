import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { ArticlePart } from '../../../../shared/exportTemplateModel';
import { useMessages } from '../../i18n/MessagesContext';

export interface TemplatePartOrderProps {
  order: readonly ArticlePart[];
  onChange: (order: ArticlePart[]) => void;
}

type Direction = 'up' | 'down';

/** The order with `part` moved one place up or down; the same order at either end. */
function moved(order: readonly ArticlePart[], part: ArticlePart, direction: Direction): ArticlePart[] {
  const from = order.indexOf(part);
  const to = direction === 'up' ? from - 1 : from + 1;
  const next = [...order];
  if (from < 0 || to < 0 || to >= order.length) return next;
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/**
 * The template's parts (Ngày, Tiêu đề, Sapo, Tác giả) in their order, each with "Lên" and "Xuống"; Alt+↑ and Alt+↓ move
 * the part whose button has focus. Focus follows the moved part (to its other button once it reaches an end).
 */
export function TemplatePartOrder({ order, onChange }: TemplatePartOrderProps) {
  const text = useMessages().template;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<{ part: ArticlePart; direction: Direction } | null>(null);

  // Moving the row moves its buttons in the page, which may drop focus; a button disabled at an end cannot keep it.
  useLayoutEffect(() => {
    if (focusAfterMove.current === null) return;
    const { part, direction } = focusAfterMove.current;
    focusAfterMove.current = null;
    const same = buttons.current.get(`${part}-${direction}`);
    const other = buttons.current.get(`${part}-${direction === 'up' ? 'down' : 'up'}`);
    (same !== undefined && !same.disabled ? same : other)?.focus();
  }, [order]);

  const move = (part: ArticlePart, direction: Direction) => {
    const next = moved(order, part, direction);
    if (next.every((each, index) => each === order[index])) return;
    focusAfterMove.current = { part, direction };
    onChange(next);
  };

  const moveWithKeys = (part: ArticlePart) => (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(part, event.key === 'ArrowUp' ? 'up' : 'down');
  };

  return (
    <>
      <ol className="template-part-order" aria-label={text.order} aria-describedby="template-order-hint">
        {order.map((part, index) => (
          <li key={part} onKeyDown={moveWithKeys(part)}>
            <span className="template-part-name">{text.parts[part]}</span>
            {(['up', 'down'] as const).map((direction) => (
              <button
                key={direction}
                type="button"
                className="button button-small"
                ref={(button) => {
                  if (button === null) buttons.current.delete(`${part}-${direction}`);
                  else buttons.current.set(`${part}-${direction}`, button);
                }}
                disabled={direction === 'up' ? index === 0 : index === order.length - 1}
                aria-label={direction === 'up' ? text.moveUpLabel(text.parts[part]) : text.moveDownLabel(text.parts[part])}
                aria-keyshortcuts={direction === 'up' ? 'Alt+ArrowUp' : 'Alt+ArrowDown'}
                onClick={() => move(part, direction)}
              >
                {direction === 'up' ? text.moveUp : text.moveDown}
              </button>
            ))}
          </li>
        ))}
      </ol>
      <small id="template-order-hint" className="muted">
        {text.orderHint}
      </small>
    </>
  );
}
