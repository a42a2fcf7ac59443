// `signet verify-blob-attestation BLOB`: an in-toto attestation about a file, as `cosign verify-blob-attestation`
// checks it: the bundle's DSSE signature, its subject naming the file's digest, and its predicate type (--type).
import { readFileSync } from 'node:fs';
import { PREDICATE_TYPE_ALIASES, resolvePredicateType } from '../core/attest/predicate-types';
import { BLOB_FLAGS, readBlob, runBlobVerification } from './blob-verification';
import { CHECK_CLAIMS_FLAG, POLICY_FLAGS, TRUST_FLAGS } from './policy-flags';
import { UsageError } from './usage-error';
import type { Verb } from './verb';

export const verifyBlobAttestationVerb: Verb = {
  name: 'verify-blob-attestation',
  summary: 'verify an attestation about a file, as cosign verify-blob-attestation does',
  synopsis: '(BLOB | --digest HEX) --bundle FILE [--type TYPE] (--certificate-identity ID --certificate-oidc-issuer URL | --key FILE) [flags]',
  operands: { name: 'BLOB', min: 0, max: 1 },
  flags: [
    ...BLOB_FLAGS,
    { name: 'type', value: 'TYPE', help: `the predicate type: a URI, or one of cosign's names (${Object.keys(PREDICATE_TYPE_ALIASES).join(', ')}); default custom` },
    { name: 'digest', value: 'HEX', help: 'the digest the statement\'s subject must name, instead of giving the blob' },
    { name: 'digestAlg', value: 'ALG', help: 'the algorithm of --digest: sha256 (default), sha384 or sha512' },
    {
      name: 'signature',
      value: 'FILE',
      help: 'not supported: a bare DSSE envelope carries no log entry; give --bundle',
      refuse: () => 'a bare DSSE envelope carries no transparency-log entry and Signet never looks entries up online; give the bundle (--bundle)',
    },
    ...POLICY_FLAGS,
    ...TRUST_FLAGS,
    CHECK_CLAIMS_FLAG,
  ],
  notes: ['stderr: "Verified OK" as cosign says it (or the error), then the step timeline. stdout: nothing, or the record with --json. BLOB may be - for standard input.'],
  async run(args, io) {
    const bundlePath = args.string('bundle');
    if (bundlePath === undefined) throw new UsageError('--bundle FILE is required', this);
    const predicateType = resolvePredicateType(args.string('type')).uri;
    const artifact = readBlob(args, io, true);
    return runBlobVerification(args, io, { artifact, bundle: readFileSync(bundlePath, 'utf8'), detached: false }, predicateType);
  },
};
