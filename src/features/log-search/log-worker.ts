// The Transparency log mode's worker: Rekor searches and entries fetched through this site's proxy, each entry checked
// against its UUID and with every step, bodies decoded, artifacts hashed; the page receives records and view models only.
import { parseDigestLabel, toVerifyError, VerifyError, type ArtifactInput } from '../../core';
import { auditLogEntry, bundleOfEntry, createRekorV1Client, describeEntryBody, REKOR_INDEX_CAVEAT, type RekorSearchQuery, type RekorV1Client } from '../../audit';
import type { RekorLogEntry } from '../../core/tlog';
import { proxyFetch } from '../../lib/proxy-fetch';
import { readArtifact } from '../../lib/read-artifact';
import { trustedRootOf } from '../../lib/trusted-root-choice';
import type { EntrySummary, EntryView, LogArtifact, LogQuery, LogReply, LogRequest } from './log-protocol';

const post = (reply: LogReply) => (self as unknown as { postMessage(m: LogReply): void }).postMessage(reply);

/** Entries fetched per page request at most, and at once. */
const PAGE_MAX = 25;
const PARALLEL = 4;
/** Checked entries kept for opening and verifying without fetching again. */
const CACHE_MAX = 200;
const cache = new Map<string, RekorLogEntry>();

// A client for the log the request names.
function clientFor(logUrl: string): RekorV1Client {
  return createRekorV1Client({ fetch: proxyFetch, url: logUrl.trim() });
}

// Keep a checked entry (the oldest goes first).
function remember(logUrl: string, found: RekorLogEntry): RekorLogEntry {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(`${logUrl}#${found.uuid}`, found);
  return found;
}

// An entry by UUID or entry ID, from the cache or the log.
async function entryById(logUrl: string, id: string): Promise<RekorLogEntry> {
  return cache.get(`${logUrl}#${id.toLowerCase().slice(-64)}`) ?? remember(logUrl, await clientFor(logUrl).getByUuid(id));
}

// The search body a query asks for; a SAN is only searchable as an e-mail address (Rekor's API has no URI SAN index).
function searchQuery(q: LogQuery): RekorSearchQuery {
  if (q.by === 'public-key') return { publicKey: { format: q.format, pem: q.pem } };
  return q.by === 'sha' ? { sha: q.value.trim() } : { email: q.value.trim() };
}

// An entry reference as typed: a log index, a 64-hex UUID or an 80-hex entry ID.
async function entryByRef(logUrl: string, ref: string): Promise<RekorLogEntry> {
  const text = ref.trim().toLowerCase();
  if (/^[0-9]{1,16}$/.test(text)) return remember(logUrl, await clientFor(logUrl).getByIndex(Number(text)));
  if (/^(?:[0-9a-f]{16})?[0-9a-f]{64}$/.test(text)) return entryById(logUrl, text);
  throw new VerifyError('REKOR_REQUEST_FAILED', 'an entry is named by its 64-hex UUID, its 80-hex entry ID or its log index', { expected: '64 or 80 hex digits, or a number', found: ref.slice(0, 90), where: 'entry' });
}

// One listed result: fetched and checked against its UUID, or why not.
async function summary(logUrl: string, id: string): Promise<EntrySummary> {
  try {
    const found = await entryById(logUrl, id);
    const t = found.entry.integratedTime;
    return { id, uuid: found.uuid, logIndex: found.entry.logIndex, integratedTime: t === null ? null : new Date(t * 1000).toISOString(), kind: `${found.entry.kind} ${found.entry.version}` };
  } catch (err) {
    const e = toVerifyError(err);
    return { id, error: `${e.code}: ${e.message}` };
  }
}

