import type { VersionSummary } from '../../../../../shared/versionModel';
import type { Messages } from '../../../i18n/messages';
import { formatDateTime } from '../../../lib/formatDateTime';
import { personLabel } from '../../../lib/workflowText';

/** "Ngọc Sơn (Phóng viên)", or that nobody was named then. */
export function versionPerson(messages: Messages, version: VersionSummary): string {
  return version.by === null ? messages.versions.unknownPerson : personLabel(messages, version.by);
}

/** "phiên bản lúc 30/11/2026 10:42", or "bản hiện tại" for the article as it is now (null): a comparison's sides. */
export function versionName(messages: Messages, version: VersionSummary | null): string {
  return version === null ? messages.versions.now : messages.versions.versionAt(formatDateTime(version.at));
}

const isoTimestamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * A version's label as shown. The label main gives a restore names the restored version by its ISO time
 * ("Khôi phục phiên bản 2026-11-30T03:42:00.000Z"): that time is shown as the list shows times.
 */
export function versionLabel(version: VersionSummary): string {
  return version.reason === 'restore' ? version.label.replace(isoTimestamp, (iso) => formatDateTime(iso)) : version.label;
}

/** Why it was taken, in words: "Lưu tay", "Chuyển trạng thái → Đã duyệt" (the label is shown apart). */
export function versionReason(messages: Messages, version: VersionSummary): string {
  const reason = messages.versions.reason[version.reason];
  return version.reason === 'status' ? `${reason} → ${messages.status[version.status]}` : reason;
}
