// A complete Sigstore instance in memory: Fulcio-like CA, CT log, Rekor v1 and v2 logs and a TSA
// on one injectable clock, issuing bundles and the trusted root that verifies them.
import { createFulcioCa, type FulcioCa, type IssuedLeaf, type SctIssuer } from './ca.ts';
import { createCtLog, type CtLog } from './ct-log.ts';
import { concat } from './der.ts';
import { envelope, IN_TOTO_PAYLOAD_TYPE, pae, type DsseEnvelopeJson } from './dsse.ts';
import type { Faults } from './faults.ts';
import { DEFAULT_IDENTITY, type SigningIdentity } from './fulcio-extensions.ts';
import { b64, digest, generateKey, hex, sha256, toPem, utf8Bytes, type HashName, type KeyAlgorithm, type TestKey } from './keys.ts';
import { buildBundle, type BundleContent, type BundleJson, type BundleVersion, type VerificationMaterialKind } from './bundle-json.ts';
import { createRekorV1, type RekorV1Log, type RekorV1Options } from './rekor-v1.ts';
import { dsseV001, hashedrekordV001, intotoV002, type RekorBody } from './rekor-v1-bodies.ts';
import { createRekorV2, type RekorV2Log, type RekorV2Options } from './rekor-v2.ts';
import { dsseV002, hashedrekordV002, type V2Verifier } from './rekor-v2-bodies.ts';
import { createTsa, type TimestampAuthority } from './tsa.ts';
import { OID, tbsOf, tbsWithoutExtension } from './x509.ts';
import type { TlogEntryJson } from './transparency-log.ts';

export interface InstanceOptions {
  /** The instance clock; every artefact is dated from it unless a signing passes `at`. */
  readonly now?: () => Date;
  /** Start of every component's validity (certificates and trusted-root validFor); default now − 30 days. */
  readonly validFrom?: Date;
  /** End of CA and TSA certificate validity; default validFrom + 10 years. */
  readonly validUntil?: Date;
  readonly caKeyAlgorithm?: KeyAlgorithm;
  readonly tsaKeyAlgorithm?: KeyAlgorithm;
  readonly rekorV1?: RekorV1Options;
  readonly rekorV2?: RekorV2Options;
}

export type Material = 'certificate' | 'chain' | 'publicKey';

export interface SignOptions {
  readonly bundleVersion?: BundleVersion;
  /** Write v0.3 as application/vnd.dev.sigstore.bundle+json;version=0.3. */
  readonly legacyMediaType?: boolean;
  readonly identity?: SigningIdentity;
  /** certificate (leaf only; v0.1/v0.2 as a one-element chain), chain (leaf, intermediate, root) or publicKey. */
  readonly material?: Material;
  readonly rekor?: 'v1' | 'v2' | 'none';
  /** Log entry kind for DSSE: dsse (default), intoto (Rekor v1) or hashedrekord (Rekor v1 0.0.1 or v2 0.0.2, over PAE). */
  readonly entryKind?: 'dsse' | 'intoto' | 'hashedrekord';
  /** Attach an RFC 3161 timestamp; default true for Rekor v2 and no log, false for Rekor v1. */
  readonly tsa?: boolean;
  readonly tsaEmbedCertificate?: boolean;
  /** genTime of the timestamp; default the signing time. */
  readonly tsaTime?: Date;
  readonly keyAlgorithm?: KeyAlgorithm;
  /** A Rekor v2 entry records the signer as its public key (publicKey.rawBytes) although the bundle carries the certificate. */
  readonly v2LogsPublicKey?: boolean;
  /** Hash of a message signature and its messageDigest; default the key's own (a P-384 key over SHA-256, as older sigstore-python signs). */
  readonly messageHash?: HashName;
  /** Sign with this key instead of a fresh one (long-lived keys for keyed signing). */
  readonly key?: TestKey;
  /** Signing time; default the instance clock. */
  readonly at?: Date;
  /** Leaf validity in milliseconds; default 10 minutes. */
  readonly leafValidityMs?: number;
  /** CtExtensions bytes carried by the SCT. */
  readonly sctExtensions?: Uint8Array;
  readonly faults?: Faults;
}

