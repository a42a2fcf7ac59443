import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { findTransparencyLog, logName } from '../../../src/core/tlog';
import { toHex } from '../../../src/core/encoding';
import { loadCase, loadLogCase, toTlogs } from './conformance';
import { rejectionCode } from '../../support/error-code';

describe('findTransparencyLog', () => {
  it('finds the production Rekor v1 log by the SHA-256 of its key', () => {
    const { entry, tlogs } = loadLogCase('happy-path-v0.3');
    const log = findTransparencyLog(tlogs, entry);
    expect(log.baseUrl).toBe('https://rekor.sigstore.dev');
    expect(toHex(log.logId)).toBe(createHash('sha256').update(log.publicKey.spki).digest('hex'));
  });

  it('finds a Rekor v2 log, whose ID is the signed-note key ID of its name and Ed25519 key', () => {
    const { entry, tlogs } = loadLogCase('rekor2-happy-path');
    const log = findTransparencyLog(tlogs, entry);
    expect(log.baseUrl).toBe('https://log2025-alpha1.rekor.sigstage.dev');
    const raw = log.publicKey.kind === 'ed25519' ? log.publicKey.raw : new Uint8Array();
    const noteKeyId = createHash('sha256').update(Buffer.concat([Buffer.from(`${logName(log)}\n`), Buffer.of(1), raw])).digest('hex');
    expect(toHex(log.logId)).toBe(noteKeyId);
  });

  it('holds the same relation for the production log2025-1 instance', () => {
    const production = toTlogs(loadCase('happy-path-v0.3').root).find((l) => l.baseUrl === 'https://log2025-1.rekor.sigstore.dev')!;
    expect(logName(production)).toBe('log2025-1.rekor.sigstore.dev');
    const raw = production.publicKey.kind === 'ed25519' ? production.publicKey.raw : new Uint8Array();
    expect(toHex(production.logId)).toBe(
      createHash('sha256').update(Buffer.concat([Buffer.from('log2025-1.rekor.sigstore.dev\n'), Buffer.of(1), raw])).digest('hex'),
    );
  });

  it('rejects an entry from a log the root does not trust (bundle-from-wrong-instance_fail)', async () => {
    const { entry, tlogs } = loadLogCase('bundle-from-wrong-instance_fail');
    expect(await rejectionCode(() => findTransparencyLog(tlogs, entry))).toBe('TLOG_LOG_UNKNOWN');
    expect(await rejectionCode(() => findTransparencyLog([], entry))).toBe('TLOG_LOG_UNKNOWN');
  });

  it('matches on checkpointKeyId, and prefers the instance valid at the integrated time', () => {
    const { entry, tlogs } = loadLogCase('happy-path-v0.3');
    const base = findTransparencyLog(tlogs, entry);
    const viaCheckpointId = { ...base, logId: new Uint8Array(32), checkpointKeyId: entry.logId, where: 'alt' };
    expect(findTransparencyLog([viaCheckpointId], entry).where).toBe('alt');
    const at = entry.integratedTime! * 1000;
    const expired = { ...base, validFor: { start: 0, end: at - 1 }, where: 'old' };
    const current = { ...base, validFor: { start: at }, where: 'new' };
    expect(findTransparencyLog([expired, current], entry).where).toBe('new');
    expect(findTransparencyLog([expired], entry).where).toBe('old');
  });

  it('derives the log name from the base URL', () => {
    const log = toTlogs(loadCase('intoto-with-custom-trust-root').root)[0]!;
    expect(logName(log)).toBe('localhost:8000');
    expect(logName({ ...log, baseUrl: 'rekor.example/api' })).toBe('rekor.example');
  });
});
