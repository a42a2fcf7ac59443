import { test } from 'vitest';
import { readdirSync } from 'node:fs';
import { CONFORMANCE, loadLogCase, materialOf } from './conformance';
import { findTransparencyLog, parseRekorBody, verifyTlogBody, verifySignedEntryTimestamp, verifyInclusionProof, verifyCheckpoint, verifyIntegratedTime } from '../../../src/core/tlog';

test('probe', async () => {
  for (const name of readdirSync(`${CONFORMANCE}/bundle-verify`)) {
    if (name.endsWith('.md') || name.endsWith('.txt') || name === 'bundle-malformed-json_fail') continue;
    const out: string[] = [];
    try {
      const { bundle, entry, tlogs, content } = loadLogCase(name);
      const step = async (label: string, fn: () => unknown) => {
        try { await fn(); out.push(`${label}:ok`); } catch (e: any) { out.push(`${label}:${e.code ?? e.message}`); }
      };
      let log: any;
      await step('log', () => (log = findTransparencyLog(tlogs, entry)));
      await step('body', async () => verifyTlogBody(parseRekorBody(entry), content, materialOf(bundle, name)));
      if (log) {
        await step('set', () => verifySignedEntryTimestamp(entry, log));
        await step('time', () => verifyIntegratedTime(entry, log, Date.now()));
        await step('cp', () => entry.inclusionProof ? verifyCheckpoint(entry.inclusionProof, log) : Promise.reject(new Error('noproof')));
      }
      await step('merkle', () => verifyInclusionProof(entry));
    } catch (e: any) { out.push('LOAD ' + e.message); }
    console.log(name.padEnd(60), out.join(' '));
  }
});
