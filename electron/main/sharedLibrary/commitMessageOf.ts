import type { NewsroomRole } from '../../../shared/articleVocabulary';
import type { Identity } from '../../../shared/identity';
import { sharedFileOf } from '../library/libraryLayout';

// The server's history is read by people with Git tools: the role in Vietnamese, as the window says it.
const roleLabels: Record<NewsroomRole, string> = { reporter: 'Phóng viên', editor: 'Biên tập viên', managingEditor: 'Thư ký tòa soạn' };

/** A sync commit's message: who, and what changed (articles counted once however many of their files changed). */
export function commitMessageOf(identity: Identity | null, paths: readonly string[]): string {
  const articles = new Set<string>();
  let photos = 0;
  let other = 0;
  for (const path of paths) {
    const file = sharedFileOf(path);
    if (file?.articleId !== undefined) articles.add(file.articleId);
    else if (file?.kind === 'photo-original') photos += 1;
    else if (file?.kind !== 'photo-description' && file?.kind !== 'photo-preview') other += 1;
  }
  const parts = [`${articles.size} bài`, ...(photos > 0 ? [`${photos} ảnh`] : []), ...(other > 0 ? [`${other} tệp khác`] : [])];
  const who = identity === null || identity.name === '' ? 'Bản Thảo' : `${identity.name} (${roleLabels[identity.role]})`;
  return `Đồng bộ: ${parts.join(', ')}\n\nNgười đồng bộ: ${who}\n`;
}
