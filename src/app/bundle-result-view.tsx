// One bundle's result as tabs: the timeline and the dedicated views, pinning and export.
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import type { VerificationResult } from '../core';
import { Timeline } from '../features/timeline/timeline';
import type { ReportInputs } from '../features/report/markdown-report';
import type { LiveCheckSource } from '../features/live-check/live-check-protocol';
import { StepsResultView } from './steps-result-view';
import { useTabs } from '../lib/tab-keys';

type ViewProps = { result: VerificationResult };
const view = <K extends string>(load: () => Promise<Record<K, ComponentType<ViewProps>>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const CertificateView = view(() => import('../features/views/certificate-view'), 'CertificateView');
const DsseView = view(() => import('../features/views/dsse-view'), 'DsseView');
const TransparencyLogView = view(() => import('../features/views/transparency-log-view'), 'TransparencyLogView');
const TimestampView = view(() => import('../features/views/timestamp-view'), 'TimestampView');
const AttestationPanel = lazy(() => import('../features/attestations/attestation-panel').then((m) => ({ default: m.AttestationPanel })));
const PinIdentityPanel = view(() => import('../features/pin/pin-identity-panel'), 'PinIdentityPanel');
const ExportPanel = lazy(() => import('../features/report/export-panel').then((m) => ({ default: m.ExportPanel })));
const LiveCheckPanel = lazy(() => import('../features/live-check/live-check-panel').then((m) => ({ default: m.LiveCheckPanel })));

const TABS = ['Timeline', 'Attestation', 'Certificate', 'DSSE', 'Transparency log', 'Live log', 'Timestamp', 'Pin identity', 'Export'] as const;
type Tab = (typeof TABS)[number];

// Tabs that have something to show for this result; the live check once the log entry verified offline.
function tabsFor(result: VerificationResult, live: boolean): Tab[] {
  const has = (id: string, key?: string) => result.steps.some((s) => s.id === id && (key ? s.evidence.some((e) => e.key === key) : s.status !== 'skip'));
  return TABS.filter((t) => {
    if (t === 'Attestation') return result.attestation !== undefined;
    if (t === 'Certificate') return result.views?.certificate !== undefined;
    if (t === 'DSSE') return result.signed !== undefined;
    if (t === 'Transparency log') return has('tlog.body');
    if (t === 'Live log') return live && result.steps.some((s) => s.id === 'tlog.inclusion' && s.status === 'pass');
    if (t === 'Timestamp') return has('timestamp.rfc3161');
    return true;
  });
}

// One bundle's result: the timeline and the dedicated views as tabs (also used inside each image signature).
export function BundleResultView({ result, inputs, actions, live }: { result: VerificationResult; inputs: ReportInputs; actions?: ReactNode; live?: LiveCheckSource }) {
  const [tab, setTab] = useState<Tab>('Timeline');
  const tabs = tabsFor(result, live !== undefined);
  const active = tabs.includes(tab) ? tab : 'Timeline';
  const tabProps = useTabs(tabs, active, setTab);
  return (
    <div className="grid min-w-0 gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <div {...tabProps.list} aria-label="Result views" className="flex flex-wrap gap-1">
          {tabs.map((t) => (
            <button
              key={t}
              {...tabProps.tab(t)}
              className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-500 ${
                active === t ? 'bg-sky-700 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-800'
              }`}
            >
              {t}
            </button>
          ))}
        </div>
        {actions}
      </div>
      <div {...tabProps.panel} className="min-w-0">
        <Suspense fallback={<p className="text-sm">Loading…</p>}>
          {active === 'Timeline' && <Timeline steps={result.steps} failedStep={result.failedStep} />}
          {active === 'Attestation' && result.attestation && <AttestationPanel attestation={result.attestation} verdict={result.verdict} {...(result.signed ? { signed: result.signed } : {})} />}
          {active === 'Certificate' && <CertificateView result={result} />}
          {active === 'DSSE' && <DsseView result={result} />}
          {active === 'Transparency log' && <TransparencyLogView result={result} />}
          {active === 'Live log' && live && <LiveCheckPanel {...live} renderResult={(r) => <StepsResultView result={r} label="Live log steps" />} />}
          {active === 'Timestamp' && <TimestampView result={result} />}
          {active === 'Pin identity' && <PinIdentityPanel result={result} />}
          {active === 'Export' && <ExportPanel result={result} inputs={inputs} />}
        </Suspense>
      </div>
    </div>
  );
}


