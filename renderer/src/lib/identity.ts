import type { Identity } from '../../../shared/identity';
import type { Settings } from '../../../shared/settingsModel';

/**
 * Who uses this copy of the app, from the settings: null until the first-run question is answered (a name and a role).
 * The same rule main stamps moves with (electron/main/application/currentIdentity.ts), which the renderer cannot import.
 */
export function identityOf(settings: Pick<Settings, 'userName' | 'userRole'>): Identity | null {
  const name = settings.userName.trim();
  return name === '' || settings.userRole === null ? null : { name, role: settings.userRole };
}

/** The longest name the settings accept (shared/settingsModel.ts: nfcString(100); kept here so the bundle needs no zod). */
export const identityNameMaximumLength = 100;
