// The Policy mode: would these admission policies admit these images or this manifest? Inputs on one side, the decisions on the other.
import { useState, type ReactNode } from 'react';
import type { AdmissionTimeline } from '../../image';
import { CancelledNote, RunProgress } from '../../components/run-progress';
import { AdmissionTable } from './admission-table';
import { PolicyForm, requestOf, type PolicyFormState } from './policy-form';
import { useAdmission } from './use-admission';

export function PolicyMode({ initial, renderTimeline }: { initial: PolicyFormState; renderTimeline: (t: AdmissionTimeline) => ReactNode }) {
  const [form, setForm] = useState<PolicyFormState>(initial);
  const { evaluate, report, error, pending, progress, cancel, cancelled } = useAdmission();
  return (
    <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <div>
        <PolicyForm form={form} setForm={setForm} onEvaluate={() => evaluate(requestOf(form))} pending={pending} />
      </div>
      <div className="grid min-w-0 content-start gap-4">
        {pending && <RunProgress label={progress ?? 'Starting…'} what="the dry run" onCancel={cancel} />}
        {cancelled && !pending && <CancelledNote>The dry run was stopped before it finished: no container was decided. The policies and images are kept; press Evaluate to run it again.</CancelledNote>}
        {error && !pending && (
          <section role="alert" className="rounded-xl border-l-8 border-red-500 bg-red-50 p-5 dark:bg-red-950">
            <h2 className="text-lg font-bold">The dry run could not run</h2>
            <p className="mt-1 break-words">{error.message}</p>
          </section>
        )}
        {report && !pending && <AdmissionTable report={report} renderTimeline={renderTimeline} />}
        {!report && !pending && !error && !cancelled && (
          <section className="rounded-xl border border-dashed border-slate-300 p-8 text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <h2 className="text-lg font-semibold text-slate-900 dark:text-slate-100">Admission dry run</h2>
            <p className="mt-2">
              Paste a Kyverno ClusterPolicy or a Sigstore policy-controller ClusterImagePolicy and the images or manifest a cluster would receive. Signet resolves each image,
              verifies its signatures and attestations with each policy&apos;s own trust, and decides every container as the controller would, in its words, with the timeline
              behind each decision. What needs the cluster itself (Secrets, KMS keys, CUE and Rego policies) is marked “not evaluated”, never guessed.
            </p>
          </section>
        )}
      </div>
    </main>
  );
}
