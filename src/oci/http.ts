// HTTP plumbing over an injected fetch: capped body reads and the registry's own error messages
// (OCI distribution spec v1.1, "Error Codes": `{"errors":[{"code","message","detail"}]}`).
import { concatBytes, fromUtf8 } from '../core/encoding/bytes';
import { isJsonObject, parseJson, type JsonValue } from '../core/encoding/json';
import { VerifyError, type ErrorCode } from '../core/errors';
import { OCI_LIMITS } from './limits';

export interface FetchInit {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
}

/** The only door to the network: window.fetch through the proxy, Node's fetch, or a test double. */
export type FetchFunction = (url: string, init: FetchInit) => Promise<Response>;

// Call fetch, turning a network failure (DNS, TLS, CORS, refused) into OCI_REQUEST_FAILED.
export async function send(fetch: FetchFunction, url: string, init: FetchInit, where: string): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    throw new VerifyError('OCI_REQUEST_FAILED', `${where}: the request to ${url} failed: ${err instanceof Error ? err.message : String(err)}`, { where });
  }
}

// Read a response body, refusing more than max bytes (by Content-Length first, then while streaming);
// onBytes hears the running total after each chunk.
export async function readBody(response: Response, max: number, where: string, onBytes?: (received: number) => void): Promise<Uint8Array> {
  const tooLarge = (found: string) =>
    new VerifyError('LIMIT_EXCEEDED', `${where} is ${found} bytes, over the limit of ${max}`, { where, expected: `at most ${max} bytes`, found });
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > max) {
    await discardBody(response);
    throw tooLarge(declared);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concatBytes(...chunks);
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${max}`);
    }
    chunks.push(value);
    onBytes?.(total);
  }
}

// Release a body that will not be read.
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

// Throw the error a failed status means, quoting the registry: 404 → OCI_NOT_FOUND, 401/403 → OCI_AUTH_FAILED.
export async function throwForStatus(response: Response, where: string): Promise<never> {
  const code: ErrorCode = response.status === 404 ? 'OCI_NOT_FOUND' : response.status === 401 || response.status === 403 ? 'OCI_AUTH_FAILED' : 'OCI_REQUEST_FAILED';
  const message = await registryMessage(response);
  throw new VerifyError(code, `${where}: HTTP ${response.status}${message ? `: ${message}` : ''}`, { where, found: `HTTP ${response.status}` });
}

// The registry's explanation of a failure: distribution-spec errors, OAuth 2 errors (RFC 6749 §5.2), or short text.
async function registryMessage(response: Response): Promise<string> {
  let text: string;
  try {
    text = fromUtf8(await readBody(response, OCI_LIMITS.errorBodyBytes, 'error body'));
  } catch {
    return '';
  }
  let value: JsonValue | undefined;
  try {
    value = parseJson(text, 'error body', OCI_LIMITS.errorBodyBytes);
  } catch {
    value = undefined;
  }
  return printable(isJsonObject(value) ? messageFromJson(value) ?? text : text);
}

// Pull the human message out of a JSON error body.
function messageFromJson(body: { [key: string]: JsonValue }): string | undefined {
  const errors = body.errors;
  if (Array.isArray(errors)) {
    const parts = errors.slice(0, 4).flatMap((e) => (isJsonObject(e) ? [[e.code, e.message].filter((p) => typeof p === 'string').join(': ')] : []));
    if (parts.length > 0) return parts.join('; ');
  }
  for (const key of ['details', 'error_description', 'message', 'error']) {
    const value = body[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

// Registry text made safe to show: control characters removed, length capped.
function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return clean.length > 300 ? `${clean.slice(0, 297)}...` : clean;
}
