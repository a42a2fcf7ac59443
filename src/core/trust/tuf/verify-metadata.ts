// The TUF client workflow's checks (TUF specification §5.3–§5.7), pure: signature thresholds, versions,
// expiry, file hashes and lengths. Expired or rolled-back metadata is an error with the dates and versions.
import { VerifyError } from '../../errors';
import { bytesEqual, concatBytes, fromHex, parsePemBlock, toHex, utf8 } from '../../encoding';
import { digest, parsePublicKey, verifySignature, type HashAlg, type PublicKey, type VerifyOptions } from '../../crypto';
import { tufCanonicalJson } from './canonical-json';
import type { Envelope, FileInfo, Role, RoleKeys, RoleName, Root, Snapshot, Targets, Timestamp, TufKey } from './metadata';

/** Ed25519 SubjectPublicKeyInfo prefix (RFC 8410): a raw 32-byte key follows. */
const ED25519_SPKI_PREFIX = fromHex('302a300506032b6570032100');
const HASHES: Record<string, HashAlg> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

// A TUF key as a PublicKey, with the options its scheme fixes (ecdsa-sha2-nistp256/384, ed25519, rsassa-pss-sha256).
function importKey(key: TufKey, where: string): { key: PublicKey; opts: VerifyOptions } {
  const spki = key.keytype === 'ed25519' && /^[0-9a-f]{64}$/.test(key.public) ? concatBytes(ED25519_SPKI_PREFIX, fromHex(key.public)) : parsePemBlock(key.public, 'PUBLIC KEY', where);
  const opts: VerifyOptions =
    key.scheme === 'ecdsa-sha2-nistp256' ? { hash: 'SHA-256' }
    : key.scheme === 'ecdsa-sha2-nistp384' ? { hash: 'SHA-384' }
    : key.scheme === 'rsassa-pss-sha256' ? { hash: 'SHA-256', rsaScheme: 'pss' }
    : key.scheme === 'rsa-pkcs1v15-sha256' ? { hash: 'SHA-256', rsaScheme: 'pkcs1' }
    : key.scheme === 'ed25519' ? {}
    : (() => {
        throw new VerifyError('TUF_METADATA_INVALID', `${where} uses the signing scheme ${key.scheme.slice(0, 40)}, which Signet does not verify`, { expected: 'ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ed25519 or rsassa-pss-sha256', found: key.scheme.slice(0, 40), where });
      })();
  return { key: parsePublicKey(spki, where), opts };
}

// Verify that a threshold of the role's keys (as `keys` lists them) signed the metadata (TUF spec §5.3.4, §5.4.2 …).
// A key counts once, however many key IDs or signatures carry it.
export async function verifyThreshold(envelope: Envelope, role: RoleKeys, keys: Record<string, TufKey>, roleName: RoleName, signer: string): Promise<string[]> {
  const signed = utf8(tufCanonicalJson(envelope.signedJson, envelope.where));
  const counted = new Set<string>();
  const valid: string[] = [];
  for (const keyid of new Set(role.keyids)) {
    const key = keys[keyid];
    const sigs = envelope.signatures.filter((s) => s.keyid === keyid);
    if (!key || sigs.length === 0 || counted.has(key.public)) continue;
    const { key: publicKey, opts } = importKey(key, `${signer} key ${keyid.slice(0, 16)}`);
    for (const sig of sigs) {
      if (sig.sig.length > 0 && (await verifySignature(publicKey, sig.sig, signed, opts).catch(() => false))) {
        counted.add(key.public);
        valid.push(keyid);
        break;
      }
    }
  }
  if (valid.length < role.threshold) {
    throw new VerifyError('TUF_SIGNATURE_THRESHOLD', `${envelope.where} has ${valid.length} valid signature${valid.length === 1 ? '' : 's'} from ${signer}'s ${roleName} keys, below the threshold of ${role.threshold}`, {
      expected: `${role.threshold} of ${role.keyids.length} ${roleName} keys`,
      found: valid.length === 0 ? 'none' : valid.map((k) => k.slice(0, 16)).join(', '),
      where: envelope.where,
    });
  }
  return valid;
}

// Refuse metadata past its expiry (a freeze attack): TUF_EXPIRED with both dates.
export function assertNotExpired(role: Role, where: string, now: number): void {
  if (role.expires <= now) {
    throw new VerifyError('TUF_EXPIRED', `${where} (version ${role.version}) expired at ${role.expiresText}; it is now ${new Date(now).toISOString()}`, { expected: `expiry after ${new Date(now).toISOString()}`, found: role.expiresText, where });
  }
}

// Refuse a version lower than the one trusted before (a rollback): TUF_ROLLBACK with both versions.
function assertNoRollback(kind: string, previous: number | undefined, found: number, where: string): void {
  if (previous !== undefined && found < previous) {
    throw new VerifyError('TUF_ROLLBACK', `${where}: ${kind} version ${found} is older than version ${previous}, trusted before`, { expected: `version ${previous} or newer`, found: `version ${found}`, where });
  }
}

