import { SettingsStore } from '../../../electron/main/storage/SettingsStore';
import type { Identity } from '../../../shared/identity';

/** Who the app's user is in end-to-end runs unless a test says otherwise: a reporter who answered the first-run question. */
export const e2eIdentity: Identity = { name: 'Ngọc Sơn', role: 'reporter' };

/**
 * Writes a name and role into the data folder's settings before the app starts, as if the first-run question
 * ("Bạn là ai?") had been answered; a folder whose settings already name someone is left alone, and null writes nothing
 * (the app then asks, and the test answers).
 */
export async function presetIdentity(dataDirectory: string, identity: Identity | null): Promise<void> {
  if (identity === null) return;
  const settings = await SettingsStore.open(dataDirectory);
  const { userName, userRole } = settings.get();
  if (userName.trim() !== '' && userRole !== null) return;
  await settings.update({ userName: identity.name, userRole: identity.role });
}
