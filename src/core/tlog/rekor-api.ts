// Rekor v1 REST answers (rekor openapi.yaml: LogEntry, LogInfo, ConsistencyProof, index search) into typed data.
// Every answer is hostile: the entry must hash to the UUID it is filed under, and to the index that was asked for.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { JsonFields, fromHex, fromUtf8, parseJson, toHex, type JsonObject, type JsonValue } from '../encoding';
import type { TlogEntry } from '../bundle/types';
import { hashLeaf } from './merkle';

const f = new JsonFields('REKOR_RESPONSE_INVALID', 'REKOR_RESPONSE_INVALID');

/** A 64-hex entry UUID (the leaf hash) or an 80-hex entry ID (16-hex tree ID, then the UUID). */
export const ENTRY_ID = /^(?:[0-9a-f]{16})?[0-9a-f]{64}$/;
/** Results an index search may return before the answer is refused. */
export const SEARCH_RESULTS_MAX = 10_000;

/** A Rekor v1 entry read from the log, with the identity it was filed under. */
export interface RekorLogEntry {
  /** The UUID or entry ID the log filed it under. */
  entryId: string;
  /** The 64-hex UUID: the leaf hash of the body. */
  uuid: string;
  entry: TlogEntry;
  /** The body as JSON, for the entry view. */
  body: JsonValue;
  /** What the log stored beside a dsse or intoto entry (LogEntry.attestation.data): the envelope's payload; unchecked here. */
  attestation?: Uint8Array;
}

/** One tree head of a log shard (LogInfo or one of its inactiveShards). */
export interface RekorTreeHead {
  treeId: string;
  treeSize: number;
  rootHash: Uint8Array;
  signedTreeHead: string;
}

/** LogInfo: the active shard and the inactive ones. */
export interface RekorLogInfo {
  active: RekorTreeHead;
  inactive: RekorTreeHead[];
}

/** What was asked for, checked against what came back. */
export type EntryQuery = { uuid: string } | { logIndex: number };

// The UUID part of a UUID or entry ID, lower-case; REKOR_RESPONSE_INVALID when it is neither.
export function entryUuid(id: string, where: string): string {
  const lower = id.toLowerCase();
  if (!ENTRY_ID.test(lower)) throw new VerifyError('REKOR_RESPONSE_INVALID', `${where} is not a Rekor entry UUID or entry ID`, { expected: '64 or 80 hex digits', found: id.slice(0, 90), where });
  return lower.slice(-64);
}

// Parse a GET /api/v1/log/entries/{uuid} or ?logIndex= answer: exactly one entry, whose body hashes to its UUID
// (RFC 6962 §2.1 leaf hash) and which is the one that was asked for.
export async function parseRekorEntryResponse(text: string, query: EntryQuery, where: string): Promise<RekorLogEntry> {
  const json = f.object(parseJson(text, where, LIMITS.tlogBodyBytes * 2), where);
  const keys = Object.keys(json);
  if (keys.length !== 1) throw new VerifyError('REKOR_RESPONSE_INVALID', `${where} holds ${keys.length} entries, not one`, { expected: 'one entry', found: String(keys.length), where });
  return parseRekorLogEntry(keys[0]!, json[keys[0]!], query, where);
}

// Parse an array of entries (POST /api/v1/log/entries/retrieve) or any one {uuid: LogEntry} object.
export async function parseRekorLogEntry(entryId: string, value: JsonValue | undefined, query: EntryQuery, where: string): Promise<RekorLogEntry> {
  const uuid = entryUuid(entryId, `${where} key`);
  const at = `${where}["${entryId.slice(0, 80)}"]`;
  const e = f.object(value, at);
  const canonicalizedBody = f.bytes(e.body, `${at}.body`);
  if (canonicalizedBody.length > LIMITS.tlogBodyBytes) throw new VerifyError('LIMIT_EXCEEDED', `${at}.body is over ${LIMITS.tlogBodyBytes} bytes`, { where: `${at}.body` });
  const leaf = toHex(await hashLeaf(canonicalizedBody));
  if (leaf !== uuid) {
    throw new VerifyError('REKOR_ENTRY_MISMATCH', 'the entry body does not hash to the UUID the log filed it under', { expected: uuid, found: leaf, where: `${at}.body` });
  }
  const logIndex = f.uint(e.logIndex, `${at}.logIndex`);
  if ('uuid' in query && query.uuid.toLowerCase().slice(-64) !== uuid) {
    throw new VerifyError('REKOR_ENTRY_MISMATCH', 'the log answered with another entry than the one asked for', { expected: query.uuid.toLowerCase().slice(-64), found: uuid, where: at });
  }
  if ('logIndex' in query && query.logIndex !== logIndex) {
    throw new VerifyError('REKOR_ENTRY_MISMATCH', 'the log answered with the entry at another index', { expected: String(query.logIndex), found: String(logIndex), where: `${at}.logIndex` });
  }
  const body = parseJson(fromUtf8(canonicalizedBody, `${at}.body`), `${at}.body`, LIMITS.tlogBodyBytes);
  const bodyObject = f.object(body, `${at}.body`);
  const verification = f.optObject(e.verification, `${at}.verification`);
  const set = verification ? f.optString(verification.signedEntryTimestamp, `${at}.verification.signedEntryTimestamp`) : undefined;
  const proof = verification ? f.optObject(verification.inclusionProof, `${at}.verification.inclusionProof`) : undefined;
  const entry: TlogEntry = {
    logIndex,
    logId: hexField(e.logID, `${at}.logID`),
    kind: f.string(bodyObject.kind, `${at}.body.kind`),
    version: f.string(bodyObject.apiVersion, `${at}.body.apiVersion`),
    integratedTime: f.uint(e.integratedTime, `${at}.integratedTime`),
    inclusionPromise: set ? f.bytes(set, `${at}.verification.signedEntryTimestamp`) : null,
    inclusionProof: proof ? parseProof(proof, `${at}.verification.inclusionProof`) : null,
    canonicalizedBody,
    where: `rekor entry ${uuid.slice(0, 16)}…`,
  };
  const attestation = f.optObject(e.attestation, `${at}.attestation`);
  const data = attestation ? f.optString(attestation.data, `${at}.attestation.data`) : undefined;
  if (data !== undefined && data.length > (LIMITS.dssePayloadBytes * 4) / 3 + 4) throw new VerifyError('LIMIT_EXCEEDED', `${at}.attestation.data is over ${LIMITS.dssePayloadBytes} bytes`, { where: `${at}.attestation.data` });
  return { entryId: entryId.toLowerCase(), uuid, entry, body, ...(data ? { attestation: f.bytes(data, `${at}.attestation.data`) } : {}) };
}

