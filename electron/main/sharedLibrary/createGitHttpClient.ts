import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

export interface GitHttpClientOptions {
  /** A request with no byte for this long is given up (`ETIMEDOUT`): a silent server must not hang the app. */
  idleTimeoutMs: number;
  /** A response body longer than this is cut off (`ResponseTooLargeError`): a huge or endless answer is refused. */
  maximumResponseBytes: number;
}

/** A server's answer went past the byte cap. */
export class ResponseTooLargeError extends Error {
  readonly code = 'BANTHAO_RESPONSE_TOO_LARGE';
}

/** The client, and whether it has cut an answer off (isomorphic-git swallows some body errors: this says what happened). */
export interface CappedHttpClient extends HttpClient {
  readonly cutOff: () => boolean;
}

/**
 * isomorphic-git's HTTP client over node:http/https with an idle timeout and a byte cap on every response. Node's
 * certificate checks stay on: no insecure option exists here, so an https certificate error reaches the caller.
 */
export function createGitHttpClient(options: GitHttpClientOptions): CappedHttpClient {
  let cutOff = false;
  const onCutOff = () => {
    cutOff = true;
  };
  return { request: (request) => send(request, options, onCutOff), cutOff: () => cutOff };
}

async function send(gitRequest: GitHttpRequest, options: GitHttpClientOptions, onCutOff: () => void): Promise<GitHttpResponse> {
  const url = new URL(gitRequest.url);
  const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
    method: gitRequest.method ?? 'GET',
    headers: gitRequest.headers ?? {},
  });
  request.setTimeout(options.idleTimeoutMs, () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  // A rejection before the answer is read through `answered`; later ones through the body.
  answered.catch(() => undefined);
  if (gitRequest.body !== undefined) {
    for await (const chunk of gitRequest.body) {
      if (!request.write(chunk)) await new Promise((resolve) => request.once('drain', resolve));
    }
  }
  request.end();
  const response = await answered;
  return {
    url: gitRequest.url,
    method: gitRequest.method,
    statusCode: response.statusCode ?? 0,
    statusMessage: response.statusMessage ?? '',
    headers: Object.fromEntries(Object.entries(response.headers).map(([key, value]) => [key, [value ?? ''].flat().join(', ')])),
    body: cappedBody(response, options.maximumResponseBytes, onCutOff),
  };
}

async function* cappedBody(response: IncomingMessage, maximumBytes: number, onCutOff: () => void): AsyncIterableIterator<Uint8Array> {
  let received = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    received += chunk.byteLength;
    if (received > maximumBytes) {
      response.destroy();
      onCutOff();
      throw new ResponseTooLargeError(`answer larger than ${maximumBytes} bytes`);
    }
    yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}