export interface DsseSignOptions extends SignOptions {
  readonly payloadType?: string;
}

export interface SignResult {
  readonly bundle: BundleJson;
  readonly key: TestKey;
  /** SPKI PEM of the signing key (what a keyed verifier is given). */
  readonly publicKeyPem: string;
  /** base64 SHA-256 of the DER SPKI, the bundle's publicKey hint in keyed mode. */
  readonly keyHint: string;
  readonly certificate?: Uint8Array;
  readonly precertificate?: Uint8Array;
  readonly signedAt: Date;
}

export interface TestInstance {
  now(): Date;
  readonly validFrom: Date;
  readonly ca: FulcioCa;
  readonly ctLog: CtLog;
  readonly rekorV1: RekorV1Log;
  readonly rekorV2: RekorV2Log;
  readonly tsa: TimestampAuthority;
  /** trusted_root.json (protobuf-specs TrustedRoot JSON) for this instance. */
  trustedRoot(): TrustedRootJson;
  signMessage(artifact: Uint8Array, options?: SignOptions): SignResult;
  signDsse(payload: Uint8Array | Record<string, unknown>, options?: DsseSignOptions): SignResult;
}

export interface TrustedRootJson {
  mediaType: string;
  tlogs: TransparencyLogInstanceJson[];
  certificateAuthorities: CertificateAuthorityJson[];
  ctlogs: TransparencyLogInstanceJson[];
  timestampAuthorities: CertificateAuthorityJson[];
}

export interface TransparencyLogInstanceJson {
  baseUrl: string;
  hashAlgorithm: 'SHA2_256';
  publicKey: { rawBytes: string; keyDetails: string; validFor: { start: string; end?: string } };
  logId: { keyId: string };
}

export interface CertificateAuthorityJson {
  subject: { organization: string; commonName: string };
  uri: string;
  certChain: { certificates: { rawBytes: string }[] };
  validFor: { start: string; end?: string };
}

const DAY_MS = 86_400_000;
const DEFAULT_LEAF_VALIDITY_MS = 10 * 60_000;
const DIGEST_NAME: Record<HashName, string> = { sha256: 'SHA2_256', sha384: 'SHA2_384', sha512: 'SHA2_512' };

