// Legacy cosign forms end to end: OCI .sig/.att layers, `cosign download signature` lines and sign-blob
// bundles, normalised and verified against the test instance, including the image binding.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  LEGACY_MEDIA_TYPES,
  normalizeCosignLayer,
  normalizeRepository,
  parseAnySignatureInput,
  parseTrustedRootJson,
  verifyBundle,
  VerifyError,
  type ArtifactInput,
  type Bundle,
  type VerificationPolicy,
  type VerificationResult,
  type VerifyRequest,
} from '../../src/core';
import {
  attestImageLayer,
  COSIGN_ANNOTATIONS as A,
  createTestInstance,
  DEFAULT_IDENTITY,
  downloadSignatureLine,
  signBlobBundle,
  signImageLayer,
  simpleSigningPayload,
  type CosignLayerJson,
  type LegacySignature,
} from '../support/sigstore';

const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const identityPolicy: VerificationPolicy = { kind: 'identity', identity: { identity: { exact: (DEFAULT_IDENTITY.san as { uri: string }).uri }, issuer: { exact: DEFAULT_IDENTITY.issuer } } };
const digestOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const image = { digest: digestOf('manifest of app v1'), repository: 'ghcr.io/signet-test/app' };
const otherImage = { digest: digestOf('manifest of another image'), repository: 'ghcr.io/signet-test/app' };

async function verify(bundle: Bundle, o: { policy?: VerificationPolicy; artifact?: ArtifactInput | null; image?: VerifyRequest['image'] | null } = {}): Promise<VerificationResult> {
  return verifyBundle({
    bundle,
    artifact: o.artifact ?? null,
    policy: o.policy ?? identityPolicy,
    trustedRoot,
    ...(o.image === null ? {} : { image: o.image ?? image }),
    now: instance.now().getTime(),
  });
}

const keyPolicy = (sig: { signed: { publicKeyPem: string } }): VerificationPolicy => ({ kind: 'key', publicKey: sig.signed.publicKeyPem });
const step = (r: VerificationResult, id: string) => r.steps.find((s) => s.id === id)!;
const failure = (r: VerificationResult) => ({ verdict: r.verdict, step: r.failedStep, code: r.failedStep ? step(r, r.failedStep).code : undefined });

// The error a call throws, as code and where.
function errorOf(fn: () => unknown): { code: string; where: string | undefined } {
  try {
    fn();
  } catch (e) {
    if (e instanceof VerifyError) return { code: e.code, where: e.detail.where };
    throw e;
  }
  return { code: 'no error', where: undefined };
}

// A copy of a layer with annotations changed (undefined removes one).
function withAnnotations(layer: CosignLayerJson, changes: Record<string, string | undefined>): CosignLayerJson {
  const annotations = { ...layer.annotations };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete annotations[k];
    else annotations[k] = v;
  }
  return { ...layer, annotations };
}

