// `signet policy check`: would these Kyverno or policy-controller policies admit these images, or this manifest's Pods?
import { readFileSync } from 'node:fs';
import type { AdmissionRow, AdmissionStatus, NoMatchPolicy } from '../core/policy/admission/types';
import { runAdmission, type AdmissionReport } from '../image/admission/run-admission';
import { stderrColour, type Io } from './io';
import { loadTrustedRoot, TRUST_FLAGS } from './policy-flags';
import { painter, sanitize } from './print-timeline';
import { registryClientFromEnv } from './registry-client';
import { UsageError } from './usage-error';
import { EXIT, type Verb } from './verb';
import { WEAKENING_FLAGS, weakeningFlagsOf, weakeningFromArgs } from './weakening-flags';

const WORD: Record<AdmissionStatus, string> = { admit: '✔ ADMIT', deny: '✘ DENY', warn: '! WARN', 'not-evaluated': '? NOT EVALUATED', 'not-applicable': '- not applicable' };
const COLOUR: Record<AdmissionStatus, string> = { admit: '32', deny: '31', warn: '33', 'not-evaluated': '35', 'not-applicable': '90' };

/** Decisions that let the Pod run: admitted, admitted with a warning, or not decided by the policy at all. */
const ADMITTED: ReadonlySet<AdmissionStatus> = new Set(['admit', 'warn', 'not-applicable']);

