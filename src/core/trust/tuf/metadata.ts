// TUF metadata (TUF specification §4: root, timestamp, snapshot, targets) parsed from hostile JSON into
// typed roles; the shapes follow @tufjs/models so metadata written for other clients reads the same.
import { VerifyError } from '../../errors';
import { LIMITS } from '../../limits';
import { JsonFields, fromHex, parseJson, type JsonObject, type JsonValue } from '../../encoding';

const f = new JsonFields('TUF_METADATA_INVALID', 'TUF_METADATA_INVALID');

export type RoleName = 'root' | 'timestamp' | 'snapshot' | 'targets';

/** A public key as TUF metadata lists it. */
export interface TufKey {
  keytype: string;
  scheme: string;
  public: string;
}

export interface RoleKeys {
  keyids: string[];
  threshold: number;
}

/** Length and hashes of a file, as the metadata that lists it records them. */
export interface FileInfo {
  version?: number;
  length?: number;
  hashes: Record<string, Uint8Array>;
}

interface Common {
  type: RoleName;
  version: number;
  /** Epoch milliseconds. */
  expires: number;
  expiresText: string;
}

export interface Root extends Common {
  type: 'root';
  consistentSnapshot: boolean;
  keys: Record<string, TufKey>;
  roles: Record<RoleName, RoleKeys>;
}

export interface Timestamp extends Common {
  type: 'timestamp';
  snapshot: FileInfo;
}

export interface Snapshot extends Common {
  type: 'snapshot';
  meta: Record<string, FileInfo>;
}

export interface Targets extends Common {
  type: 'targets';
  targets: Record<string, FileInfo & { length: number }>;
}

export type Role = Root | Timestamp | Snapshot | Targets;

