// A TUF repository built and signed at test time (ECDSA P-256 keys, consistent snapshots), served over HTTP,
// with the attacks a client must catch: rotated roots, expired or rolled-back metadata, mixed versions, bad targets.
import { createHash } from 'node:crypto';
import { generateKey, type TestKey } from '../sigstore/index.ts';
import { notFound, startLiveServer, type LiveServer, type Reply } from '../live-log/http-server.ts';

type RoleName = 'root' | 'timestamp' | 'snapshot' | 'targets';
const hex = (b: Uint8Array | Buffer) => Buffer.from(b).toString('hex');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const DAY = 86_400_000;

// The canonical JSON TUF signs (securesystemslib): sorted keys, no whitespace, only `"` and `\` escaped in strings.
function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${canonicalJson(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface Signed {
  signed: Record<string, unknown>;
  signatures: { keyid: string; sig: string }[];
}

export interface TufRepository extends LiveServer {
  /** The first root.json, the client's seed. */
  readonly seedRoot: string;
  /** Replaces the keys of a role in a new root version, signed by the old and the new root keys. */
  rotateRoot(options?: { newRootKeys?: boolean; timestampKey?: boolean; signWithOldKeys?: boolean }): void;
  /** Publishes new timestamp/snapshot/targets with these target files. */
  publish(targets: Record<string, string>, options?: { expiresInMs?: number; expireRole?: RoleName }): void;
  /** Serves, as timestamp.json, the timestamp published n publications ago (a rollback). */
  serveOldTimestamp(n: number): void;
  /** Serves under the current targets version the targets metadata of the version before (a mix-and-match). */
  mixTargets(): void;
  /** Serves other bytes for a target file than the ones listed. */
  tamperTarget(name: string, text: string): void;
}

// A repository whose first root is version 1; call publish() before a client refreshes.
export async function startTufRepository(now = Date.now()): Promise<TufRepository> {
  const keyOf = (k: TestKey) => ({ keytype: 'ecdsa', scheme: 'ecdsa-sha2-nistp256', keyval: { public: k.pem } });
  const keyId = (k: TestKey) => sha256(canonicalJson(keyOf(k)));
  const keys: Record<RoleName, TestKey[]> = { root: [generateKey('ecdsa-p256'), generateKey('ecdsa-p256')], timestamp: [generateKey('ecdsa-p256')], snapshot: [generateKey('ecdsa-p256')], targets: [generateKey('ecdsa-p256')] };
  const files = new Map<string, string>();
  const timestamps: string[] = [];
  let rootVersion = 0;
  let version = 0;
  const sign = (signed: Record<string, unknown>, signers: TestKey[]): string => {
    const bytes = new TextEncoder().encode(canonicalJson(signed));
    const doc: Signed = { signed, signatures: signers.map((k) => ({ keyid: keyId(k), sig: hex(k.sign(bytes, 'sha256')) })) };
    return JSON.stringify(doc, null, 1);
  };
  const expires = (ms: number) => new Date(now + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const rootSigned = () => ({
    _type: 'root',
    spec_version: '1.0.31',
    version: rootVersion,
    expires: expires(365 * DAY),
    consistent_snapshot: true,
    keys: Object.fromEntries(Object.values(keys).flat().map((k) => [keyId(k), keyOf(k)])),
    roles: Object.fromEntries((Object.keys(keys) as RoleName[]).map((r) => [r, { keyids: keys[r].map(keyId), threshold: r === 'root' ? 2 : 1 }])),
  });
  const writeRoot = (signers: TestKey[]) => {
    rootVersion += 1;
    files.set(`${rootVersion}.root.json`, sign(rootSigned(), signers));
  };
  writeRoot(keys.root);
  const seedRoot = files.get('1.root.json')!;

  const route = (path: string): Reply => {
    const body = files.get(path.slice(1));
    return body === undefined ? notFound() : { status: 200, body, type: 'application/json' };
  };
  const server = await startLiveServer(route);
  const self: TufRepository = Object.assign(server, {
    seedRoot,
    rotateRoot(o: { newRootKeys?: boolean; timestampKey?: boolean; signWithOldKeys?: boolean } = {}) {
      const old = keys.root;
      if (o.newRootKeys) keys.root = [generateKey('ecdsa-p256'), generateKey('ecdsa-p256')];
      if (o.timestampKey) keys.timestamp = [generateKey('ecdsa-p256')];
      writeRoot(o.signWithOldKeys === false ? keys.root : [...new Set([...old, ...keys.root])]);
    },
    publish(targets: Record<string, string>, o: { expiresInMs?: number; expireRole?: RoleName } = {}) {
      version += 1;
      const exp = (role: RoleName) => expires(o.expireRole === role ? -DAY : (o.expiresInMs ?? 30 * DAY));
      const targetsMeta: Record<string, unknown> = {};
      for (const [name, text] of Object.entries(targets)) {
        const digest = sha256(text);
        targetsMeta[name] = { length: Buffer.byteLength(text), hashes: { sha256: digest } };
        files.set(`targets/${digest}.${name}`, text);
      }
      const targetsText = sign({ _type: 'targets', spec_version: '1.0.31', version, expires: exp('targets'), targets: targetsMeta }, keys.targets);
      files.set(`${version}.targets.json`, targetsText);
      const snapshotText = sign({ _type: 'snapshot', spec_version: '1.0.31', version, expires: exp('snapshot'), meta: { 'targets.json': { version, length: Buffer.byteLength(targetsText), hashes: { sha256: sha256(targetsText) } } } }, keys.snapshot);
      files.set(`${version}.snapshot.json`, snapshotText);
      const ts = sign({ _type: 'timestamp', spec_version: '1.0.31', version, expires: exp('timestamp'), meta: { 'snapshot.json': { version, length: Buffer.byteLength(snapshotText), hashes: { sha256: sha256(snapshotText) } } } }, keys.timestamp);
      timestamps.push(ts);
      files.set('timestamp.json', ts);
    },
    serveOldTimestamp(n: number) {
      files.set('timestamp.json', timestamps[timestamps.length - 1 - n]!);
    },
    mixTargets() {
      // The snapshot names targets version N (with its hashes); serve version N-1's file under that name.
      files.set(`${version}.targets.json`, files.get(`${version - 1}.targets.json`)!);
    },
    tamperTarget(name: string, text: string) {
      for (const key of files.keys()) if (key.startsWith('targets/') && key.endsWith(`.${name}`)) files.set(key, text);
    },
  });
  return self;
}
