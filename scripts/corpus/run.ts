// `npm run corpus -- DIR`: every real-world case through the signet CLI and @sigstore/verify side by side.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCases, type CorpusCase, type Judgement } from './cases.ts';
import { DECISIONS } from './decisions.ts';
import { runReference } from './reference.ts';
import { cliArgs, runSignet } from './signet-cli.ts';

interface Row {
  c: CorpusCase;
  signet: Judgement;
  reference: Judgement;
}

const CONCURRENCY = 4;

// Run all cases a few at a time; print disagreements, the unread ones apart, and the `N passed, M failed` line.
async function main(argv: string[]): Promise<number> {
  const dir = argv.find((a) => !a.startsWith('-'));
  if (!dir) {
    process.stderr.write('usage: npm run corpus -- DIR [--verbose]   (DIR holds cases.json)\n');
    return 2;
  }
  const verbose = argv.includes('--verbose');
  const { root, cases } = loadCases(dir);
  const scratch = mkdtempSync(join(tmpdir(), 'signet-corpus-'));
  const rows: Row[] = [];
  const queue = [...cases];
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const signet = await runSignet(cliArgs(c, root, scratch));
          rows.push({ c, signet, reference: runReference(c, root) });
        }
      }),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  rows.sort((a, b) => cases.indexOf(a.c) - cases.indexOf(b.c));
  return report(rows, verbose);
}

// The report: per case when verbose, then each way Signet differs from the expectation or the reference.
function report(rows: Row[], verbose: boolean): number {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const why = (j: Judgement) => (j.outcome === 'pass' ? 'pass' : `${j.outcome} (${j.why})`);
  const agrees = (r: Row) => r.signet.outcome === r.c.expect;
  // A recorded decision (decisions.ts) stands in for the expectation it overrules; a stale decision is a failure.
  const settled = (r: Row) => agrees(r) || r.signet.outcome === DECISIONS[r.c.name]?.signet;
  if (verbose) for (const r of rows) out(`${agrees(r) ? 'ok  ' : r.signet.outcome === 'unreadable' ? 'READ' : 'FAIL'} ${r.c.name}: signet ${why(r.signet)}; reference ${why(r.reference)}`);
  const unreadable = rows.filter((r) => r.signet.outcome === 'unreadable');
  const judged = rows.filter((r) => r.signet.outcome !== 'unreadable');
  const mismatches = judged.filter((r) => !settled(r));
  for (const r of judged.filter((x) => !agrees(x) && settled(x))) {
    out(`DECIDED ${r.c.name}${r.c.contested ? ' [contested]' : ''}: expected ${r.c.expect}, signet ${why(r.signet)}\n    because: ${DECISIONS[r.c.name]!.why}\n    reference: ${why(r.reference)}`);
  }
  for (const r of mismatches) {
    const kind = r.signet.outcome === 'pass' ? 'FALSE PASS' : 'FALSE FAIL';
    out(`${kind} ${r.c.name}${r.c.contested ? ' [contested]' : ''}: expected ${r.c.expect}; signet ${why(r.signet)}\n    reference: ${why(r.reference)}\n    upstream: ${r.c.why ?? ''}`);
  }
  for (const r of unreadable) out(`NOT READ ${r.c.name}: ${r.signet.outcome === 'unreadable' ? r.signet.why : ''}`);
  const differ = rows.filter((r) => r.signet.outcome !== r.reference.outcome);
  for (const r of differ) out(`DIFFERS FROM REFERENCE ${r.c.name}${r.c.contested ? ' [contested]' : ''} (expected ${r.c.expect}): signet ${why(r.signet)}; reference ${why(r.reference)}`);
  const uncontested = rows.filter((r) => !r.c.contested);
  const falsePasses = judged.filter((r) => r.signet.outcome === 'pass' && r.c.expect === 'fail' && !r.c.contested).length;
  const refAgrees = rows.filter((r) => r.reference.outcome === r.c.expect).length;
  out(
    `uncontested: ${uncontested.filter(agrees).length} of ${uncontested.filter((r) => r.signet.outcome !== 'unreadable').length} judged agree (${uncontested.filter((r) => !agrees(r) && settled(r)).length} more differ by a recorded decision), ${falsePasses} false pass, ${uncontested.filter((r) => r.signet.outcome === 'unreadable').length} not read; contested: ${rows.filter((r) => r.c.contested && agrees(r)).length} of ${rows.filter((r) => r.c.contested).length} follow the expectation; reference agrees with the expectation on ${refAgrees} of ${rows.length}; signet and reference differ on ${differ.length}`,
  );
  out(`${judged.length - mismatches.length} passed, ${mismatches.length + unreadable.length} failed (${unreadable.length} of them not read)`);
  return mismatches.length + unreadable.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
