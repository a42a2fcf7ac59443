// The views the engine decodes for the page: the production bundle's certificates and checkpoint, every
// checkpoint line's outcome, and what a key-based or tampered bundle leaves out.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { certificateView, checkpointView, parseCertificate, parseTrustedRootJson, publicGoodTrustedRoot, verifyBundle, type VerificationResult } from '../../../src/core';
import { createTestInstance } from '../../support/sigstore';

const PROD_BUNDLE = readFileSync('../shared/fixtures/dockerhub-buildkittest/bundle.sigstore.json', 'utf8');
const IMAGE_DIGEST = Uint8Array.from(Buffer.from('20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2', 'hex'));
const WITNESS_LINE = '— witness.example AAAAAAAAAAAA\n';

// Verify a (possibly edited) copy of the production bundle under the public-good root, signer not checked.
function production(edit: (bundle: { verificationMaterial: { tlogEntries: { inclusionProof: { checkpoint: { envelope: string } } }[] } }) => void = () => {}): Promise<VerificationResult> {
  const bundle = JSON.parse(PROD_BUNDLE);
  edit(bundle);
  return verifyBundle({ bundle: JSON.stringify(bundle), artifact: { kind: 'digest', algorithm: 'SHA-256', value: IMAGE_DIGEST }, policy: { kind: 'inspect' }, trustedRoot: publicGoodTrustedRoot() });
}

