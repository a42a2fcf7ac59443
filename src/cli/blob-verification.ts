// What `verify-blob` and `verify-blob-attestation` share: reading the blob (or its digest) and the signature
// material, verifying offline, and printing as cosign does ("Verified OK" on stderr) followed by the timeline.
import { existsSync, readFileSync } from 'node:fs';
import type { HashAlg } from '../core/crypto';
import { fromHex } from '../core/encoding';
import { verifyBundle, type ArtifactInput, type VerificationResult } from '../core/verify';
import { stderrColour, type Io } from './io';
import type { ParsedArgs } from './parse-args';
import { assertClaimsChecked, loadTrustedRoot, policyFromArgs } from './policy-flags';
import { formatTimeline, sanitize } from './print-timeline';
import { UsageError } from './usage-error';
import { WEAKENING_FLAGS, weakeningFromArgs } from './weakening-flags';
import { EXIT, type FlagSpec } from './verb';

const DIGEST_ALGORITHMS: Record<string, { alg: HashAlg; hexLength: number }> = {
  sha256: { alg: 'SHA-256', hexLength: 64 },
  sha384: { alg: 'SHA-384', hexLength: 96 },
  sha512: { alg: 'SHA-512', hexLength: 128 },
};

/** Flags both blob verbs take. */
export const BLOB_FLAGS: readonly FlagSpec[] = [
  { name: 'bundle', value: 'FILE', help: 'the Sigstore bundle for the blob (or the file cosign sign-blob --bundle wrote)' },
  { name: 'new-bundle-format', help: 'accepted for cosign: Signet reads both the Sigstore bundle and the older cosign bundle' },
  { name: 'json', help: 'print the full verification record (JSON) on stdout' },
  ...WEAKENING_FLAGS,
];

export interface BlobRequest {
  artifact: ArtifactInput;
  /** The signature material as JSON text, in any form the engine reads. */
  bundle: string;
  /** The bundle came from detached parts (--signature/--certificate), which carry no log entry. */
  detached: boolean;
}

// The blob operand (a file, or - for standard input) as bytes, or --digest/--digestAlg when given instead.
export function readBlob(args: ParsedArgs, io: Io, digestFlags: boolean): ArtifactInput {
  const digest = digestFlags ? args.string('digest') : undefined;
  const blob = args.operands[0];
  if (digest !== undefined) {
    if (blob !== undefined) throw new UsageError('give the blob or --digest, not both', args.verb);
    const algName = (args.string('digestAlg') ?? 'sha256').toLowerCase();
    const spec = DIGEST_ALGORITHMS[algName];
    if (!spec) throw new UsageError(`--digestAlg must be one of ${Object.keys(DIGEST_ALGORITHMS).join(', ')}`, args.verb);
    if (!new RegExp(`^[0-9a-fA-F]{${spec.hexLength}}$`).test(digest)) throw new UsageError(`--digest must be ${spec.hexLength} hex digits for ${algName}`, args.verb);
    return { kind: 'digest', algorithm: spec.alg, value: fromHex(digest, '--digest') };
  }
  if (blob === undefined) throw new UsageError(digestFlags ? 'missing BLOB (a file, - for standard input, or --digest HEX)' : 'missing BLOB (a file, or - for standard input)', args.verb);
  return { kind: 'bytes', bytes: blob === '-' ? io.readStdinBytes() : new Uint8Array(readFileSync(blob)) };
}

// Verify and print: warnings, cosign's "Verified OK" (or the error), then the timeline; exit 0 only when verified.
export async function runBlobVerification(args: ParsedArgs, io: Io, request: BlobRequest, predicateType?: string): Promise<number> {
  assertClaimsChecked(args);
  const policy = policyFromArgs(args, predicateType);
  const result = await verifyBundle({ bundle: request.bundle, artifact: request.artifact, policy, trustedRoot: loadTrustedRoot(args), ...weakeningFromArgs(args) });
  if (args.boolean('json')) io.stdout(`${JSON.stringify(result)}\n`);
  io.stderr(`${blobReport(result, request.detached, io)}\n`);
  return result.verdict === 'verified' ? EXIT.verified : EXIT.notVerified;
}

// The stderr text of one blob verification.
function blobReport(result: VerificationResult, detached: boolean, io: Io): string {
  const warnings = result.steps.filter((s) => s.status === 'warn').map((s) => `WARNING: ${sanitize(s.summary)}`);
  const noEntry = detached && result.steps.some((s) => s.code === 'TLOG_ENTRY_MISSING');
  const verdict = result.verdict === 'verified' ? 'Verified OK' : `Error: not verified: ${sanitize(result.headline)}`;
  const hint = noEntry
    ? ['A detached signature carries no transparency-log entry, and Signet never looks entries up online: give the bundle that cosign sign-blob --bundle (or cosign v3) wrote.']
    : [];
  return [...warnings, verdict, ...hint, '', formatTimeline(result, stderrColour(io))].join('\n');
}

// A --signature value: the file's text when it names a file, else the value itself (cosign accepts both).
export function signatureText(value: string): string {
  return (existsSync(value) ? readFileSync(value, 'utf8') : value).trim();
}
