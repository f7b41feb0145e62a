import type { DocumentNodeJson } from '../../shared/documentJson';

/** An article body holding one photo (a figure with its caption) and an empty paragraph. */
export function bodyWithPhoto(mediaId: string): DocumentNodeJson {
  return {
    type: 'doc',
    content: [
      { type: 'figure', attrs: { mediaId, alt: '', credit: 'Văn Đốc' }, content: [{ type: 'text', text: 'Chú thích' }] },
      { type: 'paragraph' },
    ],
  };
}
