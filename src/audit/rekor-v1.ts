// A Rekor v1 client over an injected fetch (rekor openapi.yaml): index search, entries by UUID, entry ID or
// log index, the signed tree head, and consistency proofs. Every answer is parsed as hostile input.
import { toBase64 } from '../core/encoding/base64';
import { utf8 } from '../core/encoding/bytes';
import { VerifyError } from '../core/errors';
import {
  entryUuid,
  parseRekorConsistencyProof,
  parseRekorEntryResponse,
  parseRekorLogInfo,
  parseRekorSearchResponse,
  type RekorLogEntry,
  type RekorLogInfo,
} from '../core/tlog';
import { baseUrl, DEFAULT_EXCHANGE_LIMITS, fetchText, type AuditFetch, type Exchange, type ExchangeLimits } from './http';

/** What POST /api/v1/index/retrieve can look for (SearchIndex). Rekor matches e-mail SANs only, not URI SANs. */
export type RekorSearchQuery =
  | { email: string }
  | { sha: string }
  | { publicKey: { format: 'x509' | 'pkix' | 'ssh' | 'minisign' | 'pgp'; pem: string } };

/** Said wherever search results are shown: upstream no longer promises the index is complete. */
export const REKOR_INDEX_CAVEAT =
  'Rekor’s search index is deprecated upstream and may be incomplete: an entry missing from these results may still be in the log. Results are leads; each entry is fetched and checked on its own.';

export interface RekorV1Client {
  readonly url: string;
  search(query: RekorSearchQuery): Promise<string[]>;
  getByUuid(uuidOrEntryId: string): Promise<RekorLogEntry>;
  getByIndex(logIndex: number): Promise<RekorLogEntry>;
  logInfo(): Promise<RekorLogInfo>;
  consistencyProof(firstSize: number, lastSize: number, treeId: string): Promise<{ rootHash: Uint8Array; hashes: Uint8Array[] }>;
}

export interface RekorV1ClientOptions {
  fetch: AuditFetch;
  /** The log's base URL, e.g. https://rekor.sigstore.dev. */
  url: string;
  limits?: Partial<ExchangeLimits>;
}

/** The largest search body sent: a PEM public key fits many times over. */
export const SEARCH_BODY_MAX = 64 * 1024;

const EMAIL = /^[A-Za-z0-9.!#$%&'*+=?^_`{|}~-]{1,128}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}$/;
const SHA = /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}|[0-9a-f]{64})$/;

// The SearchIndex JSON body for a query; refuses what Rekor would refuse, before anything is sent.
export function searchBody(query: RekorSearchQuery): string {
  let body: Record<string, unknown>;
  if ('email' in query) {
    if (!EMAIL.test(query.email)) throw new VerifyError('REKOR_SEARCH_UNSUPPORTED', 'Rekor searches by e-mail address only (URI SANs are not searchable through its API)', { expected: 'name@domain', found: query.email.slice(0, 100) });
    body = { email: query.email };
  } else if ('sha' in query) {
    const sha = query.sha.toLowerCase();
    if (!SHA.test(sha)) throw new VerifyError('REKOR_SEARCH_UNSUPPORTED', 'an artifact digest is sha256:<64 hex> or sha512:<128 hex>', { expected: 'sha256:… or sha512:…', found: query.sha.slice(0, 140) });
    body = { hash: sha.includes(':') ? sha : `sha256:${sha}` };
  } else {
    body = { publicKey: { format: query.publicKey.format, content: toBase64(utf8(query.publicKey.pem)) } };
  }
  const text = JSON.stringify(body);
  if (text.length > SEARCH_BODY_MAX) throw new VerifyError('LIMIT_EXCEEDED', `the search body is ${text.length} bytes, over ${SEARCH_BODY_MAX}`, { expected: `at most ${SEARCH_BODY_MAX} bytes`, found: String(text.length) });
  return text;
}

// A client for one Rekor v1 log.
export function createRekorV1Client(options: RekorV1ClientOptions): RekorV1Client {
  const url = baseUrl(options.url, 'REKOR_REQUEST_FAILED');
  const x: Exchange = { fetch: options.fetch, limits: { ...DEFAULT_EXCHANGE_LIMITS, ...options.limits }, codes: { failed: 'REKOR_REQUEST_FAILED', notFound: 'REKOR_NOT_FOUND' } };
  const json = { Accept: 'application/json' };
  return {
    url,
    async search(query) {
      const where = `${url}/api/v1/index/retrieve`;
      const body = searchBody(query);
      const text = await fetchText(x, where, 'Rekor index search', { method: 'POST', headers: { ...json, 'Content-Type': 'application/json' }, body });
      return parseRekorSearchResponse(text, 'Rekor index search answer');
    },
    async getByUuid(id) {
      const uuid = id.toLowerCase();
      entryUuid(uuid, 'the requested entry');
      const text = await fetchText(x, `${url}/api/v1/log/entries/${uuid}`, `Rekor entry ${uuid.slice(-64, -48)}…`);
      return parseRekorEntryResponse(text, { uuid }, 'Rekor entry');
    },
    async getByIndex(logIndex) {
      if (!Number.isSafeInteger(logIndex) || logIndex < 0) throw new VerifyError('REKOR_REQUEST_FAILED', 'a log index is a non-negative integer', { expected: '0, 1, 2, …', found: String(logIndex) });
      const text = await fetchText(x, `${url}/api/v1/log/entries?logIndex=${logIndex}`, `Rekor entry at index ${logIndex}`);
      return parseRekorEntryResponse(text, { logIndex }, 'Rekor entry');
    },
    async logInfo() {
      return parseRekorLogInfo(await fetchText(x, `${url}/api/v1/log`, 'Rekor log info'), 'Rekor log info');
    },
    async consistencyProof(firstSize, lastSize, treeId) {
      const query = `firstSize=${firstSize}&lastSize=${lastSize}&treeID=${encodeURIComponent(treeId)}`;
      return parseRekorConsistencyProof(await fetchText(x, `${url}/api/v1/log/proof?${query}`, 'Rekor consistency proof'), 'Rekor consistency proof');
    },
  };
}