// RFC 3339 timestamp without milliseconds when they are zero, as trusted roots write it.
function rfc3339(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

// Truncates a date to whole seconds (X.509 and Rekor times have second precision).
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

// Lazily created value.
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

// Creates an instance; keys are generated once here and reused for every signing.
export function createTestInstance(options: InstanceOptions = {}): TestInstance {
  const now = options.now ?? (() => new Date());
  const validFrom = wholeSeconds(options.validFrom ?? new Date(now().getTime() - 30 * DAY_MS));
  const validUntil = wholeSeconds(options.validUntil ?? new Date(validFrom.getTime() + 3650 * DAY_MS));
  const span = { notBefore: validFrom, notAfter: validUntil };
  const ca = createFulcioCa({ ...span, keyAlgorithm: options.caKeyAlgorithm });
  const ctLog = createCtLog('https://ctfe.signet.test/2022');
  const rekorV1 = createRekorV1(options.rekorV1);
  const rekorV2 = createRekorV2(options.rekorV2);
  const tsa = createTsa({ ...span, keyAlgorithm: options.tsaKeyAlgorithm });
  // Look-alikes outside the trusted root, for faults.
  const rogueCa = lazy(() => createFulcioCa({ ...span, keyAlgorithm: options.caKeyAlgorithm }));
  const rogueCtLog = lazy(() => createCtLog('https://ctfe.rogue.test'));
  const rogueTsa = lazy(() => createTsa({ ...span, keyAlgorithm: options.tsaKeyAlgorithm }));
  const rsaKeys = new Map<KeyAlgorithm, TestKey>();

  // A signing key: fresh for EC and Ed25519, one cached key per RSA size and padding (generation is slow).
  const signingKey = (algorithm: KeyAlgorithm): TestKey => {
    if (!algorithm.startsWith('rsa')) return generateKey(algorithm);
    const cached = rsaKeys.get(algorithm) ?? generateKey(algorithm);
    rsaKeys.set(algorithm, cached);
    return cached;
  };

  // The SCT issuer for a leaf, honouring the SCT faults.
  const sctIssuer = (faults: Faults, timestamp: number, extensions: Uint8Array | undefined): SctIssuer | undefined => {
    if (faults.noSct) return undefined;
    const sctOptions = { timestamp, extensions };
    if (faults.sctFromUnknownLog) return (pre, issuerSpki) => rogueCtLog().signPrecertificate(pre, issuerSpki, sctOptions);
    if (faults.badSctSignature) {
      // The trusted log signs the precertificate as if another key had issued it.
      return (pre) => ctLog.signTbs(tbsWithoutExtension(tbsOf(pre), OID.ctPoison), ca.root.key.spki, sctOptions);
    }
    return (pre, issuerSpki) => ctLog.signPrecertificate(pre, issuerSpki, sctOptions);
  };

  // Issues the leaf for a signing at time t.
  const issueLeaf = (key: TestKey, t: Date, o: SignOptions, faults: Faults): IssuedLeaf => {
    const validity = o.leafValidityMs ?? DEFAULT_LEAF_VALIDITY_MS;
    const notBefore = faults.leafExpiredAtLogTime ? new Date(t.getTime() - validity - 60_000) : t;
    const issuer = faults.wrongCaKey ? rogueCa() : ca;
    return issuer.issueLeaf({
      spki: key.spki,
      identity: o.identity ?? DEFAULT_IDENTITY,
      notBefore,
      notAfter: new Date(notBefore.getTime() + validity),
      sct: sctIssuer(faults, notBefore.getTime(), o.sctExtensions),
    });
  };

  // Shared tail of both signing paths: certificate, timestamp, log entry and bundle.
  const finish = (
    o: SignOptions,
    key: TestKey,
    t: Date,
    signed: SignedForm,
    logged: SignedForm,
    content: BundleContent,
    defaultKind: 'hashedrekord' | 'dsse',
  ): SignResult => {
    const faults = o.faults ?? {};
    const material = o.material ?? 'certificate';
    const version = o.bundleVersion ?? '0.3';
    const rekor = o.rekor ?? 'v1';
    const leaf = material === 'publicKey' ? undefined : issueLeaf(key, t, o, faults);
    const verifierPem = leaf ? toPem('CERTIFICATE', leaf.certificate) : key.pem;
    const v2Verifier: V2Verifier = faults.loggedOtherPublicKey
      ? { keyDetails: key.keyDetails, publicKey: generateKey('ecdsa-p256').spki }
      : leaf && !o.v2LogsPublicKey
        ? { keyDetails: key.keyDetails, certificate: leaf.certificate }
        : { keyDetails: key.keyDetails, publicKey: key.spki };
    const seconds = Math.floor(t.getTime() / 1000);
    const tlogEntries: TlogEntryJson[] = [];
    if (rekor === 'v1') {
      const integratedTime = faults.integratedTimeInFuture ? seconds + 300 : seconds;
      tlogEntries.push(rekorV1.append(logged.v1Body(o.entryKind ?? defaultKind, verifierPem), integratedTime, faults));
    } else if (rekor === 'v2') {
      tlogEntries.push(rekorV2.append(logged.v2Body(o.entryKind ?? defaultKind, v2Verifier), seconds, faults));
    }
    if (faults.duplicateTlogEntry && tlogEntries[0]) tlogEntries.push(tlogEntries[0]);
    const timestamps: Uint8Array[] = [];
    if (o.tsa ?? rekor !== 'v1') {
      const authority = faults.tsaUntrusted ? rogueTsa() : tsa;
      const genTime = faults.tsaTimeOutsideCert
        ? new Date(t.getTime() + (o.leafValidityMs ?? DEFAULT_LEAF_VALIDITY_MS) + 5 * 60_000)
        : wholeSeconds(o.tsaTime ?? t);
      const data = faults.tsaImprintMismatch ? concat(signed.signature, Uint8Array.of(0)) : signed.signature;
      timestamps.push(authority.timestamp({ data, genTime, embedCertificate: faults.tsaUntrusted || (o.tsaEmbedCertificate ?? true) }));
    }
    if (faults.duplicateTimestamp && timestamps[0]) timestamps.push(timestamps[0]);
    const materialJson: VerificationMaterialKind = !leaf
      ? { kind: 'publicKey', hint: b64(sha256(key.spki)) }
      : material === 'chain'
        ? { kind: 'chain', certificates: [leaf.certificate, ...leaf.chain] }
        : version === '0.3'
          ? { kind: 'certificate', certificate: leaf.certificate }
          : { kind: 'chain', certificates: [leaf.certificate] };
    const bundle = buildBundle({
      version,
      legacyMediaType: o.legacyMediaType,
      material: materialJson,
      tlogEntries,
      timestamps,
      content,
    });
    return {
      bundle,
      key,
      publicKeyPem: key.pem,
      keyHint: b64(sha256(key.spki)),
      ...(leaf ? { certificate: leaf.certificate } : {}),
      ...(leaf?.precertificate ? { precertificate: leaf.precertificate } : {}),
      signedAt: t,
    };
  };

  return {
    now,
    validFrom,
    ca,
    ctLog,
    rekorV1,
    rekorV2,
    tsa,
    trustedRoot: () => trustedRootJson({ validFrom, ca, ctLog, rekorV1, rekorV2, tsa }),
    signMessage(artifact, o = {}) {
      const faults = o.faults ?? {};
      const t = wholeSeconds(o.at ?? now());
      const key = o.key ?? signingKey(o.keyAlgorithm ?? 'ecdsa-p256');
      const data = faults.messageDigestMismatch ? concat(artifact, utf8Bytes('\n(altered)')) : artifact;
      const signed = messageForm(key, data, faults.badSignature ?? false, o.messageHash);
      const logged = faults.bodyMismatch ? messageForm(key, concat(data, Uint8Array.of(0x0a)), false, o.messageHash) : signed;
      return finish(o, key, t, signed, logged, { messageSignature: signed.messageSignature() }, 'hashedrekord');
    },
    signDsse(payload, o = {}) {
      const faults = o.faults ?? {};
      const t = wholeSeconds(o.at ?? now());
      const key = o.key ?? signingKey(o.keyAlgorithm ?? 'ecdsa-p256');
      const payloadType = o.payloadType ?? IN_TOTO_PAYLOAD_TYPE;
      const bytes = payloadBytes(payload, faults.dsseSubjectMismatch ?? false);
      const signed = dsseForm(key, payloadType, bytes, faults.badSignature ?? false);
      const logged = faults.bodyMismatch ? dsseForm(key, payloadType, concat(bytes, utf8Bytes(' ')), false) : signed;
      return finish(o, key, t, signed, logged, { dsseEnvelope: signed.envelope() }, 'dsse');
    },
  };
}

/** One signature in the forms the log and the bundle need. */
interface SignedForm {
  readonly signature: Uint8Array;
  v1Body(kind: string, verifierPem: string): RekorBody;
  v2Body(kind: string, verifier: V2Verifier): RekorBody;
  messageSignature(): { messageDigest: { algorithm: string; digest: string }; signature: string };
  envelope(): DsseEnvelopeJson;
}

// Signs a message (hashedrekord): digest with the given hash (else the key's), signature over the message itself.
function messageForm(key: TestKey, data: Uint8Array, signOtherBytes: boolean, messageHash?: HashName): SignedForm {
  const hash = messageHash ?? key.hash ?? 'sha256';
  const messageDigest = digest(hash, data);
  const signature = key.sign(signOtherBytes ? concat(data, Uint8Array.of(0)) : data, messageHash);
  return {
    signature,
    v1Body: (_kind, verifierPem) => hashedrekordV001({ hash, digest: messageDigest, signature, verifierPem }),
    v2Body: (_kind, verifier) => hashedrekordV002({ digestAlgorithm: DIGEST_NAME[hash], digest: messageDigest, signature, verifier }),
    messageSignature: () => ({ messageDigest: { algorithm: DIGEST_NAME[hash], digest: b64(messageDigest) }, signature: b64(signature) }),
    envelope: () => {
      throw new Error('a message signature has no envelope');
    },
  };
}

// Signs a DSSE envelope over PAE(payloadType, payload).
function dsseForm(key: TestKey, payloadType: string, payload: Uint8Array, signOtherBytes: boolean): SignedForm {
  const preAuth = pae(payloadType, payload);
  const signature = key.sign(signOtherBytes ? pae(payloadType, concat(payload, utf8Bytes(' '))) : preAuth);
  const env = envelope(payloadType, payload, [signature]);
  return {
    signature,
    v1Body: (kind, verifierPem) =>
      kind === 'intoto'
        ? intotoV002({ envelope: env, payload, verifierPem })
        : kind === 'hashedrekord'
          ? hashedrekordV001({ hash: 'sha256', digest: sha256(preAuth), signature, verifierPem })
          : dsseV001({ envelope: env, payload, verifierPem }),
    v2Body: (kind, verifier) =>
      kind === 'hashedrekord'
        ? hashedrekordV002({ digestAlgorithm: 'SHA2_256', digest: sha256(preAuth), signature, verifier })
        : dsseV002({ payloadDigest: sha256(payload), signatures: [signature], verifier }),
    messageSignature: () => {
      throw new Error('a DSSE signature has no message signature');
    },
    envelope: () => env,
  };
}

// Payload bytes from bytes or a statement object; with `mismatch`, every subject digest names other bytes.
function payloadBytes(payload: Uint8Array | Record<string, unknown>, mismatch: boolean): Uint8Array {
  if (payload instanceof Uint8Array) {
    if (mismatch) throw new Error('dsseSubjectMismatch needs a statement object');
    return payload;
  }
  if (!mismatch) return utf8Bytes(JSON.stringify(payload));
  const subjects = Array.isArray(payload['subject']) ? (payload['subject'] as { name?: string }[]) : [];
  const other = hex(sha256(utf8Bytes('some other artifact')));
  return utf8Bytes(JSON.stringify({ ...payload, subject: subjects.map((s) => ({ ...s, digest: { sha256: other } })) }));
}

// trusted_root.json for the instance's components (protobuf-specs TrustedRoot, media type version 0.1).
function trustedRootJson(c: {
  validFrom: Date;
  ca: FulcioCa;
  ctLog: CtLog;
  rekorV1: RekorV1Log;
  rekorV2: RekorV2Log;
  tsa: TimestampAuthority;
}): TrustedRootJson {
  const start = rfc3339(c.validFrom);
  const logJson = (baseUrl: string, key: TestKey, logId: Uint8Array): TransparencyLogInstanceJson => ({
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(key.spki), keyDetails: key.keyDetails, validFor: { start } },
    logId: { keyId: b64(logId) },
  });
  const caJson = (subject: { organization?: string; commonName?: string }, uri: string, chain: readonly Uint8Array[]): CertificateAuthorityJson => ({
    subject: { organization: subject.organization ?? '', commonName: subject.commonName ?? '' },
    uri,
    certChain: { certificates: chain.map((cert) => ({ rawBytes: b64(cert) })) },
    validFor: { start },
  });
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      logJson(c.rekorV1.baseUrl, c.rekorV1.key, c.rekorV1.logId),
      logJson(c.rekorV2.baseUrl, c.rekorV2.key, c.rekorV2.logId),
    ],
    certificateAuthorities: [
      caJson(c.ca.root.name, 'https://fulcio.signet.test', [c.ca.intermediate.certificate, c.ca.root.certificate]),
    ],
    ctlogs: [logJson(c.ctLog.baseUrl, c.ctLog.key, c.ctLog.logId)],
    timestampAuthorities: [caJson(c.tsa.root.name, 'https://timestamp.signet.test/api/v1/timestamp', c.tsa.chain)],
  };
}