describe('legacy forms that must verify', () => {
  const cases: Array<[string, () => Promise<VerificationResult>]> = [
    ['.sig layer, keyless', async () => verify(normalizeCosignLayer(signImageLayer(instance, image).layer))],
    ['.sig layer, keyless with an RFC 3161 timestamp', async () => verify(normalizeCosignLayer(signImageLayer(instance, image, { tsa: true }).layer))],
    ['.sig layer, keyed', async () => {
      const sig = signImageLayer(instance, image, { keyed: true });
      return verify(normalizeCosignLayer(sig.layer), { policy: keyPolicy(sig) });
    }],
    ['.sig layer, keyless, Ed25519', async () => verify(normalizeCosignLayer(signImageLayer(instance, image, { keyAlgorithm: 'ed25519' }).layer))],
    ['.att layer (intoto 0.0.2), image digest as the subject', async () => verify(normalizeCosignLayer(attestImageLayer(instance, image).layer))],
    ['.att layer (dsse 0.0.1), artifact digest passed by the caller', async () => {
      const hex = image.digest.slice('sha256:'.length);
      return verify(normalizeCosignLayer(attestImageLayer(instance, image, { entryKind: 'dsse' }).layer), {
        image: null,
        artifact: { kind: 'digest', algorithm: 'SHA-256', value: Uint8Array.from(Buffer.from(hex, 'hex')) },
      });
    }],
    ['.att layer, keyed', async () => {
      const att = attestImageLayer(instance, image, { keyed: true });
      return verify(normalizeCosignLayer(att.layer), { policy: keyPolicy(att) });
    }],
    ['cosign download signature line, keyless', async () => verify(parseAnySignatureInput(downloadSignatureLine(signImageLayer(instance, image, { tsa: true })))[0]!)],
    ['cosign download signature line, keyed', async () => {
      const sig = signImageLayer(instance, image, { keyed: true });
      return verify(parseAnySignatureInput(downloadSignatureLine(sig))[0]!, { policy: keyPolicy(sig) });
    }],
    ['sign-blob bundle, keyless', async () => {
      const blob = new TextEncoder().encode('a released binary\n');
      return verify(parseAnySignatureInput(signBlobBundle(instance, blob).json)[0]!, { image: null, artifact: { kind: 'bytes', bytes: blob } });
    }],
    ['sign-blob bundle, keyed', async () => {
      const blob = new TextEncoder().encode('a released binary\n');
      const b = signBlobBundle(instance, blob, { keyed: true });
      return verify(parseAnySignatureInput(b.json)[0]!, { image: null, artifact: { kind: 'bytes', bytes: blob }, policy: keyPolicy(b) });
    }],
  ];
  for (const [name, run] of cases) {
    it(name, async () => {
      const r = await run();
      expect(failure(r)).toEqual({ verdict: 'verified', step: undefined, code: undefined });
      expect(r.steps.filter((s) => s.required).every((s) => s.status === 'pass')).toBe(true);
    });
  }

  it('a keyless .sig layer shows the payload, the chain without its root, the SET and no inclusion proof', async () => {
    const sig = signImageLayer(instance, image, { tsa: true });
    const bundle = normalizeCosignLayer(sig.layer);
    expect(bundle).toMatchObject({ origin: 'cosign-legacy', version: '0.1', mediaType: LEGACY_MEDIA_TYPES.simpleSigning });
    expect(bundle.material.kind === 'certificate' && bundle.material.chain.length).toBe(2);
    expect(bundle.tlogEntries[0]).toMatchObject({ kind: 'hashedrekord', version: '0.0.1', inclusionProof: null, where: A.bundle });
    const r = await verify(bundle);
    expect(Object.fromEntries(r.steps.map((s) => [s.id, s.status]))).toMatchObject({
      'artifact.bind': 'pass', signature: 'pass', 'tlog.set': 'pass', 'tlog.inclusion': 'skip', 'tlog.checkpoint': 'skip', 'timestamp.rfc3161': 'pass',
    });
    const payload = step(r, 'artifact.bind').evidence.find((e) => e.key === 'simplesigning');
    expect(payload?.kind === 'json' && payload.value).toMatchObject({ critical: { image: { 'docker-manifest-digest': image.digest } } });
    expect(step(r, 'signature').summary).toMatch(/payload/);
  });
});

