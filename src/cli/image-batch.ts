// Verifying images from the command line, one or many: operands and -f lists, bounded concurrency over one
// registry client, a progress bar on a terminal, cosign's output per image, a summary table and a report file.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { JsonValue } from '../core/encoding/json';
import type { VerificationPolicy } from '../core/verify/options';
import type { VerificationResult } from '../core/verify/types';
import { ENGINE_VERSION } from '../core/verify/verify-bundle';
import { verifyImages, type ImageOutcome } from '../image/verify-many';
import { imagesJsonReport, imagesMarkdownReport, summaryRow, verifiedSignatures, type ImagesReportInputs } from '../features/report/image-report';
import { cosignChecks, cosignPayload, verificationHeader } from './cosign-output';
import { readImageList } from './image-list';
import { stderrColour, type Io } from './io';
import type { ParsedArgs } from './parse-args';
import { assertClaimsChecked, loadTrustedRoot, policyFromArgs } from './policy-flags';
import { formatImageResult, sanitize } from './print-timeline';
import { WEAKENING_FLAGS, weakeningFromArgs } from './weakening-flags';
import { createProgress } from './progress-bar';
import { registryClientFromEnv } from './registry-client';
import { createRunFetch } from './registry-fetch';
import { formatSummaryTable } from './summary-table';
import { UsageError } from './usage-error';
import { EXIT, type FlagSpec } from './verb';

const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;
/** `kubectl get pods -A -o json` of a very large cluster stays well under this. */
const MAX_LIST_BYTES = 256 * 1024 * 1024;

/** The flags of every verb that verifies images. */
export const IMAGE_BATCH_FLAGS: readonly FlagSpec[] = [
  { name: 'file', short: 'f', value: 'FILE', repeatable: true, help: 'also verify the images FILE names: one reference per line, or Kubernetes objects (JSON/YAML); - reads stdin' },
  { name: 'concurrency', value: 'N', help: `verify up to N images at the same time (default ${DEFAULT_CONCURRENCY})` },
  ...WEAKENING_FLAGS,
  { name: 'report', value: 'FILE', help: 'write the report the app exports, one section per image: FILE.md (Markdown) or FILE.json' },
  {
    name: 'output',
    short: 'o',
    value: 'FORMAT',
    choices: ['json', 'text'],
    help: 'stdout as cosign prints it: json (default) a JSON array of the verified payloads per image; text one payload per line',
  },
  { name: 'json', help: 'print Signet\'s full record of each image on stdout instead (one JSON document per line)' },
];

export const IMAGE_BATCH_NOTES: readonly string[] = [
  'Every distinct image is verified once, resolved to its digest; tokens and manifests are shared between images. A tag is resolved once per run: the digest verified is named.',
  'Registry credentials, when needed, come from SIGNET_REGISTRY_USERNAME and SIGNET_REGISTRY_PASSWORD (never from the command line, where other users could read them). Loopback registries use plain HTTP.',
];

export interface ImageBatchOptions {
  predicateType?: string;
  /** stdout lines for one verified image; by default cosign verify's JSON array of payloads. */
  payloadLines?: (verified: VerificationResult[], format: 'json' | 'text') => string[];
}

// Read the flags, verify every image, print and report; exit 0 only when every image verified.
export async function runImageBatch(args: ParsedArgs, io: Io, options: ImageBatchOptions = {}): Promise<number> {
  assertClaimsChecked(args);
  const references = await imageReferences(args, io);
  const concurrency = concurrencyOf(args);
  const reportPath = args.string('report');
  if (reportPath !== undefined && !/\.(md|json)$/i.test(reportPath)) throw new UsageError(`--report ${JSON.stringify(reportPath.slice(0, 80))}: name a .md or .json file`, args.verb);
  const policy = policyFromArgs(args, options.predicateType);
  const trustedRoot = loadTrustedRoot(args);
  const weakening = weakeningFromArgs(args);
  const network = createRunFetch();
  const client = registryClientFromEnv(io, network.fetch);

  const started = Date.now();
  const progress = createProgress(io, 'verifying');
  if (references.length > 1) progress.update({ done: 0, total: references.length, failed: 0 });
  const outcomes = await verifyImages({ references, client, policy, trustedRoot, ...weakening, concurrency, ...(references.length > 1 ? { onSettled: (p) => progress.update(p) } : {}) });
  progress.clear();

  const format = args.string('output') === 'text' ? 'text' : 'json';
  const payloadLines = options.payloadLines ?? cosignVerifyLines;
  const warned = new Set<string>();
  for (const o of outcomes) {
    io.stderr(imageBlock(o, policy, io, warned, format));
    if (args.boolean('json')) io.stdout(`${JSON.stringify(o.result)}\n`);
    else for (const line of payloadLines(verifiedSignatures(o.result), format)) io.stdout(`${line}\n`);
  }
  const rows = outcomes.map(summaryRow);
  const seconds = (Date.now() - started) / 1000;
  if (outcomes.length > 1) {
    const verified = outcomes.filter((o) => o.result.verdict === 'verified').length;
    const requests = network.requests();
    io.stderr(`\n${formatSummaryTable(rows)}\n\n${outcomes.length} images: ${verified} verified, ${outcomes.length - verified} not verified; ${requests} registry requests (${(requests / outcomes.length).toFixed(1)} per image) in ${seconds.toFixed(2)} s\n`);
  }
  if (reportPath !== undefined) {
    const inputs: ImagesReportInputs = { policyLabel: describePolicy(policy), startedAt: new Date(started).toISOString(), engine: `signet ${ENGINE_VERSION}`, trust: `${trustedRoot.source.name}: ${trustedRoot.source.description}`, rows };
    writeFileSync(reportPath, reportPath.toLowerCase().endsWith('.json') ? imagesJsonReport(outcomes, inputs) : imagesMarkdownReport(outcomes, inputs));
    io.stderr(`report written to ${sanitize(reportPath)}\n`);
  }
  return outcomes.length > 0 && outcomes.every((o) => o.result.verdict === 'verified') ? EXIT.verified : EXIT.notVerified;
}