// Summaries for a page of IDs, a few fetched at a time.
async function page(logUrl: string, ids: string[]): Promise<EntrySummary[]> {
  const wanted = ids.slice(0, PAGE_MAX);
  const out: EntrySummary[] = new Array(wanted.length);
  let next = 0;
  const lane = async () => {
    while (next < wanted.length) {
      const i = next++;
      out[i] = await summary(logUrl, wanted[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, wanted.length) }, lane));
  return out;
}

// The entry view: identity, decoded body and the full record.
async function entryView(msg: Extract<LogRequest, { type: 'log-entry' }>): Promise<EntryView> {
  const found = await entryByRef(msg.logUrl, msg.ref);
  const trustedRoot = trustedRootOf(msg.trustedRoot);
  const [body, result] = await Promise.all([describeEntryBody(found), auditLogEntry(found, { trustedRoot, artifact: null, policy: { kind: 'inspect' } })]);
  let material: 'certificate' | 'public-key' | null = null;
  try {
    const bundle = bundleOfEntry(found);
    material = bundle ? (bundle.material.kind === 'certificate' ? 'certificate' : 'public-key') : null;
  } catch {
    material = null;
  }
  const t = found.entry.integratedTime;
  return {
    uuid: found.uuid,
    entryId: found.entryId,
    logIndex: found.entry.logIndex,
    integratedTime: t === null ? null : new Date(t * 1000).toISOString(),
    kind: `${found.entry.kind} ${found.entry.version}`,
    logUrl: msg.logUrl.trim(),
    body,
    bodyJson: found.body,
    verifiable: material,
    result,
  };
}

// The artifact as the engine takes it, and its digest for the record.
async function artifactOf(a: LogArtifact, id: number): Promise<{ input: ArtifactInput; label: string }> {
  if (a.kind === 'file') {
    const read = await readArtifact(a.file, new Map(), () => undefined);
    return { input: read.input, label: read.digest };
  }
  const text = a.text.trim().toLowerCase();
  const parsed = parseDigestLabel(text);
  if (!parsed) throw new VerifyError('ARTIFACT_DIGEST_MISMATCH', 'an artifact digest is sha256:, sha384: or sha512: followed by its hex', { expected: 'sha256:<64 hex>', found: a.text.slice(0, 140), where: `request ${id} artifact` });
  return { input: { kind: 'digest', ...parsed }, label: text };
}

// Why a request failed, in words; a refusal by this site's proxy says how a log is allowed.
function failure(err: unknown): { message: string; code?: string } {
  const e = toVerifyError(err);
  const refused = /PROXY_(PATH|METHOD)_REFUSED/.test(e.message);
  const hint = refused ? ' This server forwards Rekor requests only to the logs it is configured for (the public-good logs, and hosts its operator lists in SIGNET_PROXY_REKOR_HOSTS).' : '';
  return { message: `${e.message}${hint}`, code: e.code };
}

// Answer one request.
async function handle(msg: LogRequest): Promise<void> {
  const { id } = msg;
  try {
    if (msg.type === 'log-search') {
      const ids = await clientFor(msg.logUrl).search(searchQuery(msg.query));
      post({ type: 'search', id, ids, caveat: REKOR_INDEX_CAVEAT });
    } else if (msg.type === 'log-page') {
      post({ type: 'page', id, entries: await page(msg.logUrl, msg.ids) });
    } else if (msg.type === 'log-entry') {
      post({ type: 'entry', id, entry: await entryView(msg) });
    } else {
      const found = await entryById(msg.logUrl, msg.uuid);
      const artifact = await artifactOf(msg.artifact, id);
      const result = await auditLogEntry(found, { trustedRoot: trustedRootOf(msg.trustedRoot), artifact: artifact.input, policy: msg.policy });
      post({ type: 'verified', id, result, artifactDigest: artifact.label });
    }
  } catch (err) {
    post({ type: 'error', id, ...failure(err) });
  }
}

self.addEventListener('message', (event: MessageEvent<LogRequest>) => {
  if (typeof event.data?.type === 'string' && event.data.type.startsWith('log-')) void handle(event.data);
});
