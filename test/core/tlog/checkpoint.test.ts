import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCheckpoint, verifyCheckpoint } from '../../../src/core/tlog';
import { VerifyError } from '../../../src/core/errors';
import { fromBase64, toBase64 } from '../../../src/core/encoding';
import type { InclusionProof } from '../../../src/core/bundle/types';
import { loadLogCase } from './conformance';
import { rejectionCode } from '../../support/error-code';
import { findTransparencyLog } from '../../../src/core/tlog';
import { createHash, generateKeyPairSync, sign as edSign } from 'node:crypto';
import { parsePublicKey } from '../../../src/core/crypto';
import type { TransparencyLogInstance } from '../../../src/core/trust/types';

// The inclusion proof and the log it claims to come from, for one conformance case.
function caseProof(name: string) {
  const { entry, tlogs } = loadLogCase(name);
  return { proof: entry.inclusionProof!, log: findTransparencyLog(tlogs, entry) };
}

describe('parseCheckpoint', () => {
  it('reads a Rekor v1 checkpoint with an extension line', () => {
    const { proof } = caseProof('happy-path-v0.1');
    const cp = parseCheckpoint(proof.checkpoint);
    expect(cp.origin).toBe('rekor.sigstore.dev - 2605736670972794746');
    expect(cp.size).toBe(23083062);
    expect(toBase64(cp.rootHash)).toBe('dauhleYK4YyAdxwwDtR0l0KnSOWZdG2bwqHftlanvcI=');
    expect(cp.extensions).toEqual(['Timestamp: 1689177396617352539']);
    expect(cp.signatures).toHaveLength(1);
    expect(cp.signatures[0]!.name).toBe('rekor.sigstore.dev');
    expect(cp.signatures[0]!.keyHint).toBe('c0d23d6a');
    expect(cp.note).toBe(proof.checkpoint.slice(0, proof.checkpoint.indexOf('\n\n') + 1));
    expect(cp.note.endsWith('1689177396617352539\n')).toBe(true);
  });

  it('reads a cosigned Rekor v2 checkpoint with four signature lines', () => {
    const cp = parseCheckpoint(caseProof('rekor2-dsse-happy-path').proof.checkpoint);
    expect(cp.origin).toBe('log2025-alpha3.rekor.sigstage.dev');
    expect(cp.signatures.map((s) => s.name)).toEqual([
      'log2025-alpha3.rekor.sigstage.dev',
      'witness.stagemole.eu',
      'staging.witness.transparency.goog/ring-any-bells',
      'witness.navigli.sunlight.geomys.org',
    ]);
    expect(cp.signatures[0]!.signature).toHaveLength(64);
    expect(cp.signatures[1]!.signature).toHaveLength(72); // timestamped cosignature: 8-byte time + Ed25519
  });

  it.each(['rekor2-checkpoint-missing-origin_fail', 'rekor2-checkpoint-missing-root-hash_fail', 'rekor2-checkpoint-missing-size_fail'])(
    'rejects %s as malformed',
    async (name) => {
      expect(await rejectionCode(() => parseCheckpoint(caseProof(name).proof.checkpoint))).toBe('CHECKPOINT_MALFORMED');
    },
  );

  const good = 'log.example\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— log.example AAAAAQID\n';
  it('accepts a minimal well-formed note and a note with no signature lines', () => {
    expect(parseCheckpoint(good).signatures).toEqual([{ name: 'log.example', keyHint: '00000001', signature: Uint8Array.of(2, 3) }]);
    expect(parseCheckpoint('log.example\n5\nAAAA\n\n').signatures).toEqual([]);
  });

  it.each([
    ['no blank line', 'log.example\n5\nAAAA\n— log.example AAAAAQID\n'],
    ['empty origin', '\n5\nAAAA\n\n— log.example AAAAAQID\n'],
    ['negative size', 'log.example\n-5\nAAAA\n\n'],
    ['size with leading zero', 'log.example\n05\nAAAA\n\n'],
    ['size past 2^53', 'log.example\n90071992547409930\nAAAA\n\n'],
    ['hex size', 'log.example\n0x5\nAAAA\n\n'],
    ['root not base64', 'log.example\n5\nAA*A\n\n'],
    ['root with bad padding', 'log.example\n5\nAAA==\n\n'],
    ['url-safe root', 'log.example\n5\nAA-_\n\n'],
    ['unpadded signature', 'log.example\n5\nAAAA\n\n— log.example AAAAAQI\n'],
    ['CRLF line ends', 'log.example\r\n5\r\nAAAA\r\n\r\n'],
    ['no final newline', 'log.example\n5\nAAAA\n\n— log.example AAAAAQID'],
    ['hyphen instead of em dash', 'log.example\n5\nAAAA\n\n- log.example AAAAAQID\n'],
    ['signature without a name', 'log.example\n5\nAAAA\n\n—  AAAAAQID\n'],
    ['signature too short for a hint', 'log.example\n5\nAAAA\n\n— log.example AAAAAQ==\n'],
    ['signature not base64', 'log.example\n5\nAAAA\n\n— log.example AAA%AQID\n'],
    ['blank line among signatures', 'log.example\n5\nAAAA\n\n\n— log.example AAAAAQID\n'],
    ['too many signatures', `log.example\n5\nAAAA\n\n${'— w AAAAAQID\n'.repeat(33)}`],
    ['too large', `log.example\n5\nAAAA\n${'x\n'.repeat(40000)}\n`],
  ])('rejects a note with %s', async (_, text) => {
    expect(await rejectionCode(() => parseCheckpoint(text))).toBe('CHECKPOINT_MALFORMED');
  });
});