// Operands, then each -f list in order; at least one image.
async function imageReferences(args: ParsedArgs, io: Io): Promise<string[]> {
  const listed: string[] = [];
  for (const file of args.list('file')) listed.push(...(await (file === '-' ? readImageList(io.readStdin(), 'standard input') : readImageList(readListFile(file), file))));
  const references = [...args.operands, ...listed];
  if (references.length === 0) throw new UsageError('give at least one IMAGE, or -f FILE', args.verb);
  return references;
}

// A list file, refused when larger than a list of images could sensibly be; read errors are input errors (exit 2).
function readListFile(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_LIST_BYTES) throw new UsageError(`${JSON.stringify(file.slice(0, 80))} is ${size} bytes, over the limit of ${MAX_LIST_BYTES} for an image list`);
  return readFileSync(file, 'utf8');
}

// --concurrency N: a whole number from 1 to MAX_CONCURRENCY.
function concurrencyOf(args: ParsedArgs): number {
  const raw = args.string('concurrency');
  if (raw === undefined) return DEFAULT_CONCURRENCY;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_CONCURRENCY) throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${JSON.stringify(raw.slice(0, 20))}`, args.verb);
  return n;
}

// One image on stderr: new warnings, cosign's header (or the error), then Signet's timeline.
function imageBlock(o: ImageOutcome, policy: VerificationPolicy, io: Io, warned: Set<string>, format: 'json' | 'text'): string {
  const r = o.result;
  const name = r.reference ? `${r.reference}${r.digest && !r.reference.includes('@') ? ` (${r.digest})` : ''}` : (o.references[0] ?? '');
  const warnings = [...r.steps, ...r.signatures.flatMap((s) => s.result.steps)]
    .filter((s) => s.status === 'warn' && !warned.has(s.summary))
    .map((s) => {
      warned.add(s.summary);
      return `WARNING: ${sanitize(s.summary)}`;
    });
  const verified = verifiedSignatures(r);
  const head = verified.length > 0 ? verificationHeader(sanitize(r.reference ?? name), cosignChecks(verified, policy)) : `\nError: ${sanitize(name)}: not verified: ${sanitize(r.headline)}`;
  const certLines = format === 'text' ? verified.flatMap(certificateLines) : [];
  return `${[...warnings, head, ...certLines, '', formatImageResult(r, stderrColour(io))].join('\n')}\n`;
}

// cosign -o text's certificate lines on stderr.
function certificateLines(result: VerificationResult): string[] {
  const payload = cosignPayload(result) as { optional?: { Subject?: string; Issuer?: string } } | undefined;
  const optional = payload?.optional;
  return optional?.Subject === undefined ? [] : [`Certificate subject: ${sanitize(optional.Subject)}`, ...(optional.Issuer ? [`Certificate issuer URL: ${sanitize(optional.Issuer)}`] : [])];
}

// cosign verify's stdout: one JSON array of the verified payloads (json), or each payload on its own line (text).
function cosignVerifyLines(verified: VerificationResult[], format: 'json' | 'text'): string[] {
  const payloads = verified.map(cosignPayload).filter((p): p is JsonValue => p !== undefined);
  if (payloads.length === 0) return [];
  return format === 'json' ? [JSON.stringify(payloads)] : payloads.map((p) => JSON.stringify(p));
}

// The policy in words, for the report.
export function describePolicy(policy: VerificationPolicy): string {
  const type = policy.predicateType ? `, predicate type ${policy.predicateType}` : '';
  if (policy.kind === 'key') return `signed by the given public key${type}`;
  if (policy.kind === 'inspect') return `inspect only: no signer required${type}`;
  const m = (v: { exact?: string; regexp?: string }) => (v.exact !== undefined ? v.exact : `/${v.regexp}/`);
  const claims = Object.entries(policy.identity.claims ?? {}).map(([k, v]) => `, ${k} ${v}`).join('');
  return `identity ${m(policy.identity.identity)}, issuer ${m(policy.identity.issuer)}${claims}${type}`;
}
