// Builds the engine's log-entry, trusted-log and content shapes straight from Sigstore conformance JSON,
// so the transparency-log layer can be tested on real data independently of the bundle and root parsers.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePublicKey, type HashAlg } from '../../../src/core/crypto';
import { fromBase64 } from '../../../src/core/encoding';
import type { SignatureContent, TlogEntry } from '../../../src/core/bundle/types';
import type { TransparencyLogInstance } from '../../../src/core/trust/types';
import type { SignerMaterial } from '../../../src/core/tlog';

type Json = any;

export const CONFORMANCE = resolve(process.cwd(), '../shared/conformance');
const CASES = `${CONFORMANCE}/bundle-verify`;

const HASHES: Record<string, HashAlg> = { SHA2_256: 'SHA-256', SHA2_384: 'SHA-384', SHA2_512: 'SHA-512' };

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// One conformance case: its bundle JSON and the trusted root it is verified against.
export function loadCase(name: string): { bundle: Json; root: Json } {
  const rootPath = existsSync(`${CASES}/${name}/trusted_root.json`)
    ? `${CASES}/${name}/trusted_root.json`
    : `${CONFORMANCE}/_roots/production_trusted_root.json`;
  return { bundle: readJson(`${CASES}/${name}/bundle.sigstore.json`), root: readJson(rootPath) };
}

// A protobuf-JSON TransparencyLogEntry as the engine's TlogEntry.
export function toTlogEntry(json: Json, where = 'verificationMaterial.tlogEntries[0]'): TlogEntry {
  const proof = json.inclusionProof;
  return {
    logIndex: Number(json.logIndex),
    logId: fromBase64(json.logId.keyId),
    kind: json.kindVersion.kind,
    version: json.kindVersion.version,
    integratedTime: json.integratedTime === undefined || json.integratedTime === '0' ? null : Number(json.integratedTime),
    inclusionPromise: json.inclusionPromise ? fromBase64(json.inclusionPromise.signedEntryTimestamp) : null,
    inclusionProof: proof
      ? {
          logIndex: Number(proof.logIndex),
          rootHash: fromBase64(proof.rootHash),
          treeSize: Number(proof.treeSize),
          hashes: (proof.hashes ?? []).map((h: string) => fromBase64(h)),
          checkpoint: proof.checkpoint?.envelope ?? '',
        }
      : null,
    canonicalizedBody: fromBase64(json.canonicalizedBody),
    where,
  };
}

// The first tlog entry of a conformance bundle.
export function entryOf(bundle: Json): TlogEntry {
  return toTlogEntry(bundle.verificationMaterial.tlogEntries[0]);
}

// Milliseconds from an RFC 3339 time, or undefined.
function ms(time: string | null | undefined): number | undefined {
  return time === undefined || time === null ? undefined : Date.parse(time);
}

// The trusted root's tlogs as engine TransparencyLogInstances.
export function toTlogs(root: Json): TransparencyLogInstance[] {
  return root.tlogs.map((t: Json, i: number): TransparencyLogInstance => {
    const spki = fromBase64(t.publicKey.rawBytes);
    return {
      baseUrl: t.baseUrl,
      hashAlgorithm: HASHES[t.hashAlgorithm] ?? 'SHA-256',
      publicKey: parsePublicKey(spki),
      keyDetails: t.publicKey.keyDetails,
      validFor: { start: ms(t.publicKey.validFor?.start), end: ms(t.publicKey.validFor?.end) },
      logId: fromBase64(t.logId.keyId),
      ...(t.checkpointKeyId ? { checkpointKeyId: fromBase64(t.checkpointKeyId.keyId) } : {}),
      where: `tlogs[${i}]`,
    };
  });
}

// The bundle's signature content (message signature or DSSE envelope).
export function contentOf(bundle: Json): SignatureContent {
  if (bundle.dsseEnvelope) {
    const env = bundle.dsseEnvelope;
    return {
      kind: 'dsse',
      payloadType: env.payloadType,
      payload: fromBase64(env.payload),
      signatures: env.signatures.map((s: Json) => ({ keyid: s.keyid ?? '', sig: fromBase64(s.sig) })),
    };
  }
  const ms = bundle.messageSignature;
  return {
    kind: 'message',
    digest: ms.messageDigest ? { algorithm: HASHES[ms.messageDigest.algorithm]!, value: fromBase64(ms.messageDigest.digest) } : null,
    signature: fromBase64(ms.signature),
  };
}

// The bundle's leaf certificate, or the case's key.pub as DER SPKI.
export function materialOf(bundle: Json, caseName: string): SignerMaterial {
  const vm = bundle.verificationMaterial;
  const cert = vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates?.[0]?.rawBytes;
  if (cert) return { certificateDer: fromBase64(cert) };
  const pem = readFileSync(`${CASES}/${caseName}/key.pub`, 'utf8');
  return { publicKeySpki: fromBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')) };
}


// Everything one conformance case gives the log layer.
export function loadLogCase(name: string) {
  const { bundle, root } = loadCase(name);
  return { bundle, entry: entryOf(bundle), tlogs: toTlogs(root), content: contentOf(bundle) };
}
