// Each built verb loads only the libraries its checks need: the admission dry run's RE2, JMESPath and YAML load with
// `signet policy`, never with the verbs that print or verify attestations.
import { describe, expect, it } from 'vitest';
import { loadedBytes } from '../../bench/cli-verbs';

const ADMISSION_ONLY = ['@jmespath-community/jmespath', 'yaml', 're2js'];

describe('the packages each built verb loads', () => {
  it('policy loads the admission libraries; verify-attestation, download and the other verbs do not', () => {
    expect(loadedBytes('policy').packages).toEqual(expect.arrayContaining(ADMISSION_ONLY));
    for (const verb of ['verify-attestation', 'download', 'verify', 'verify-bundle', 'tree', 'rekor', 'trusted-root']) {
      const { packages } = loadedBytes(verb);
      expect({ verb, admission: packages.filter((p) => ADMISSION_ONLY.includes(p)) }).toEqual({ verb, admission: [] });
    }
  }, 60_000);
});