describe('the image binding', () => {
  it('a signature copied from another image fails with IMAGE_BINDING_MISMATCH naming both digests', async () => {
    const r = await verify(normalizeCosignLayer(signImageLayer(instance, otherImage).layer));
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'artifact.bind', code: 'IMAGE_BINDING_MISMATCH' });
    expect(step(r, 'artifact.bind').detail).toEqual({ where: 'critical.image.docker-manifest-digest', expected: image.digest, found: otherImage.digest });
    expect(step(r, 'artifact.bind').evidence.some((e) => e.key === 'simplesigning')).toBe(true);
    expect(step(r, 'signature').status).toBe('pass');
  });

  it('a different docker-reference is reported, not failed, as cosign does: the digest is what binds', async () => {
    const r = await verify(normalizeCosignLayer(signImageLayer(instance, { ...image, repository: 'docker.io/someone/mirror' }).layer));
    expect(step(r, 'artifact.bind').status).toBe('pass');
    expect(r.verdict).toBe('verified');
    expect(step(r, 'artifact.bind').summary).toContain('cosign only warns');
    expect(step(r, 'artifact.bind').evidence.some((e) => e.kind === 'text' && e.label === 'repository mismatch' && /cosign itself only warns/.test(e.value))).toBe(true);
    expect(r.failedStep).toBeUndefined();
    expect(r.steps.filter((s) => s.id !== 'artifact.bind' && s.required).every((s) => s.status === 'pass')).toBe(true);
  });

  it('docker-reference spellings of the same repository match', async () => {
    const r = await verify(normalizeCosignLayer(signImageLayer(instance, { ...image, repository: 'GHCR.IO/signet-test/app:v1' }).layer));
    expect(step(r, 'artifact.bind').status).toBe('pass');
  });

  it('a payload of another type is refused at artifact.bind', async () => {
    const payload = new TextEncoder().encode(JSON.stringify({ critical: { identity: { 'docker-reference': image.repository }, image: { 'docker-manifest-digest': image.digest }, type: 'atomic container signature' } }));
    const r = await verify(normalizeCosignLayer(signImageLayer(instance, image, {}, payload).layer));
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'artifact.bind', code: 'COSIGN_FORMAT_INVALID' });
    expect(step(r, 'artifact.bind').detail?.where).toBe('critical.type');
  });

  it('without an image or artifact the binding warns but the signature over the payload is still checked', async () => {
    const r = await verify(normalizeCosignLayer(signImageLayer(instance, image).layer), { image: null });
    expect(step(r, 'artifact.bind').status).toBe('warn');
    expect(step(r, 'signature').status).toBe('pass');
    expect(r.verdict).toBe('incomplete');
  });

  it('an attestation for another image fails: its subject is not the image digest', async () => {
    const r = await verify(normalizeCosignLayer(attestImageLayer(instance, otherImage).layer));
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'artifact.bind', code: 'ARTIFACT_NOT_IN_SUBJECTS' });
  });

  it('a malformed image digest is refused', async () => {
    const r = await verify(normalizeCosignLayer(attestImageLayer(instance, image).layer), { image: { digest: 'sha256:xyz', repository: image.repository } });
    expect(failure(r)).toMatchObject({ step: 'artifact.bind', code: 'DIGEST_INVALID' });
  });
});

