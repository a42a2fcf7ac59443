// `signet` start-up: process start → verdict on the production bundle with the built command, against a cold
// @sigstore/verify script on the same bundle and against `node -e 0`, interleaved in one run. Part of `npm run bench`;
// on its own: `node --import tsx bench/cold-start.ts` (BENCH_COLD_N rounds, default 30).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { fmt, summarise, type Sample } from './stats';

const FIXTURE = '../shared/fixtures/dockerhub-buildkittest';
const DIGEST = 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';
const ISSUER = 'https://accounts.google.com';

/** One command's runs: median and spread, and the fastest run (the least disturbed by other load). */
export interface ColdSample extends Sample {
  min: number;
}

export interface ColdStart {
  signet: ColdSample;
  reference: ColdSample;
  nodeFloor: ColdSample;
  /** signet / reference, medians (goal ≤ 0.8) */
  ratio: number;
  /** signet − node -e 0, medians, ms (goal ≤ 150) */
  overFloorMs: number;
  /** The same two figures over the fastest runs. */
  ratioOfMins: number;
  overFloorOfMinsMs: number;
}

// Wall time of one process run, in ms; throws unless it exits 0.
export function timeProcess(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  return ms;
}

// Build the command as `npm install` does, then time the three processes in turn, n rounds.
export function benchColdStart(n: number): ColdStart {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  const bundlePath = `${FIXTURE}/bundle.sigstore.json`;
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { verificationMaterial: { certificate: { rawBytes: string } } };
  const san = new X509Certificate(Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64')).subjectAltName!.replace(/^email:/, '');
  const signetArgs = ['bin/signet.mjs', 'verify-bundle', '--bundle', bundlePath, '--certificate-identity', san, '--certificate-oidc-issuer', ISSUER, DIGEST];
  const referenceArgs = ['bench/reference-cold-verify.mjs', bundlePath, san, ISSUER, DIGEST];
  const floorArgs = ['-e', '0'];
  const runs = { signet: [] as number[], reference: [] as number[], nodeFloor: [] as number[] };
  for (let i = 0; i < 3; i++) [signetArgs, referenceArgs, floorArgs].forEach(timeProcess);
  for (let i = 0; i < n; i++) {
    runs.signet.push(timeProcess(signetArgs));
    runs.reference.push(timeProcess(referenceArgs));
    runs.nodeFloor.push(timeProcess(floorArgs));
  }
  const [signet, reference, nodeFloor] = [runs.signet, runs.reference, runs.nodeFloor].map((ms) => ({ ...summarise(ms), min: Math.min(...ms) }));
  return {
    signet: signet!,
    reference: reference!,
    nodeFloor: nodeFloor!,
    ratio: signet!.median / reference!.median,
    overFloorMs: signet!.median - nodeFloor!.median,
    ratioOfMins: signet!.min / reference!.min,
    overFloorOfMinsMs: signet!.min - nodeFloor!.min,
  };
}

// The section's lines, as `npm run bench` prints them.
export function formatColdStart(cold: ColdStart): string {
  const line = (name: string, s: ColdSample) => `  ${name} ${fmt(s)}, min ${s.min.toFixed(1)} ms\n`;
  return (
    line('signet verify-bundle', cold.signet) +
    line('cold @sigstore/verify script', cold.reference) +
    line('node -e 0', cold.nodeFloor) +
    `  medians: signet / reference ×${cold.ratio.toFixed(2)} (goal ≤ 0.80); signet − node -e 0 = ${cold.overFloorMs.toFixed(0)} ms (goal ≤ 150)\n` +
    `  fastest runs: signet / reference ×${cold.ratioOfMins.toFixed(2)}; signet − node -e 0 = ${cold.overFloorOfMinsMs.toFixed(0)} ms\n`
  );
}

// The section's heading line.
export function coldStartHeading(n: number): string {
  return `signet start-up: process start → verdict on the production bundle (built command), ${n} interleaved rounds\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.env.BENCH_COLD_N ?? 30);
  process.stdout.write(coldStartHeading(n));
  process.stdout.write(formatColdStart(benchColdStart(n)));
}
