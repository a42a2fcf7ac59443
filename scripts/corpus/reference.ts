// One corpus case through @sigstore/verify (the differential oracle), with the two checks it leaves to its
// caller done here: the in-toto subject (or cosign payload image digest) names the artifact.
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import type { CorpusCase, Judgement } from './cases.ts';

type Json = Record<string, unknown>;

// Verify one case with the reference; a thrown error is its refusal, with its message as the reason.
export function runReference(c: CorpusCase, root: string): Judgement {
  return referenceVerifier(c, root)();
}

// The reference verification of one case as a function: files read and trust material built once, so a
// benchmark times only what each verification does (bundle parse to verdict).
export function referenceVerifier(c: CorpusCase, root: string): () => Judgement {
  const read = (p: string) => readFileSync(join(root, p));
  let bundleJson: Json;
  let artifact: Buffer | undefined = c.artifact ? read(c.artifact) : undefined;
  try {
    if (c.format === 'sigstore-bundle') bundleJson = JSON.parse(read(c.bundle!).toString('utf8')) as Json;
    else if (c.format === 'cosign-blob-bundle') bundleJson = fromSignBlobBundle(JSON.parse(read(c.bundle!).toString('utf8')) as Json);
    else {
      const payload = read(c.payload!);
      bundleJson = fromOciLayer(JSON.parse(read(c.annotations!).toString('utf8')) as Record<string, string>, payload);
      const named = ((JSON.parse(payload.toString('utf8')) as { critical?: { image?: Json } }).critical?.image ?? {})['docker-manifest-digest'];
      if (named !== c.image_digest) return () => ({ outcome: 'fail', why: `payload names image ${String(named)}, not ${c.image_digest}` });
      artifact = payload;
    }
  } catch (err) {
    return () => ({ outcome: 'unreadable', why: `cannot convert the input: ${(err as Error).message}` });
  }
  // The bundle as JSON text: each verification parses it, as Signet parses the text it is given.
  const bundleText = JSON.stringify(bundleJson);
  let verifier: Verifier;
  let policy: Json;
  try {
    const keyPem = c.key ? read(c.key).toString('utf8') : undefined;
    const keyFinder = keyPem ? () => ({ publicKey: createPublicKey(keyPem), validFor: () => true }) : undefined;
    const trust = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(read(c.trusted_root).toString('utf8'))), keyFinder);
    const t = c.thresholds;
    verifier = new Verifier(trust, t ? { tlogThreshold: t.tlog, ctlogThreshold: t.ctlog, timestampThreshold: t.timestamp } : {});
    policy = keyPem ? {} : { subjectAlternativeName: c.identity!, ...(c.issuer !== null ? { extensions: { issuer: c.issuer } } : {}) };
  } catch (err) {
    return () => ({ outcome: 'fail', why: `${(err as { code?: string }).code ?? 'error'}: ${(err as Error).message.slice(0, 240)}` });
  }
  return () => {
    try {
      const bundle = bundleFromJSON(JSON.parse(bundleText));
      const envelope = bundle.content.$case === 'dsseEnvelope' ? bundle.content.dsseEnvelope : undefined;
      const isDsse = envelope !== undefined;
      if (!isDsse && !artifact) return { outcome: 'unreadable', why: '@sigstore/verify needs the artifact bytes for a message signature (only a digest is given)' };
      verifier.verify(toSignedEntity(bundle, isDsse ? undefined : artifact), policy);
      if (envelope && (artifact || c.digest)) {
        const statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as { subject?: { digest?: Record<string, string> }[] };
        const wanted = c.digest ? c.digest.split(':') : undefined;
        const hit = (statement.subject ?? []).some((s) =>
          Object.entries(s.digest ?? {}).some(([alg, hex]) =>
            wanted ? alg === wanted[0] && hex.toLowerCase() === wanted[1]!.toLowerCase() : ['sha256', 'sha384', 'sha512'].includes(alg) && createHash(alg).update(artifact!).digest('hex') === hex.toLowerCase(),
          ),
        );
        if (!hit) return { outcome: 'fail', why: 'no in-toto subject names the artifact' };
      }
      return { outcome: 'pass' };
    } catch (err) {
      return { outcome: 'fail', why: `${(err as { code?: string }).code ?? 'error'}: ${(err as Error).message.slice(0, 240)}` };
    }
  };
}

// A v0.1 tlog entry from cosign's Rekor bundle ({SignedEntryTimestamp, Payload: {body, integratedTime, logIndex, logID}}).
function tlogEntry(rekor: Json): Json {
  const p = rekor.Payload as Json;
  const body = JSON.parse(Buffer.from(p.body as string, 'base64').toString('utf8')) as { kind: string; apiVersion: string };
  return {
    logIndex: String(p.logIndex),
    logId: { keyId: Buffer.from(p.logID as string, 'hex').toString('base64') },
    kindVersion: { kind: body.kind, version: body.apiVersion },
    integratedTime: String(p.integratedTime),
    inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
    canonicalizedBody: p.body,
  };
}

// The DER certificates of PEM text, base64, as bundle rawBytes.
function pemToRaw(pem: string): { rawBytes: string }[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)].map((m) => ({ rawBytes: m[1]!.replace(/\s/g, '') }));
}

// A v0.1 Sigstore bundle with the same signature, certificate and log entry as a `cosign sign-blob --bundle` file.
function fromSignBlobBundle(j: Json): Json {
  const entry = tlogEntry(j.rekorBundle as Json);
  const body = JSON.parse(Buffer.from(entry.canonicalizedBody as string, 'base64').toString('utf8')) as { spec: { data: { hash: { algorithm: string; value: string } } } };
  const hash = body.spec.data.hash;
  return v01Bundle(Buffer.from(j.cert as string, 'base64').toString('utf8'), entry, {
    messageDigest: { algorithm: hash.algorithm === 'sha256' ? 'SHA2_256' : hash.algorithm.toUpperCase().replace('SHA', 'SHA2_'), digest: Buffer.from(hash.value, 'hex').toString('base64') },
    signature: j.base64Signature,
  });
}

// A v0.1 Sigstore bundle from a cosign simplesigning layer's annotations; the payload is the signed artifact.
function fromOciLayer(a: Record<string, string>, payload: Buffer): Json {
  const rekor = a['dev.sigstore.cosign/bundle'];
  const cert = a['dev.sigstore.cosign/certificate'];
  const message = { messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') }, signature: a['dev.cosignproject.cosign/signature'] };
  return v01Bundle(cert ? cert + (a['dev.sigstore.cosign/chain'] ?? '') : undefined, rekor ? tlogEntry(JSON.parse(rekor) as Json) : undefined, message);
}

function v01Bundle(certPem: string | undefined, entry: Json | undefined, messageSignature: Json): Json {
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      ...(certPem ? { x509CertificateChain: { certificates: pemToRaw(certPem) } } : { publicKey: { hint: '' } }),
      tlogEntries: entry ? [entry] : [],
    },
    messageSignature,
  };
}
