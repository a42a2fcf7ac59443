// `signet` start-up: process start → verdict on the production bundle with the built command, against a cold
// @sigstore/verify script on the same bundle and against `node -e 0`, interleaved in one run.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { summarise, type Sample } from './stats';

const FIXTURE = '../shared/fixtures/dockerhub-buildkittest';
const DIGEST = 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';
const ISSUER = 'https://accounts.google.com';

export interface ColdStart {
  signet: Sample;
  reference: Sample;
  nodeFloor: Sample;
  /** signet / reference (goal ≤ 0.8) */
  ratio: number;
  /** signet − node -e 0, ms (goal ≤ 150) */
  overFloorMs: number;
}

// Wall time of one process run, in ms; throws unless it exits 0.
function timeProcess(args: string[]): number {
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
  const signet = summarise(runs.signet);
  const reference = summarise(runs.reference);
  const nodeFloor = summarise(runs.nodeFloor);
  return { signet, reference, nodeFloor, ratio: signet.median / reference.median, overFloorMs: signet.median - nodeFloor.median };
}
