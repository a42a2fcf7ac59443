// One step of the timeline: status, title and summary, expandable to what, why, spec, evidence and time.
import { useId, useState } from 'react';
import type { Step } from '../../core';
import { EvidenceList } from './evidence-list';
import { DisclosureHeader } from '../../components/disclosure-header';

// A step with its explanation behind a disclosure button.
export function StepCard({ step, index, defaultOpen }: { step: Step; index: number; defaultOpen: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  return (
    <li className="relative min-w-0 pl-10" data-step={step.id} data-status={step.status}>
      <span aria-hidden="true" className="absolute top-3 left-3 h-full w-px bg-slate-200 dark:bg-slate-800" />
      <span aria-hidden="true" className="absolute top-3 left-0 flex h-6 w-6 items-center justify-center rounded-full bg-white text-xs font-semibold ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-700">
        {index + 1}
      </span>
      <div className={`rounded-lg border bg-white p-4 shadow-sm dark:bg-slate-900 ${step.status === 'fail' ? 'border-red-400 dark:border-red-700' : 'border-slate-200 dark:border-slate-800'}`}>
        <DisclosureHeader
          status={step.status}
          title={step.title}
          detail={<code>{step.id}</code>}
          summary={step.summary}
          open={open}
          onToggle={() => setOpen((o) => !o)}
          controls={panelId}
        />
        {open && (
          <div id={panelId} className="mt-4 grid gap-4 border-t [&>*]:min-w-0 border-slate-200 pt-4 dark:border-slate-800">
            {step.status === 'fail' && (
              <dl className="grid gap-1 rounded-md bg-red-50 p-3 text-sm dark:bg-red-950/50">
                <div className="grid gap-1 sm:grid-cols-[8rem_1fr]">
                  <dt className="font-medium">Code</dt>
                  <dd className="font-mono">{step.code}</dd>
                </div>
                {(['expected', 'found', 'where'] as const).map((k) =>
                  step.detail?.[k] ? (
                    <div key={k} className="grid gap-1 sm:grid-cols-[8rem_1fr]">
                      <dt className="font-medium capitalize">{k}</dt>
                      <dd className="font-mono break-all">{step.detail[k]}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
            )}
            <section>
              <h3 className="text-sm font-semibold">Why it matters</h3>
              <p className="text-sm text-slate-700 dark:text-slate-300">{step.why}</p>
            </section>
            {step.spec && (
              <section>
                <h3 className="text-sm font-semibold">Specification</h3>
                <p className="text-sm text-slate-700 dark:text-slate-300">{step.spec}</p>
              </section>
            )}
            <section>
              <h3 className="mb-2 text-sm font-semibold">Evidence</h3>
              <EvidenceList evidence={step.evidence} />
            </section>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {step.required ? 'Required for the verdict' : 'Not required for the verdict'} · {step.ms.toFixed(2)} ms
            </p>
          </div>
        )}
      </div>
    </li>
  );
}