describe('verifyCheckpoint on notes signed in the test', () => {
  // A log with an Ed25519 note key; its ID is the C2SP key ID SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key).
  const name = 'log.example';
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const raw = spki.subarray(12);
  const keyId = new Uint8Array(createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.of(1), raw])).digest());
  const log: TransparencyLogInstance = {
    baseUrl: `https://${name}`,
    hashAlgorithm: 'SHA-256',
    publicKey: parsePublicKey(spki),
    keyDetails: 'PKIX_ED25519',
    validFor: {},
    logId: keyId,
    where: 'tlogs[0]',
  };
  const root = new Uint8Array(32).fill(7);
  const sign = (origin: string, size = 10, hash = root) => {
    const note = `${origin}\n${size}\n${toBase64(hash)}\n`;
    const sig = new Uint8Array(edSign(null, Buffer.from(note), privateKey));
    return `${note}\n— ${name} ${toBase64(new Uint8Array([...keyId.subarray(0, 4), ...sig]))}\n`;
  };
  const proof = (checkpoint: string): InclusionProof => ({ logIndex: 3, rootHash: root, treeSize: 10, hashes: [], checkpoint });

  it('accepts the log host as origin, and "host - tree ID" as Rekor v1 shards write it', async () => {
    await expect(verifyCheckpoint(proof(sign(name)), log)).resolves.toBeDefined();
    await expect(verifyCheckpoint(proof(sign(`${name} - 1193050959916656506`)), log)).resolves.toBeDefined();
  });

  it.each([['other.example'], [`${name}.evil`], [`${name} - abc`], [`${name} -`], [`x${name}`]])('rejects origin %s', async (origin) => {
    expect(await rejectionCode(() => verifyCheckpoint(proof(sign(origin)), log))).toBe('CHECKPOINT_ORIGIN_MISMATCH');
  });

  it('rejects another root hash or tree size than the proof', async () => {
    expect(await rejectionCode(() => verifyCheckpoint(proof(sign(name, 10, new Uint8Array(32))), log))).toBe('CHECKPOINT_ROOT_MISMATCH');
    expect(await rejectionCode(() => verifyCheckpoint(proof(sign(name, 11)), log))).toBe('CHECKPOINT_SIZE_MISMATCH');
  });

  it('uses checkpointKeyId for the key hint when the trusted root gives one', async () => {
    const other = { ...log, logId: new Uint8Array(32), checkpointKeyId: keyId };
    await expect(verifyCheckpoint(proof(sign(name)), other)).resolves.toBeDefined();
    expect(await rejectionCode(() => verifyCheckpoint(proof(sign(name)), { ...log, logId: new Uint8Array(32) }))).toBe('CHECKPOINT_NO_KNOWN_SIGNATURE');
  });
});