describe('result views', () => {
  it('decode the production leaf, its chain and its checkpoint once, in the record', async () => {
    const result = await production();
    const leaf = result.views?.certificate;
    expect(leaf).toMatchObject({
      role: 'leaf',
      displayName: 'kasiramkompella@gmail.com',
      version: 3,
      serialNumber: '0d07eb4320c4f9ad29d4018e7882d1cca3dda05b',
      subject: '',
      issuer: 'CN=sigstore-intermediate,O=sigstore.dev',
      oidcIssuer: 'https://accounts.google.com',
      subjectAltNames: [{ type: 'email', value: 'kasiramkompella@gmail.com' }],
      validityMs: 600_000,
    });
    expect(leaf!.claims.slice(0, 2).map((c) => [c.key, c.oid, c.value])).toEqual([
      ['issuerV1', '1.3.6.1.4.1.57264.1.1', 'https://accounts.google.com'],
      ['issuerV2', '1.3.6.1.4.1.57264.1.8', 'https://accounts.google.com'],
    ]);
    expect(leaf!.scts).toEqual([expect.stringMatching(/^log ID [0-9a-f]{64}, 2026-06-08T07:05:25\.418Z$/)]);
    expect(leaf!.extensions.find((e) => e.oid === '2.5.29.17')).toMatchObject({ name: 'Subject Alternative Name', critical: true, lines: ['email:kasiramkompella@gmail.com'], fulcio: false });
    expect(leaf!.extensions.find((e) => e.oid === '1.3.6.1.4.1.57264.1.1')).toMatchObject({ fulcio: true, deprecated: true, lines: ['https://accounts.google.com'] });
    expect(result.views?.chain?.map((c) => [c.role, c.subject])).toEqual([
      ['intermediate', 'CN=sigstore-intermediate,O=sigstore.dev'],
      ['root', 'CN=sigstore,O=sigstore.dev'],
    ]);
    const [checkpoint] = result.views?.checkpoints ?? [];
    expect(checkpoint).toMatchObject({
      where: 'verificationMaterial.tlogEntries[0]',
      log: 'https://rekor.sigstore.dev',
      parts: { origin: 'rekor.sigstore.dev - 1193050959916656506', size: 1632879500, rootHashBase64: 'hQVgleW4096bWB5nMVA4euGOFNXspkZM7fkwOU0DRTo=', signatures: [{ name: 'rekor.sigstore.dev', keyHint: 'c0d23d6a', status: 'verified' }] },
    });
    // The views survive the structured clone and JSON the worker and the exports put them through.
    expect(JSON.parse(JSON.stringify(result.views))).toEqual(result.views);
  });

  it('are made when first read, once, and every reader (JSON, structured clone, spread) sees the same values', async () => {
    const result = await production();
    const views = result.views!;
    expect(Object.keys(views)).toEqual(['certificate', 'chain', 'checkpoints']);
    // Made once: a second read is the same object.
    expect(views.certificate).toBe(views.certificate);
    expect(views.checkpoints).toBe(views.checkpoints);
    // The same view the leaf's own decoding gives, field by field.
    const der = Buffer.from(JSON.parse(PROD_BUNDLE).verificationMaterial.certificate.rawBytes, 'base64');
    expect(views.certificate).toEqual(certificateView(parseCertificate(new Uint8Array(der), 'verificationMaterial.certificate'), 'leaf'));
    const json = JSON.stringify(result);
    expect(JSON.stringify(structuredClone(result))).toBe(json);
    expect(JSON.stringify({ ...result, views: { ...views } })).toBe(json);
    expect(JSON.parse(json).views.chain.map((c: { role: string }) => c.role)).toEqual(['intermediate', 'root']);
    // A reader may replace a view; the record then holds the new value as plain data.
    const copy = await production();
    copy.views!.checkpoints = [];
    expect(copy.views!.checkpoints).toEqual([]);
    expect(JSON.parse(JSON.stringify(copy.views)).checkpoints).toEqual([]);
  });

  it("marks a witness's cosignature as not checked and the log's own line as verified", async () => {
    const result = await production((b) => {
      b.verificationMaterial.tlogEntries[0]!.inclusionProof.checkpoint.envelope += WITNESS_LINE;
    });
    expect(result.verdict).toBe('incomplete');
    const parts = result.views?.checkpoints?.[0]?.parts;
    expect(parts && 'signatures' in parts && parts.signatures.map((s) => [s.name, s.status])).toEqual([
      ['rekor.sigstore.dev', 'verified'],
      ['witness.example', 'not-checked'],
    ]);
  });

  it("marks the log's line not verified when its signature does not verify, and keeps the note", async () => {
    const result = await production((b) => {
      const cp = b.verificationMaterial.tlogEntries[0]!.inclusionProof.checkpoint;
      cp.envelope = cp.envelope.replace('wNI9ajBGAiEApRMPDWfs', 'wNI9ajBGAiEApRMPDWft');
    });
    expect(result.steps.find((s) => s.id === 'tlog.checkpoint')?.code).toBe('CHECKPOINT_SIGNATURE_INVALID');
    const [checkpoint] = result.views?.checkpoints ?? [];
    expect(checkpoint?.note).toContain('wNI9ajBGAiEApRMPDWft');
    expect(checkpoint?.parts).toMatchObject({ signatures: [{ name: 'rekor.sigstore.dev', status: 'not-verified' }] });
  });

  it('reports a note that does not parse with its error, quoting no more than the engine allows', () => {
    const view = checkpointView({ where: 'tlogEntries[0]', note: `origin\n1\nAAAA\n\n— ${'x'.repeat(5000)} !!\n`, verified: false });
    expect('error' in view.parts && view.parts.error).toMatch(/^the checkpoint signature of x+… \(5000 characters\) is not valid base64$/);
    expect('error' in view.parts && view.parts.error.length).toBeLessThan(400);
  });

  it('holds no certificate for a key-based signature', async () => {
    const instance = createTestInstance();
    const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
    const artifact = new TextEncoder().encode('views\n');
    const signed = instance.signMessage(artifact, { material: 'publicKey' });
    const result = await verifyBundle({ bundle: JSON.stringify(signed.bundle), artifact: { kind: 'bytes', bytes: artifact }, policy: { kind: 'key', publicKey: signed.publicKeyPem }, trustedRoot, now: instance.now().getTime() });
    expect(result.verdict).toBe('verified');
    expect(result.views?.certificate).toBeUndefined();
    expect(result.views?.chain).toBeUndefined();
  });
});