describe('broken legacy signatures', () => {
  it('a tampered payload fails at signature', async () => {
    const sig = signImageLayer(instance, image);
    const tampered = new Uint8Array([...sig.layer.payload, 0x0a]);
    const r = await verify(normalizeCosignLayer({ ...sig.layer, payload: tampered }));
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'signature', code: 'SIGNATURE_INVALID' });
    expect(step(r, 'artifact.bind').status).toBe('pass');
  });

  it('a missing SET is refused with TLOG_SET_MISSING at the bundle annotation', () => {
    const sig = signImageLayer(instance, image, { faults: { noInclusionPromise: true } });
    expect(errorOf(() => normalizeCosignLayer(sig.layer))).toEqual({ code: 'TLOG_SET_MISSING', where: `${A.bundle}.SignedEntryTimestamp` });
    expect(errorOf(() => parseAnySignatureInput(downloadSignatureLine(sig)))).toEqual({ code: 'TLOG_SET_MISSING', where: 'Bundle.SignedEntryTimestamp' });
  });

  it('a SET by another index fails at tlog.set', async () => {
    const r = await verify(normalizeCosignLayer(signImageLayer(instance, image, { faults: { badSet: true } }).layer));
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'tlog.set', code: 'TLOG_SET_INVALID' });
  });

  it('a keyed signature checked with another key fails', async () => {
    const sig = signImageLayer(instance, image, { keyed: true });
    const other = signImageLayer(instance, image, { keyed: true });
    const r = await verify(normalizeCosignLayer(sig.layer), { policy: keyPolicy(other) });
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'signature', code: 'SIGNATURE_INVALID' });
  });

  describe('malformed annotations name the annotation', () => {
    let good: LegacySignature;
    const layer = () => (good ??= signImageLayer(instance, image, { tsa: true })).layer;
    const cases: Array<[string, () => CosignLayerJson, string, string]> = [
      ['signature not base64', () => withAnnotations(layer(), { [A.signature]: 'not base64!' }), 'BASE64_INVALID', A.signature],
      ['signature missing', () => withAnnotations(layer(), { [A.signature]: undefined }), 'COSIGN_FORMAT_INVALID', A.signature],
      ['bundle not JSON', () => withAnnotations(layer(), { [A.bundle]: '{"Signed' }), 'JSON_INVALID', A.bundle],
      ['bundle an array', () => withAnnotations(layer(), { [A.bundle]: '[]' }), 'COSIGN_FORMAT_INVALID', A.bundle],
      ['bundle without a log ID', () => {
        const b = JSON.parse(layer().annotations[A.bundle]!) as { Payload: Record<string, unknown> };
        delete b.Payload.logID;
        return withAnnotations(layer(), { [A.bundle]: JSON.stringify(b) });
      }, 'COSIGN_FORMAT_INVALID', `${A.bundle}.Payload.logID`],
      ['bundle body not base64', () => {
        const b = JSON.parse(layer().annotations[A.bundle]!) as { Payload: Record<string, unknown> };
        b.Payload.body = '%%%';
        return withAnnotations(layer(), { [A.bundle]: JSON.stringify(b) });
      }, 'BASE64_INVALID', `${A.bundle}.Payload.body`],
      ['SET not base64', () => {
        const b = JSON.parse(layer().annotations[A.bundle]!) as Record<string, unknown>;
        b.SignedEntryTimestamp = 'a b';
        return withAnnotations(layer(), { [A.bundle]: JSON.stringify(b) });
      }, 'BASE64_INVALID', `${A.bundle}.SignedEntryTimestamp`],
      ['timestamp without its field', () => withAnnotations(layer(), { [A.rfc3161]: '{}' }), 'COSIGN_FORMAT_INVALID', `${A.rfc3161}.SignedRFC3161Timestamp`],
      ['certificate not PEM', () => withAnnotations(layer(), { [A.certificate]: 'MIIB...' }), 'PEM_INVALID', A.certificate],
      ['chain without a certificate', () => withAnnotations(layer(), { [A.certificate]: undefined }), 'COSIGN_FORMAT_INVALID', A.chain],
      ['unknown layer media type', () => ({ ...layer(), mediaType: 'application/octet-stream' }), 'COSIGN_FORMAT_INVALID', 'mediaType'],
    ];
    for (const [name, make, code, where] of cases) {
      it(name, () => expect(errorOf(() => normalizeCosignLayer(make()))).toEqual({ code, where }));
    }

    it('the caller can prefix where with the layer it came from', () => {
      expect(errorOf(() => normalizeCosignLayer(withAnnotations(layer(), { [A.signature]: '!' }), 'layers[2]'))).toEqual({ code: 'BASE64_INVALID', where: `layers[2]: ${A.signature}` });
    });

    it('an inherited annotation key is not read', () => {
      const annotations = Object.create({ [A.signature]: layer().annotations[A.signature] }) as Record<string, string>;
      expect(errorOf(() => normalizeCosignLayer({ ...layer(), annotations }))).toEqual({ code: 'COSIGN_FORMAT_INVALID', where: A.signature });
    });
  });
});