describe('verifyCheckpoint on conformance data', () => {
  it.each([
    'happy-path-v0.1',
    'happy-path-v0.3',
    'happy-path-intoto-in-dsse-v3',
    'intoto-with-custom-trust-root',
    'managed-key-happy-path',
    'bundle-with-sct-with-extensions',
    'rekor2-happy-path',
    'rekor2-dsse-happy-path',
    'rekor2-checkpoint-cosigned',
    'rekor2-checkpoint-multiple-cosigs',
    'rekor2-checkpoint-origin-not-first',
    'rekor2-checkpoint-two-sigs-cosigned',
    'rekor2-checkpoint-two-sigs-from-origin',
  ])('accepts %s', async (name) => {
    const { proof, log } = caseProof(name);
    const evidence = await verifyCheckpoint(proof, log);
    expect(evidence).toContainEqual({ kind: 'text', label: 'Tree size', value: String(proof.treeSize) });
  });

  it('names the ignored witness lines', async () => {
    const { proof, log } = caseProof('rekor2-checkpoint-two-sigs-cosigned');
    const evidence = await verifyCheckpoint(proof, log);
    expect(evidence).toContainEqual({
      kind: 'text',
      label: 'Other signatures (not checked)',
      value: 'log2025-alpha1.rekor.sigstage.dev 9a2c6355, witness.example 3bc3c7e4',
    });
  });

  it.each([
    ['checkpoint-bad-keyhint_fail', 'CHECKPOINT_NO_KNOWN_SIGNATURE'],
    ['checkpoint-wrong-roothash_fail', 'CHECKPOINT_ROOT_MISMATCH'],
    ['invalid-checkpoint-signature_fail', 'CHECKPOINT_SIGNATURE_INVALID'],
    ['invalid-inclusion-proof_fail', 'CHECKPOINT_MISSING'],
    ['rekor2-checkpoint-missing-log-signature_fail', 'CHECKPOINT_NO_KNOWN_SIGNATURE'],
    ['rekor2-checkpoint-missing-origin_fail', 'CHECKPOINT_MALFORMED'],
    ['rekor2-checkpoint-missing-root-hash_fail', 'CHECKPOINT_MALFORMED'],
    ['rekor2-checkpoint-missing-size_fail', 'CHECKPOINT_MALFORMED'],
    ['rekor2-checkpoint-no-matching-signature_fail', 'CHECKPOINT_NO_KNOWN_SIGNATURE'],
  ])('rejects %s with %s', async (name, code) => {
    const { proof, log } = caseProof(name);
    expect(await rejectionCode(() => verifyCheckpoint(proof, log))).toBe(code);
  });

  it('rejects a checkpoint whose origin names another signer than its signature line', async () => {
    const { proof, log } = caseProof('happy-path-v0.1');
    const moved = proof.checkpoint.replace('rekor.sigstore.dev - 2605736670972794746', 'rekor.example.dev - 1');
    expect(await rejectionCode(() => verifyCheckpoint({ ...proof, checkpoint: moved }, log))).toBe('CHECKPOINT_NO_KNOWN_SIGNATURE');
  });

  it('rejects a checkpoint moved to another origin and signer name under the log key hint', async () => {
    // Origin and signer renamed together, key hint kept: the log's signature no longer covers the note.
    const { proof, log } = caseProof('happy-path-v0.1');
    const moved = proof.checkpoint.replace('rekor.sigstore.dev - 2605736670972794746', 'rekor.example.dev - 1').replace('— rekor.sigstore.dev ', '— rekor.example.dev ');
    expect(await rejectionCode(() => verifyCheckpoint({ ...proof, checkpoint: moved }, log))).toBe('CHECKPOINT_SIGNATURE_INVALID');
  });

  it('compares size after root: a proof for another tree size fails', async () => {
    const { proof, log } = caseProof('happy-path-v0.1');
    expect(await rejectionCode(() => verifyCheckpoint({ ...proof, treeSize: proof.treeSize + 1 }, log))).toBe('CHECKPOINT_SIZE_MISMATCH');
  });

  it('fails on a flipped bit in the log signature and on a flipped key hint', async () => {
    for (const name of ['happy-path-v0.3', 'rekor2-happy-path']) {
      const { proof, log } = caseProof(name);
      const line = proof.checkpoint.split('\n').find((l) => l.startsWith('—'))!;
      const b64 = line.split(' ')[2]!;
      const blob = fromBase64(b64);
      const sigFlip = blob.slice();
      sigFlip[blob.length - 5]! ^= 0x01;
      const hintFlip = blob.slice();
      hintFlip[0]! ^= 0x01;
      const withBlob = (b: Uint8Array): InclusionProof => ({ ...proof, checkpoint: proof.checkpoint.replace(b64, toBase64(b)) });
      expect(await rejectionCode(() => verifyCheckpoint(withBlob(sigFlip), log))).toBe('CHECKPOINT_SIGNATURE_INVALID');
      expect(await rejectionCode(() => verifyCheckpoint(withBlob(hintFlip), log))).toBe('CHECKPOINT_NO_KNOWN_SIGNATURE');
    }
  });

  it('rejects a second line with the log name and hint that does not verify', async () => {
    const { proof, log } = caseProof('rekor2-happy-path');
    const line = proof.checkpoint.split('\n').find((l) => l.startsWith('—'))!;
    const blob = fromBase64(line.split(' ')[2]!);
    blob[10]! ^= 0xff;
    const forged = `${proof.checkpoint}— ${line.split(' ')[1]} ${toBase64(blob)}\n`;
    expect(await rejectionCode(() => verifyCheckpoint({ ...proof, checkpoint: forged }, log))).toBe('CHECKPOINT_SIGNATURE_INVALID');
  });

  it('never verifies a mutated checkpoint and only ever throws VerifyError', async () => {
    const cases = ['happy-path-v0.1', 'rekor2-happy-path'].map(caseProof);
    const mutation = fc.record({
      which: fc.integer({ min: 0, max: cases.length - 1 }),
      at: fc.nat(),
      op: fc.constantFrom('replace', 'insert', 'delete'),
      text: fc.oneof(fc.constantFrom('\n', '—', ' ', '=', '0', 'A', '+', '\u0000'), fc.string({ minLength: 1, maxLength: 3 })),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ which, at, op, text }) => {
        const { proof, log } = cases[which]!;
        const original = proof.checkpoint;
        const i = at % (original.length + (op === 'insert' ? 1 : 0));
        const mutated =
          op === 'insert'
            ? original.slice(0, i) + text + original.slice(i)
            : original.slice(0, i) + (op === 'replace' ? text : '') + original.slice(i + 1);
        fc.pre(mutated !== original);
        try {
          await verifyCheckpoint({ ...proof, checkpoint: mutated }, log);
          return false;
        } catch (err) {
          return err instanceof VerifyError;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