// The file's length and every hash it lists for it must match the bytes (TUF spec §5.5.2, §5.6.2, §5.7.3).
export async function assertFileInfo(bytes: Uint8Array, info: FileInfo, where: string): Promise<void> {
  if (info.length !== undefined && bytes.length !== info.length) {
    throw new VerifyError('TUF_LENGTH_MISMATCH', `${where} is ${bytes.length} bytes, not the ${info.length} its metadata lists`, { expected: `${info.length} bytes`, found: `${bytes.length} bytes`, where });
  }
  for (const [name, expected] of Object.entries(info.hashes)) {
    const alg = HASHES[name];
    if (!alg) continue;
    const found = await digest(alg, bytes);
    if (!bytesEqual(found, expected)) throw new VerifyError('TUF_HASH_MISMATCH', `${where} does not have the ${name} its metadata lists`, { expected: toHex(expected), found: toHex(found), where });
  }
}

// §5.3.4–§5.3.5: the next root, signed by a threshold of the trusted root's root keys and of its own, one version up.
export async function verifyNextRoot(trusted: Root, next: Envelope<Root>): Promise<void> {
  await verifyThreshold(next, trusted.roles.root, trusted.keys, 'root', `root version ${trusted.version}`);
  await verifyThreshold(next, next.signed.roles.root, next.signed.keys, 'root', `root version ${next.signed.version}`);
  if (next.signed.version !== trusted.version + 1) {
    throw new VerifyError('TUF_VERSION_MISMATCH', `${next.where} holds root version ${next.signed.version}, not ${trusted.version + 1}`, { expected: `version ${trusted.version + 1}`, found: `version ${next.signed.version}`, where: next.where });
  }
}

// §5.4: timestamp signed by the root's timestamp keys, no older than the trusted one (nor its snapshot version), unexpired.
export async function verifyTimestamp(root: Root, ts: Envelope<Timestamp>, previous: Timestamp | undefined, now: number): Promise<void> {
  await verifyThreshold(ts, root.roles.timestamp, root.keys, 'timestamp', `root version ${root.version}`);
  assertNoRollback('timestamp', previous?.version, ts.signed.version, ts.where);
  assertNoRollback('snapshot (as the timestamp lists it)', previous?.snapshot.version, ts.signed.snapshot.version!, ts.where);
  assertNotExpired(ts.signed, ts.where, now);
}

// §5.5: snapshot matching the timestamp's hashes and version, signed by the snapshot keys, no targets rolled back, unexpired.
export async function verifySnapshot(root: Root, timestamp: Timestamp, bytes: Uint8Array, snap: Envelope<Snapshot>, previous: Snapshot | undefined, now: number): Promise<void> {
  await assertFileInfo(bytes, timestamp.snapshot, snap.where);
  await verifyThreshold(snap, root.roles.snapshot, root.keys, 'snapshot', `root version ${root.version}`);
  if (snap.signed.version !== timestamp.snapshot.version) {
    throw new VerifyError('TUF_VERSION_MISMATCH', `${snap.where} is snapshot version ${snap.signed.version}, but the timestamp names version ${timestamp.snapshot.version} (mixed metadata)`, { expected: `version ${timestamp.snapshot.version}`, found: `version ${snap.signed.version}`, where: snap.where });
  }
  for (const [name, info] of Object.entries(previous?.meta ?? {})) {
    const listed = snap.signed.meta[name];
    if (!listed) throw new VerifyError('TUF_ROLLBACK', `${snap.where} no longer lists ${name}, which the trusted snapshot listed`, { expected: `${name} version ${info.version} or newer`, found: 'not listed', where: snap.where });
    assertNoRollback(name, info.version, listed.version!, snap.where);
  }
  assertNotExpired(snap.signed, snap.where, now);
}

// §5.6: top-level targets matching the snapshot's entry, signed by the targets keys, unexpired.
export async function verifyTargets(root: Root, snapshot: Snapshot, bytes: Uint8Array, targets: Envelope<Targets>, now: number): Promise<void> {
  const info = snapshot.meta['targets.json'];
  if (!info) throw new VerifyError('TUF_METADATA_INVALID', 'the snapshot does not list targets.json', { expected: 'meta["targets.json"]', found: 'nothing', where: 'snapshot.json' });
  await assertFileInfo(bytes, info, targets.where);
  await verifyThreshold(targets, root.roles.targets, root.keys, 'targets', `root version ${root.version}`);
  if (targets.signed.version !== info.version) {
    throw new VerifyError('TUF_VERSION_MISMATCH', `${targets.where} is targets version ${targets.signed.version}, but the snapshot names version ${info.version} (mixed metadata)`, { expected: `version ${info.version}`, found: `version ${targets.signed.version}`, where: targets.where });
  }
  assertNotExpired(targets.signed, targets.where, now);
}

// §5.7: a target listed by the top-level targets (delegations are not followed), of exactly its length and hashes.
export function targetInfo(targets: Targets, name: string): FileInfo & { length: number } {
  const info = targets.targets[name];
  if (!info) throw new VerifyError('TUF_TARGET_MISSING', `the targets metadata (version ${targets.version}) does not list ${name.slice(0, 100)}`, { expected: name.slice(0, 100), found: Object.keys(targets.targets).slice(0, 10).join(', ') || 'no targets', where: 'targets.json' });
  return info;
}
