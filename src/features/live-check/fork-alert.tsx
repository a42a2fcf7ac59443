// The loudest failure Signet shows: the log forked (a split view), with both signed roots and tree sizes.
import type { ForkDrawing } from '../../audit';
import type { VerificationResult } from '../../core';

// The fork drawings of a live result's failed consistency step.
export function forksOf(result: VerificationResult): { fork: ForkDrawing; found?: string }[] {
  const step = result.steps.find((s) => s.id === 'live.consistency' && s.status === 'fail');
  if (!step) return [];
  return step.evidence.flatMap((e) => (e.key === 'fork' && e.kind === 'json' ? [{ fork: e.value as unknown as ForkDrawing, ...(step.detail?.found ? { found: step.detail.found } : {}) }] : []));
}

// One signed tree head of the two.
function Head({ title, size, root }: { title: string; size: number; root: string }) {
  return (
    <div className="min-w-0 rounded-lg bg-white/70 p-3 dark:bg-black/30">
      <p className="text-sm font-semibold">{title}</p>
      <p className="text-sm">{size.toLocaleString('en')} leaves</p>
      <p className="font-mono text-xs break-all">{root}</p>
    </div>
  );
}

// The alert: what a fork means, the two signed heads, and what the log's proof showed instead.
export function ForkAlert({ fork, found }: { fork: ForkDrawing; found?: string }) {
  return (
    <section role="alert" aria-label="The log forked" className="rounded-xl border-4 border-red-600 bg-red-50 p-5 text-red-950 shadow-lg dark:border-red-500 dark:bg-red-950 dark:text-red-50" data-fork={fork.proven ? 'proven' : 'unproven'}>
      <h3 className="text-2xl font-extrabold wrap-anywhere">⚠ {fork.proven ? 'The log forked (split view)' : 'The log may have forked (split view)'}</h3>
      <p className="mt-2 wrap-anywhere">
        {fork.proven
          ? `${fork.log} signed two histories that cannot both be true: the tree head this bundle carries and today’s tree head do not share the first ${fork.bundle.size.toLocaleString('en')} leaves. Someone was shown a different log than everyone else.`
          : `${fork.log} could not prove that today’s tree extends the tree head this bundle carries: either its proof is wrong or it shows two histories. Treat it as a split view until proven otherwise.`}
      </p>
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <Head title="Signed tree head in the bundle" size={fork.bundle.size} root={fork.bundle.root} />
        <Head title="Signed tree head today" size={fork.today.size} root={fork.today.root} />
      </div>
      {found && <p className="mt-3 font-mono text-xs break-all">Today’s log shows instead: {found}</p>}
    </section>
  );
}