// A v1 InclusionProof {logIndex, rootHash (hex), treeSize, hashes (hex), checkpoint}.
function parseProof(p: JsonObject, where: string): NonNullable<TlogEntry['inclusionProof']> {
  const hashes = f.array(p.hashes, `${where}.hashes`, LIMITS.inclusionProofHashes).map((h, i) => hexField(h, `${where}.hashes[${i}]`));
  return {
    logIndex: f.uint(p.logIndex, `${where}.logIndex`),
    treeSize: f.uint(p.treeSize, `${where}.treeSize`),
    rootHash: hexField(p.rootHash, `${where}.rootHash`),
    hashes,
    checkpoint: f.optString(p.checkpoint, `${where}.checkpoint`) ?? '',
  };
}

// Parse GET /api/v1/log (LogInfo): the active tree head and any inactive shards.
export function parseRekorLogInfo(text: string, where: string): RekorLogInfo {
  const json = f.object(parseJson(text, where, LIMITS.checkpointBytes * (LIMITS.trustedRootEntities + 1)), where);
  const shards = f.array(json.inactiveShards ?? [], `${where}.inactiveShards`, LIMITS.trustedRootEntities);
  return { active: treeHead(json, where), inactive: shards.map((s, i) => treeHead(f.object(s, `${where}.inactiveShards[${i}]`), `${where}.inactiveShards[${i}]`)) };
}

// One {treeID, treeSize, rootHash, signedTreeHead} object.
function treeHead(json: JsonObject, where: string): RekorTreeHead {
  const treeId = f.string(json.treeID, `${where}.treeID`);
  if (!/^[0-9]{1,20}$/.test(treeId)) f.invalid(`${where}.treeID`, 'a decimal tree ID', treeId);
  return {
    treeId,
    treeSize: f.uint(json.treeSize, `${where}.treeSize`),
    rootHash: hexField(json.rootHash, `${where}.rootHash`),
    signedTreeHead: f.string(json.signedTreeHead, `${where}.signedTreeHead`),
  };
}

// Parse GET /api/v1/log/proof (ConsistencyProof {rootHash, hashes}).
export function parseRekorConsistencyProof(text: string, where: string): { rootHash: Uint8Array; hashes: Uint8Array[] } {
  const json = f.object(parseJson(text, where, 64 * 1024), where);
  return {
    rootHash: hexField(json.rootHash, `${where}.rootHash`),
    hashes: f.array(json.hashes ?? [], `${where}.hashes`, LIMITS.consistencyProofHashes).map((h, i) => hexField(h, `${where}.hashes[${i}]`)),
  };
}

// Parse a POST /api/v1/index/retrieve answer: a list of UUIDs or entry IDs, deduplicated by UUID.
export function parseRekorSearchResponse(text: string, where: string): string[] {
  const list = f.array(parseJson(text, where, SEARCH_RESULTS_MAX * 90), where, SEARCH_RESULTS_MAX);
  const seen = new Set<string>();
  const ids: string[] = [];
  list.forEach((item, i) => {
    const id = f.string(item, `${where}[${i}]`).toLowerCase();
    const uuid = entryUuid(id, `${where}[${i}]`);
    if (!seen.has(uuid)) {
      seen.add(uuid);
      ids.push(id);
    }
  });
  return ids;
}

// A lower-case hex field as bytes.
function hexField(value: JsonValue | undefined, where: string): Uint8Array {
  const text = f.string(value, where);
  if (text.length === 0 || text.length > 1024) f.invalid(where, 'a hex value', text);
  return fromHex(text, where);
}

