import { useState } from 'react';
import { mediaUrl } from '../../../lib/api';

/**
 * A small picture of a library photo, to tell photos apart in a version or a comparison; the text beside it says
 * what it is, so the picture itself is decorative. Nothing shows when the photo is not in the library.
 */
export function PhotoThumb({ mediaId, size = 'small' }: { mediaId: string; size?: 'small' | 'large' }) {
  const [broken, setBroken] = useState(false);
  if (broken) return <span className={`photo-thumb photo-thumb-${size} photo-thumb-missing`} aria-hidden="true" />;
  return (
    <img className={`photo-thumb photo-thumb-${size}`} src={mediaUrl(mediaId)} alt="" loading="lazy" onError={() => setBroken(true)} />
  );
}