describe('parseAnySignatureInput picks the parser', () => {
  it('a Sigstore bundle', () => {
    const json = JSON.stringify(instance.signMessage(new TextEncoder().encode('x')).bundle);
    expect(parseAnySignatureInput(json).map((b) => b.origin)).toEqual(['sigstore-bundle']);
  });

  it('cosign download output: one signature a line, a Sigstore bundle line among them', () => {
    const a = downloadSignatureLine(signImageLayer(instance, image));
    const b = downloadSignatureLine(signImageLayer(instance, image, { keyed: true }));
    const c = JSON.stringify(instance.signMessage(new TextEncoder().encode('x')).bundle);
    const bundles = parseAnySignatureInput(`${a}\n\n${b}\r\n${c}\n`);
    expect(bundles.map((x) => [x.origin, x.mediaType, x.material.kind])).toEqual([
      ['cosign-legacy', LEGACY_MEDIA_TYPES.simpleSigning, 'certificate'],
      ['cosign-legacy', LEGACY_MEDIA_TYPES.simpleSigning, 'publicKey'],
      ['sigstore-bundle', 'application/vnd.dev.sigstore.bundle.v0.3+json', 'certificate'],
    ]);
  });

  it('a JSON array of download objects, lower-camel spellings included', () => {
    const line = JSON.parse(downloadSignatureLine(signImageLayer(instance, image))) as Record<string, unknown>;
    const lower = { base64Signature: line.Base64Signature, payload: line.Payload, cert: line.Cert, chain: line.Chain, bundle: line.Bundle };
    expect(parseAnySignatureInput(JSON.stringify([line, lower])).map((b) => b.tlogEntries.length)).toEqual([1, 1]);
  });

  it('a sign-blob bundle takes its digest from the hashedrekord entry', () => {
    const blob = new TextEncoder().encode('blob');
    const [bundle] = parseAnySignatureInput(signBlobBundle(instance, blob).json);
    expect(bundle?.mediaType).toBe(LEGACY_MEDIA_TYPES.signBlob);
    expect(bundle?.content.kind === 'message' && Buffer.from(bundle.content.digest!.value).toString('hex')).toBe(createHash('sha256').update(blob).digest('hex'));
  });

  it('a sign-blob bundle for other bytes fails at artifact.bind', async () => {
    const [bundle] = parseAnySignatureInput(signBlobBundle(instance, new TextEncoder().encode('blob')).json);
    const r = await verify(bundle!, { image: null, artifact: { kind: 'bytes', bytes: new TextEncoder().encode('other') } });
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'artifact.bind', code: 'ARTIFACT_DIGEST_MISMATCH' });
  });

  it('errors are located and coded', () => {
    expect(errorOf(() => parseAnySignatureInput('{"hello": 1}'))).toEqual({ code: 'COSIGN_FORMAT_INVALID', where: 'input' });
    expect(errorOf(() => parseAnySignatureInput('not json'))).toMatchObject({ code: 'JSON_INVALID' });
    expect(errorOf(() => parseAnySignatureInput('  \n '))).toMatchObject({ code: 'COSIGN_FORMAT_INVALID' });
    expect(errorOf(() => parseAnySignatureInput('{"mediaType":"application/vnd.dev.sigstore.bundle+json;version=9"}'))).toMatchObject({ code: 'BUNDLE_MEDIA_TYPE_UNKNOWN' });
    const line = downloadSignatureLine(signImageLayer(instance, image));
    expect(errorOf(() => parseAnySignatureInput(`${line}\n{"x":1}`))).toEqual({ code: 'COSIGN_FORMAT_INVALID', where: 'line 2' });
    expect(errorOf(() => parseAnySignatureInput(`${line}\n{"x":`))).toEqual({ code: 'JSON_INVALID', where: 'line 2' });
    expect(errorOf(() => parseAnySignatureInput(JSON.stringify(Array.from({ length: 101 }, () => ({})))))).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('the download payload is the simplesigning document itself', () => {
    const sig = signImageLayer(instance, image);
    const [bundle] = parseAnySignatureInput(downloadSignatureLine(sig));
    expect(bundle?.content.kind === 'message' && bundle.content.payload?.bytes).toEqual(simpleSigningPayload(image));
  });
});

describe('normalizeRepository', () => {
  it.each([
    ['ghcr.io/org/app', 'ghcr.io/org/app'],
    ['GHCR.io/org/app:v1', 'ghcr.io/org/app'],
    ['ghcr.io/org/app@sha256:abcd', 'ghcr.io/org/app'],
    ['ubuntu', 'index.docker.io/library/ubuntu'],
    ['docker.io/library/ubuntu:22.04', 'index.docker.io/library/ubuntu'],
    ['registry-1.docker.io/org/app', 'index.docker.io/org/app'],
    ['localhost:5000/app:1', 'localhost:5000/app'],
    ['org/app', 'index.docker.io/org/app'],
  ])('%s → %s', (input, expected) => expect(normalizeRepository(input)).toBe(expected));

  it('names that are not repositories give undefined', () => {
    expect(normalizeRepository('ghcr.io/')).toBeUndefined();
    expect(normalizeRepository('a b/c')).toBeUndefined();
  });
});

