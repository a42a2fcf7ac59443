// One corpus case through the `signet` CLI, spawned as a user would run it.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadSignatureLine } from '../../test/support/sigstore/cosign-legacy.ts';
import type { CorpusCase, Judgement } from './cases.ts';

const BIN = fileURLToPath(new URL('../../bin/signet.mjs', import.meta.url));

// The `verify-bundle` command line for a case; legacy cosign layers become the `cosign download signature`
// line a user would paste (written to a file in scratch).
export function cliArgs(c: CorpusCase, root: string, scratch: string): string[] {
  const at = (p: string) => join(root, p);
  let bundle: string;
  if (c.format === 'cosign-oci-layer') {
    const annotations = JSON.parse(readFileSync(at(c.annotations!), 'utf8')) as Record<string, string>;
    bundle = join(scratch, `${c.name.replace(/[^A-Za-z0-9._-]+/g, '_')}.download.json`);
    const layer = { mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', payload: new Uint8Array(readFileSync(at(c.payload!))), annotations };
    writeFileSync(bundle, `${downloadSignatureLine({ layer })}\n`);
  } else {
    bundle = at(c.bundle!);
  }
  const who = c.key
    ? ['--key', at(c.key)]
    : ['--certificate-identity', c.identity!, ...(c.issuer === null ? ['--certificate-oidc-issuer-regexp', '.*'] : ['--certificate-oidc-issuer', c.issuer])];
  const t = c.thresholds;
  const thresholds = t ? ['--tlog-threshold', String(t.tlog), '--ctlog-threshold', String(t.ctlog), '--timestamp-threshold', String(t.timestamp)] : [];
  const subject = c.artifact ? [at(c.artifact)] : c.digest || c.image_digest ? [(c.digest ?? c.image_digest)!] : [];
  return ['verify-bundle', '--bundle', bundle, '--trusted-root', at(c.trusted_root), ...who, ...thresholds, '--json', ...subject];
}

// Spawn the CLI; exit 0 is a pass, 1 a refusal (the failed step says why), anything else unread input.
export function runSignet(args: string[]): Promise<Judgement & { output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const output = `${stdout}${stderr}`;
      if (code === 0) done({ outcome: 'pass', output });
      else if (code === 1) done({ outcome: 'fail', why: failedSteps(stdout), output });
      else done({ outcome: 'unreadable', why: `exit ${code}: ${stderr.trim().split('\n')[0]?.slice(0, 300) ?? ''}`, output });
    });
  });
}

// The failed step and code of each result the CLI printed as JSON (one per signature).
function failedSteps(stdout: string): string {
  const reasons: string[] = [];
  for (const chunk of stdout.split(/\n(?=\{)/)) {
    try {
      const r = JSON.parse(chunk) as { headline: string; steps: { id: string; status: string; code?: string; required: boolean }[] };
      const failed = r.steps.find((s) => s.required && s.status === 'fail');
      reasons.push(failed ? `${failed.id} ${failed.code ?? ''}: ${r.headline.slice(0, 240)}` : r.headline.slice(0, 240));
    } catch {
      reasons.push(chunk.trim().slice(0, 240));
    }
  }
  return reasons.join(' | ');
}