export const policyCheckVerb: Verb = {
  name: 'policy',
  summary: 'policy check: would Kyverno or policy-controller admit these images or this manifest (a dry run, no cluster)',
  synopsis: 'check --policy FILE [--policy FILE…] (IMAGE… | -f MANIFEST) [flags]',
  operands: { name: 'check IMAGE', min: 1 },
  flags: [
    { name: 'policy', value: 'FILE', repeatable: true, help: 'a Kyverno ClusterPolicy/Policy or policy-controller ClusterImagePolicy (with its TrustRoots) YAML file; several documents per file' },
    { name: 'filename', short: 'f', value: 'MANIFEST', help: 'a Kubernetes manifest (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, List); - reads stdin' },
    { name: 'no-match-policy', value: 'POLICY', choices: ['deny', 'warn', 'allow'], help: "policy-controller's no-match-policy for images no ClusterImagePolicy matches (default: deny, as its config map)" },
    ...TRUST_FLAGS,
    ...WEAKENING_FLAGS,
    { name: 'json', help: 'print the full report (rows, outcomes and every image timeline) as JSON on stdout' },
  ],
  notes: [
    'Exit status: 0 when every container is admitted (a warning or a policy that does not apply still admits), 1 when any is denied or cannot be decided here, 2 on bad input.',
    'Each decision quotes the controller’s own message, then the Signet step that failed and its evidence. Fields that need the cluster (Secrets, KMS, namespaces, CUE/Rego policies) are reported as not evaluated, never guessed.',
    'Registry credentials, when needed, come from SIGNET_REGISTRY_USERNAME and SIGNET_REGISTRY_PASSWORD.',
  ],
  async run(args, io) {
    const [sub, ...images] = args.operands;
    if (sub !== 'check') throw new UsageError(`unknown subcommand ${JSON.stringify((sub ?? '').slice(0, 40))}: use "signet policy check"`);
    const policyFiles = args.list('policy');
    if (policyFiles.length === 0) throw new UsageError('give at least one --policy FILE');
    const manifestFile = args.string('filename');
    if ((manifestFile === undefined) === (images.length === 0)) throw new UsageError('give image references or -f MANIFEST (exactly one of them)');
    const report = await runAdmission({
      policies: policyFiles.map((name) => ({ name, text: readText(name, io) })),
      ...(manifestFile !== undefined ? { manifest: readText(manifestFile, io) } : { images }),
      client: registryClientFromEnv(io),
      trustedRoot: loadTrustedRoot(args),
      noMatchPolicy: (args.string('no-match-policy') ?? 'deny') as NoMatchPolicy,
      ...weakeningFromArgs(args),
      onProgress: io.stderrIsTTY ? (m) => io.stderr(`\r\u001b[2K${sanitize(m).slice(0, Math.max(20, io.columns - 1))}`) : undefined,
    });
    if (io.stderrIsTTY) io.stderr('\r\u001b[2K');
    if (args.boolean('json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    io.stderr(`${formatAdmission(report, stderrColour(io))}\n`);
    return report.containers.every((c) => ADMITTED.has(c.status)) ? EXIT.verified : EXIT.notVerified;
  },
};

// A file's text, or standard input for "-".
function readText(file: string, io: Io): string {
  return file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
}

// The report for a terminal: each container with its decision, then one line per policy with the reason and notes.
export function formatAdmission(report: AdmissionReport, colour: boolean): string {
  const paint = painter(colour);
  const lines: string[] = [];
  for (const { container, status } of report.containers) {
    lines.push(paint(COLOUR[status], `${WORD[status]}  ${sanitize(container.resource)} ${container.path} (${sanitize(container.name)}): ${sanitize(container.image)}`));
    for (const row of report.rows.filter((r) => r.container === container)) lines.push(...formatRow(row, paint));
    lines.push('');
  }
  const count = (s: AdmissionStatus) => report.containers.filter((c) => c.status === s).length;
  const parts = (['admit', 'warn', 'deny', 'not-evaluated', 'not-applicable'] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}`);
  if (report.skipped.length > 0) lines.push(paint('90', `no containers in: ${report.skipped.map(sanitize).join(', ')}`));
  lines.push(`${report.containers.length} container${report.containers.length === 1 ? '' : 's'}: ${parts.join(', ')}`);
  lines.push(paint('90', `policies: ${[...report.policies.kyverno, ...report.policies.policyController, ...report.policies.trustRoots].map(sanitize).join(', ')}${report.policies.policyController.length > 0 ? `; no-match-policy ${report.noMatchPolicy}` : ''}`));
  const waived = weakeningFlagsOf(report.verifierOptions);
  if (waived.length > 0) lines.push(paint('33', `verifier options for every image verification: ${waived.join(', ')} (each waived check is a warn step; a cluster applies only the waivers its policies name)`));
  lines.push(paint('90', `trust: ${report.trust.name} — ${report.trust.description}; ${report.timelines.length} image verification${report.timelines.length === 1 ? '' : 's'} in ${report.totalMs.toFixed(0)} ms (--json for every timeline)`));
  return lines.join('\n');
}

// One container × policy row: decision, reason, what it matched as, each authority, notes.
function formatRow(row: AdmissionRow, paint: ReturnType<typeof painter>): string[] {
  const lines = [`    ${paint(COLOUR[row.status], WORD[row.status])}  ${row.controller} ${sanitize(row.policy)}`, `        ${sanitize(row.reason)}`];
  if (row.signet) lines.push(`        Signet: ${row.signet.step} failed${row.signet.code ? ` (${row.signet.code})` : ''}: ${sanitize(row.signet.summary)}${row.signet.detail?.expected !== undefined ? ` — expected ${sanitize(row.signet.detail.expected)}, found ${sanitize(row.signet.detail.found ?? 'nothing')}` : ''}`);
  lines.push(paint('90', `        matched as ${sanitize(row.matchedAs)}${row.mutatedImage ? `; mutateDigest → ${sanitize(row.mutatedImage)}` : row.digest ? `; digest ${row.digest}` : ''}`));
  for (const o of row.outcomes) {
    lines.push(paint('90', `        ${o.status.padEnd(13)} ${sanitize(o.path)}: ${sanitize(o.message)}${o.signet ? ` [Signet ${o.signet.step}${o.signet.code ? ` ${o.signet.code}` : ''}]` : ''}`));
  }
  for (const n of [...new Set(row.notes)]) lines.push(paint('33', `        note: ${sanitize(n)}`));
  return lines;
}
