import { useEffect, useState } from 'react';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { figureTextMaximumLength } from '../../../../shared/FigureNode';
import type { MediaInfo } from '../../../../shared/mediaModel';
import { useMessages } from '../../i18n/MessagesContext';
import { api, mediaUrl } from '../../lib/api';
import { formatTakenAt } from '../../lib/formatDateTime';
import { useFigureContext } from './FigureContext';
import { nfcFieldValue } from './text/nfcFieldValue';
import { pasteAsOneLine } from './text/pasteAsOneLine';

/**
 * A photo in the body: the image, its caption typed inline underneath (the node's content), the credit and
 * alt text, and actions to move, replace, remove it or make it the cover. Every change is an undoable transaction.
 */
export function FigureView({ node, editor, getPos, selected }: ReactNodeViewProps) {
  const messages = useMessages();
  const { coverMediaId, setCover, importFromDialog } = useFigureContext();
  const mediaId = node.attrs.mediaId as string;
  const credit = node.attrs.credit as string;
  const alt = node.attrs.alt as string;
  const [info, setInfo] = useState<MediaInfo | null>(null);
  const [broken, setBroken] = useState(false);
  const isCover = coverMediaId === mediaId;
  const position = () => getPos() ?? -1;

  useEffect(() => {
    let current = true;
    setBroken(false);
    api.mediaGet({ id: mediaId }).then(
      (loaded) => current && setInfo(loaded),
      () => current && setInfo(null),
    );
    return () => {
      current = false;
    };
  }, [mediaId]);

  // Mouse presses keep the editor's focus and selection; the action runs on click so Enter and Space work too.
  const run = (action: () => void) => ({ onMouseDown: (event: React.MouseEvent) => event.preventDefault(), onClick: action });

  return (
    <NodeViewWrapper as="figure" className={`figure-block${selected ? ' figure-selected' : ''}${isCover ? ' figure-cover' : ''}`}>
      <div className="figure-image" contentEditable={false} data-drag-handle="">
        {broken ? (
          <div className="figure-missing" role="img" aria-label={messages.photoMissing}>
            {messages.photoMissing}
          </div>
        ) : (
          <img src={mediaUrl(mediaId)} alt={alt || node.textContent || messages.photo} draggable={false} onError={() => setBroken(true)} />
        )}
        {isCover && <span className="cover-badge">★ {messages.coverPhoto}</span>}
        <div className="figure-actions">
          <button
            type="button"
            className="figure-action"
            title={messages.moveUp}
            aria-label={messages.moveUp}
            {...run(() => editor.commands.moveFigure(position(), 'up'))}
          >
            ↑
          </button>
          <button
            type="button"
            className="figure-action"
            title={messages.moveDown}
            aria-label={messages.moveDown}
            {...run(() => editor.commands.moveFigure(position(), 'down'))}
          >
            ↓
          </button>
          <button
            type="button"
            className="figure-action"
            aria-pressed={isCover}
            title={isCover ? messages.unsetCover : messages.setCover}
            {...run(() => setCover(isCover ? null : mediaId))}
          >
            {isCover ? '★' : '☆'} {messages.coverPhoto}
          </button>
          <button
            type="button"
            className="figure-action"
            {...run(() => {
              const at = position();
              void importFromDialog().then(
                ([replacement]) => replacement !== undefined && editor.commands.updateFigure(at, { mediaId: replacement.id }),
              );
            })}
          >
            {messages.replacePhoto}
          </button>
          <button type="button" className="figure-action figure-remove" {...run(() => editor.commands.removeFigure(position()))}>
            {messages.removePhoto}
          </button>
        </div>
      </div>
      <NodeViewContent<'figcaption'> as="figcaption" className="figure-caption" data-placeholder={messages.captionPlaceholder} />
      <div className="figure-fields" contentEditable={false}>
        <label>
          <span>{messages.fieldPhotoCredit}</span>
          <input
            type="text"
            value={credit}
            list="people-names"
            maxLength={figureTextMaximumLength}
            placeholder={messages.fieldPhotoCreditPlaceholder}
            onChange={(event) => editor.commands.updateFigure(position(), { credit: nfcFieldValue(event) })}
            onPaste={pasteAsOneLine}
          />
        </label>
        <label>
          <span>{messages.altText}</span>
          <input
            type="text"
            value={alt}
            maxLength={figureTextMaximumLength}
            placeholder={messages.altTextPlaceholder}
            onChange={(event) => editor.commands.updateFigure(position(), { alt: nfcFieldValue(event) })}
            onPaste={pasteAsOneLine}
          />
        </label>
        {info?.takenAt && <span className="figure-taken">{messages.takenAt(formatTakenAt(info.takenAt))}</span>}
        {info && (
          <span className="figure-size">
            {info.width} × {info.height}
          </span>
        )}
      </div>
    </NodeViewWrapper>
  );
}
