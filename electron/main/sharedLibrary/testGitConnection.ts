import git, { Errors } from 'isomorphic-git';
import type { ConnectionTestResult } from '../../../shared/sharedLibraryModel';
import { ResponseTooLargeError, type CappedHttpClient } from './createGitHttpClient';
import { isLocalNetworkHost } from './isLocalNetworkHost';

export interface GitConnectionRequest {
  address: string;
  userName: string;
  secret: string;
  allowPlainHttp: boolean;
}

/** Node's error codes for a server that cannot be reached at all. */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EPROTO',
]);

/**
 * Asks a Git server what "Kiểm tra kết nối" needs to know, writing nothing: the refs (may this user read the
 * repository?), then the push advertisement (`service=git-receive-pack`, which a server refuses to a read-only user).
 */
export async function testGitConnection(request: GitConnectionRequest, http: CappedHttpClient): Promise<ConnectionTestResult> {
  const url = new URL(request.address);
  if (url.protocol === 'http:' && !request.allowPlainHttp && !isLocalNetworkHost(url.hostname)) return { outcome: 'plain-http-refused' };
  const address = request.address.replace(/\/+$/, '');
  // No second try with the same answer: a wrong password must not loop.
  const onAuth = () => ({ username: request.userName, password: request.secret });
  const onAuthFailure = () => ({ cancel: true });
  try {
    await git.getRemoteInfo({ http, url: address, onAuth, onAuthFailure });
  } catch (error) {
    return http.cutOff() ? { outcome: 'too-large' } : connectionOutcomeOf(error, 'read');
  }
  try {
    await git.getRemoteInfo({ http, url: address, onAuth, onAuthFailure, forPush: true });
  } catch (error) {
    return http.cutOff() ? { outcome: 'too-large' } : connectionOutcomeOf(error, 'push');
  }
  return { outcome: 'connected' };
}

/** What a Git error says about the connection (reading, or pushing); rethrows an error that is not about it. */
export function connectionOutcomeOf(error: unknown, step: 'read' | 'push'): ConnectionTestResult {
  if (error instanceof ResponseTooLargeError) return { outcome: 'too-large' };
  if (error instanceof Errors.UserCanceledError) return { outcome: step === 'read' ? 'unauthorized' : 'read-only' };
  if (error instanceof Errors.HttpError) {
    const status = error.data.statusCode;
    if (step === 'push') return { outcome: status >= 500 ? 'not-repository' : 'read-only' };
    if (status === 401 || status === 403) return { outcome: 'unauthorized' };
    return { outcome: 'not-repository' };
  }
  if (error instanceof Errors.SmartHttpError || error instanceof Errors.ParseError) return { outcome: 'not-repository' };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && isCertificateError(code)) return { outcome: 'certificate', detail: code };
  if (typeof code === 'string' && unreachableCodes.has(code)) return { outcome: 'unreachable' };
  throw error;
}

/** Node's TLS verification codes (OpenSSL's names, and the host-name mismatch). */
function isCertificateError(code: string): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID';
}