describe('hostile legacy input', () => {
  // What a legacy signature claims: the signed bytes, the signer and the log entry.
  const claim = (b: Bundle) => ({
    content: b.content.kind === 'message' ? [b.content.signature, b.content.payload?.bytes] : [b.content.payload, b.content.signatures[0]?.sig],
    signer: b.material.kind === 'certificate' ? b.material.chain[0] : null,
    entry: b.tlogEntries.map((e) => [e.canonicalizedBody, e.integratedTime, e.logIndex, e.inclusionPromise]),
  });

  it('a changed character in a download line is a coded error, or a result that verifies only the same claim', async () => {
    const line = downloadSignatureLine(signImageLayer(instance, image));
    const original = claim(parseAnySignatureInput(line)[0]!);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: line.length - 1 }), fc.integer({ min: 32, max: 126 }), async (at, code) => {
        const text = line.slice(0, at) + String.fromCharCode(code) + line.slice(at + 1);
        let bundles: Bundle[];
        try {
          bundles = parseAnySignatureInput(text);
        } catch (e) {
          expect(e instanceof VerifyError && e.code !== 'INTERNAL').toBe(true);
          return;
        }
        const r = await verify(bundles[0]!);
        if (r.verdict === 'verified') expect(claim(bundles[0]!)).toEqual(original);
      }),
      { numRuns: 150 },
    );
  });

  it('annotation values of any shape never crash the layer normaliser', () => {
    const layer = signImageLayer(instance, image).layer;
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(A)), fc.string({ maxLength: 200 }), (key, value) => {
        try {
          normalizeCosignLayer(withAnnotations(layer, { [key]: value }));
        } catch (e) {
          expect(e instanceof VerifyError && e.code !== 'INTERNAL').toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a pasted cosign download signature dump checked against an image digest', () => {
  const digestInput = (d: string) => ({ kind: 'digest' as const, algorithm: 'SHA-256' as const, value: Uint8Array.from(Buffer.from(d.slice(7), 'hex')) });
  const dump = downloadSignatureLine(signImageLayer(instance, image));

  it('binds the digest given as the artifact to the payload, as the image digest', async () => {
    const r = await verifyBundle({ bundle: dump, artifact: digestInput(image.digest), policy: identityPolicy, trustedRoot });
    expect(r.verdict).toBe('verified');
    expect(step(r, 'artifact.bind').summary).toContain('by digest');
  });

  it('refuses it for another image digest', async () => {
    const r = await verifyBundle({ bundle: dump, artifact: digestInput(otherImage.digest), policy: identityPolicy, trustedRoot });
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'artifact.bind', code: 'IMAGE_BINDING_MISMATCH' });
  });

  it('through the CLI, several lines are verified one by one and any one verified suffices', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-dump-'));
    writeFileSync(join(dir, 'dump.json'), `${dump}\n${downloadSignatureLine(signImageLayer(instance, otherImage))}\n`);
    writeFileSync(join(dir, 'root.json'), JSON.stringify(instance.trustedRoot()));
    const run = (digest: string) =>
      promisify(execFile)(process.execPath, ['bin/signet.mjs', 'verify-bundle', '--bundle', join(dir, 'dump.json'), '--trusted-root', join(dir, 'root.json'), '--certificate-identity', (DEFAULT_IDENTITY.san as { uri: string }).uri, '--certificate-oidc-issuer', DEFAULT_IDENTITY.issuer, digest]).then(
        (r) => ({ code: 0, out: r.stderr }),
        (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
      );
    const ok = await run(image.digest);
    expect(ok.code).toBe(0);
    expect(ok.out.match(/^VERIFIED/gm)).toHaveLength(1);
    expect(ok.out.match(/^FAILED/gm)).toHaveLength(1);
    expect((await run(digestOf('neither'))).code).toBe(1);
  }, 30_000);
});