/** Signed metadata: the role, the exact signed value, and its signatures. */
export interface Envelope<R extends Role = Role> {
  signed: R;
  signedJson: JsonValue;
  signatures: { keyid: string; sig: Uint8Array }[];
  /** The file the metadata came from, e.g. "3.root.json". */
  where: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

// Parse a metadata file of the expected role (TUF spec §4.2–§4.6).
export function parseMetadata<T extends RoleName>(text: string, type: T, where: string): Envelope<Extract<Role, { type: T }>> {
  const json = f.object(parseJson(text, where, LIMITS.tufMetadataBytes), where);
  const signed = f.object(json.signed, `${where}.signed`);
  const signatures = f.array(json.signatures, `${where}.signatures`, LIMITS.tufKeys).map((s, i) => {
    const sig = f.object(s, `${where}.signatures[${i}]`);
    const hex = f.string(sig.sig, `${where}.signatures[${i}].sig`);
    return { keyid: f.string(sig.keyid, `${where}.signatures[${i}].keyid`), sig: hex === '' ? new Uint8Array(0) : fromHex(hex, `${where}.signatures[${i}].sig`) };
  });
  const found = f.string(signed._type, `${where}.signed._type`);
  if (found !== type) throw new VerifyError('TUF_METADATA_INVALID', `${where} is ${found} metadata, not ${type}`, { expected: type, found, where: `${where}.signed._type` });
  const spec = f.string(signed.spec_version, `${where}.signed.spec_version`);
  if (!/^1\.\d+(\.\d+)?$/.test(spec)) f.invalid(`${where}.signed.spec_version`, 'a TUF 1.x specification version', spec);
  const version = f.uint(signed.version, `${where}.signed.version`);
  if (version < 1) f.invalid(`${where}.signed.version`, 'a version of at least 1', version);
  const expiresText = f.string(signed.expires, `${where}.signed.expires`);
  const expires = RFC3339.test(expiresText) ? Date.parse(expiresText) : NaN;
  if (Number.isNaN(expires)) f.invalid(`${where}.signed.expires`, 'an RFC 3339 UTC time', expiresText);
  const common = { version, expires, expiresText };
  const role = ((): Role => {
    switch (type) {
      case 'root':
        return { type: 'root', ...common, ...rootFields(signed, `${where}.signed`) };
      case 'timestamp': {
        const meta = metaMap(signed.meta, `${where}.signed.meta`);
        const snapshot = meta['snapshot.json'] ?? f.missing(`${where}.signed.meta["snapshot.json"]`, 'the snapshot file info');
        return { type: 'timestamp', ...common, snapshot };
      }
      case 'snapshot':
        return { type: 'snapshot', ...common, meta: metaMap(signed.meta, `${where}.signed.meta`) };
      default: {
        const targets = entries(signed.targets ?? {}, `${where}.signed.targets`, (v, at) => {
          const info = fileInfo(v, at);
          if (info.length === undefined) f.missing(`${at}.length`, 'the target length');
          if (Object.keys(info.hashes).length === 0) f.missing(`${at}.hashes`, 'at least one hash');
          return info as FileInfo & { length: number };
        });
        return { type: 'targets', ...common, targets };
      }
    }
  })();
  return { signed: role as Extract<Role, { type: T }>, signedJson: json.signed!, signatures, where };
}

// Root's keys and roles (TUF spec §4.3).
function rootFields(signed: JsonObject, where: string): Pick<Root, 'consistentSnapshot' | 'keys' | 'roles'> {
  const keys = entries(signed.keys, `${where}.keys`, (v, at) => {
    const k = f.object(v, at);
    return { keytype: f.string(k.keytype, `${at}.keytype`), scheme: f.string(k.scheme, `${at}.scheme`), public: f.string(f.object(k.keyval, `${at}.keyval`).public, `${at}.keyval.public`) };
  });
  const rolesJson = f.object(signed.roles, `${where}.roles`);
  const role = (name: RoleName): RoleKeys => {
    const r = f.object(rolesJson[name], `${where}.roles.${name}`);
    const threshold = f.uint(r.threshold, `${where}.roles.${name}.threshold`);
    if (threshold < 1) f.invalid(`${where}.roles.${name}.threshold`, 'a threshold of at least 1', threshold);
    const keyids = f.array(r.keyids, `${where}.roles.${name}.keyids`, LIMITS.tufKeys).map((k, i) => f.string(k, `${where}.roles.${name}.keyids[${i}]`));
    return { keyids, threshold };
  };
  const consistent = signed.consistent_snapshot;
  return {
    consistentSnapshot: consistent === true,
    keys,
    roles: { root: role('root'), timestamp: role('timestamp'), snapshot: role('snapshot'), targets: role('targets') },
  };
}

// A map of name → file info (METAFILES, TUF spec §4.4).
function metaMap(value: JsonValue | undefined, where: string): Record<string, FileInfo> {
  return entries(value, where, (v, at) => {
    const info = fileInfo(v, at);
    if (info.version === undefined) f.missing(`${at}.version`, 'the file version');
    return info;
  });
}

// {version?, length?, hashes?}.
function fileInfo(value: JsonValue, where: string): FileInfo {
  const o = f.object(value, where);
  const hashes: Record<string, Uint8Array> = {};
  if (o.hashes !== undefined) {
    for (const [alg, h] of Object.entries(f.object(o.hashes, `${where}.hashes`))) hashes[alg] = fromHex(f.string(h, `${where}.hashes.${alg}`), `${where}.hashes.${alg}`);
  }
  return {
    ...(o.version !== undefined ? { version: f.uint(o.version, `${where}.version`) } : {}),
    ...(o.length !== undefined ? { length: f.uint(o.length, `${where}.length`) } : {}),
    hashes,
  };
}

// The entries of an object map, each read by fn, capped.
function entries<T>(value: JsonValue | undefined, where: string, fn: (v: JsonValue, at: string) => T): Record<string, T> {
  const o = f.object(value, where);
  const names = Object.keys(o);
  if (names.length > LIMITS.tufListEntries) throw new VerifyError('LIMIT_EXCEEDED', `${where} lists ${names.length} entries, over ${LIMITS.tufListEntries}`, { where, expected: `at most ${LIMITS.tufListEntries}`, found: String(names.length) });
  const out: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const name of names) out[name] = fn(o[name]!, `${where}["${name.slice(0, 80)}"]`);
  return out;
}
