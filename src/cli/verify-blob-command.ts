// `signet verify-blob BLOB`: a file's signature, as `cosign verify-blob` checks it: from a bundle, or from a
// detached --signature with its --certificate (or --key).
import { readFileSync } from 'node:fs';
import { BLOB_FLAGS, readBlob, runBlobVerification, signatureText } from './blob-verification';
import { POLICY_FLAGS, TRUST_FLAGS } from './policy-flags';
import { UsageError } from './usage-error';
import type { Verb } from './verb';

export const verifyBlobVerb: Verb = {
  name: 'verify-blob',
  summary: 'verify a file\'s signature, as cosign verify-blob does',
  synopsis: 'BLOB (--bundle FILE | --signature SIG [--certificate FILE]) (--certificate-identity ID --certificate-oidc-issuer URL | --key FILE) [flags]',
  operands: { name: 'BLOB', min: 1, max: 1 },
  flags: [
    ...BLOB_FLAGS,
    { name: 'signature', value: 'SIG', help: 'a detached signature: a file, or the base64 signature itself (with --certificate, or --key)' },
    { name: 'certificate', value: 'FILE', help: 'the signing certificate for --signature (PEM, or base64 of PEM as cosign writes it)' },
    ...POLICY_FLAGS,
    ...TRUST_FLAGS,
  ],
  notes: [
    'stderr: "Verified OK" as cosign says it (or the error), then the step timeline. stdout: nothing, or the record with --json.',
    'BLOB may be - for standard input. A detached signature has no transparency-log entry, so it verifies only once the log check can be met some other way.',
  ],
  async run(args, io) {
    const bundlePath = args.string('bundle');
    const signature = args.string('signature');
    const certificate = args.string('certificate');
    if (bundlePath !== undefined && (signature !== undefined || certificate !== undefined)) throw new UsageError('give --bundle, or --signature (with --certificate or --key), not both', this);
    if (bundlePath === undefined && signature === undefined) throw new UsageError('give --bundle FILE, or --signature SIG with --certificate FILE or --key FILE', this);
    if (certificate !== undefined && signature === undefined) throw new UsageError('--certificate needs --signature', this);
    const artifact = readBlob(args, io, false);
    if (bundlePath !== undefined) return runBlobVerification(args, io, { artifact, bundle: readFileSync(bundlePath, 'utf8'), detached: false });
    // Detached parts become the sign-blob bundle form the engine reads (cosign LocalSignedPayload without its log entry).
    const parts = { base64Signature: signatureText(signature!), ...(certificate !== undefined ? { cert: readFileSync(certificate, 'utf8').trim() } : {}) };
    return runBlobVerification(args, io, { artifact, bundle: JSON.stringify(parts), detached: true });
  },
};
