import type { AppErrorData, ErrorCode } from '../../../shared/errorCodes';
import { apiNameOf, ipcChannels, type ApiName, type IpcChannel } from '../../../shared/ipcChannels';
import type { Envelope, PreloadApi, RequestOf, ResultOf } from '../../../shared/ipcContract';
import { isSyncOutcome } from '../../../shared/isSyncOutcome';
import { isPackageReceivedReport, type PackageReceivedReport } from '../../../shared/packageReceivedReport';
import type { SyncOutcome } from '../../../shared/sharedLibraryModel';

declare global {
  interface Window {
    api: PreloadApi;
  }
}

/** An error a handler returned; `code` decides the Vietnamese message the user sees. */
export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
  }
}

type UnwrappedApi = {
  [Channel in IpcChannel as ApiName<Channel>]: (request: RequestOf<Channel>) => Promise<ResultOf<Channel>>;
};

function preload(): PreloadApi {
  if (typeof window === 'undefined' || window.api === undefined) {
    throw new ApiError({ code: 'internal', message: 'Không kết nối được với ứng dụng (thiếu window.api)' });
  }
  return window.api;
}

function unwrap(channel: IpcChannel) {
  const name = apiNameOf(channel);
  return async (request: unknown) => {
    const call = (preload() as unknown as Record<string, (request: unknown) => Promise<Envelope<unknown>>>)[name]!;
    const envelope = await call(request);
    if (!envelope.ok) throw new ApiError(envelope.error);
    return envelope.value;
  };
}

/** The renderer's only door to the platform: each call resolves to its value or throws an ApiError. */
export const api = Object.fromEntries(ipcChannels.map((channel) => [apiNameOf(channel), unwrap(channel)])) as UnwrappedApi;

/** The URL to show a stored photo from (never file://: the platform serves it). */
export function mediaUrl(mediaId: string): string {
  return preload().mediaUrl(mediaId);
}

/** Subscribes to the window's close request (Electron only; the browser harness never sends it). */
export function onBeforeClose(listener: () => void): () => void {
  return preload().onAppBeforeClose(listener);
}

/**
 * Main is about to receive a package opened outside the window (a double-click): `prepare` saves the pending edits
 * (and holds the editor), then main is told it may go on, whether or not the saves succeeded.
 */
export function onPackageReceiving(prepare: () => Promise<void>): () => void {
  return preload().onPackageReceiving((requestId) => {
    if (typeof requestId !== 'number' || !Number.isSafeInteger(requestId) || requestId < 0) return;
    void prepare()
      .catch(() => undefined)
      .finally(() => void api.packageReadyToReceive({ requestId }).catch(() => undefined));
  });
}

/** What receiving a package opened outside the window did; a report of another shape is dropped. */
export function onPackageReceived(listener: (report: PackageReceivedReport) => void): () => void {
  return preload().onPackageReceived((report) => {
    if (isPackageReceivedReport(report)) listener(report);
  });
}

/**
 * What a sync did, after each one (by hand, automatic, joining; failed ones too: an editor held for it lets go); an
 * outcome of another shape is dropped. Before it ran, main asked the window to save (onPackageReceiving's handshake).
 */
export function onSharedLibrarySynced(listener: (outcome: SyncOutcome) => void): () => void {
  return preload().onSharedLibrarySynced((outcome) => {
    if (isSyncOutcome(outcome)) listener(outcome);
  });
}
