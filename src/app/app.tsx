// The application shell: inputs on one side, the verdict and its timeline on the other.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { InputPanel } from '../features/verify/input-panel';
import { useVerification } from '../features/verify/use-verification';
import { EMPTY_FORM, trustChoiceOf, type VerifyForm } from '../lib/verify-form';
import { readShareLink } from '../features/share/share-link';
import { ProgressBar } from '../features/verify/progress-bar';
import { CancelledNote } from '../components/run-progress';
import { ThemeToggle } from './theme-toggle';
import { PolicyNavigation } from '../lib/policy-navigation';
import { EMPTY_POLICY_FORM, type PolicyFormState } from '../features/policy/policy-form';
import { AdmissionTimelineView } from './admission-timeline-view';
import { useTabs } from '../lib/tab-keys';

const ResultView = lazy(() => import('./result-view').then((m) => ({ default: m.ResultView })));
const PolicyMode = lazy(() => import('../features/policy/policy-mode').then((m) => ({ default: m.PolicyMode })));
const LogMode = lazy(() => import('../features/log-search/log-mode').then((m) => ({ default: m.LogMode })));
const LogResultView = lazy(() => import('./log-result-view').then((m) => ({ default: m.LogResultView })));
const TrustRefreshMode = lazy(() => import('../features/trust-refresh/trust-refresh-mode').then((m) => ({ default: m.TrustRefreshMode })));
const StepsResultView = lazy(() => import('./steps-result-view').then((m) => ({ default: m.StepsResultView })));

const MODES = ['verify', 'policy', 'log', 'trust'] as const;
type Mode = (typeof MODES)[number];
const MODE_LABELS: Record<Mode, string> = { verify: 'Verify', policy: 'Policy', log: 'Transparency log', trust: 'Trust' };

export function App() {
  const [form, setForm] = useState<VerifyForm>(EMPTY_FORM);
  const [notice, setNotice] = useState<string | null>(null);
  const { verify, outcome, error, pending, progress, cancel, cancelled } = useVerification();
  const [mode, setMode] = useState<Mode>('verify');
  const modeTabs = useTabs(MODES, mode, setMode);
  const [policyOpen, setPolicyOpen] = useState<{ key: number; form: PolicyFormState }>({ key: 0, form: EMPTY_POLICY_FORM });

  // "Evaluate" on a pinned policy: the Policy mode opens with it, the image it came from and the Trust choices of the
  // verification it was pinned from (trusted root and verifier options).
  const openPolicy = useCallback(
    (policy: string) => {
      const verified = outcome?.form ?? form;
      const image = outcome?.kind === 'image' ? outcome.form.imageRef.trim() : '';
      setPolicyOpen((p) => ({ key: p.key + 1, form: { ...EMPTY_POLICY_FORM, policy, images: image, trust: trustChoiceOf(verified), weakening: verified.weakening } }));
      setMode('policy');
    },
    [outcome, form],
  );

  // "Use this trusted root": the refreshed root becomes the Verify mode's custom trust choice.
  const applyRefreshedRoot = useCallback((root: { name: string; text: string }) => {
    setForm((f) => ({ ...f, trust: { kind: 'custom', name: root.name, text: root.text } }));
    setNotice(`Verifications now use ${root.name}.`);
    setMode('verify');
  }, []);

  // A shared link restores the inputs (and verifies at once when it carries the bundle).
  useEffect(() => {
    void readShareLink(location.hash).then((shared) => {
      if (!shared) return;
      setForm(shared.form);
      if (shared.complete) verify(shared.form);
      else setNotice('This link did not carry the bundle (it was too large): open or paste it, then verify.');
    });
    // Runs once, for the URL the page was opened with; verify and setForm are stable.
  }, []);

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3">
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          <div className="min-w-[15rem] flex-1">
            <h1 className="text-xl font-bold">Signet</h1>
            <p className="text-sm text-slate-600 dark:text-slate-400">Verify Sigstore and cosign signatures in your browser, one explained step at a time.</p>
          </div>
          <div {...modeTabs.list} aria-label="Mode" className="flex gap-1">
            {MODES.map((m) => (
              <button
                key={m}
                {...modeTabs.tab(m)}
                className={`rounded-md px-3 py-1.5 text-sm font-medium ${mode === m ? 'bg-sky-700 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-800'}`}
              >
                {MODE_LABELS[m]}
              </button>
            ))}
          </div>
          <ThemeToggle />
        </div>
      </header>
      <div {...modeTabs.panel}>
      {mode === 'policy' && (
        <Suspense fallback={<p className="p-6">Loading the Policy mode…</p>}>
          <PolicyMode key={policyOpen.key} initial={policyOpen.form} renderTimeline={(t) => <AdmissionTimelineView timeline={t} />} />
        </Suspense>
      )}
      {mode === 'log' && (
        <Suspense fallback={<p className="p-6">Loading the Transparency log mode…</p>}>
          <LogMode renderResult={(result, inputs) => <LogResultView result={result} inputs={inputs} />} />
        </Suspense>
      )}
      {mode === 'trust' && (
        <Suspense fallback={<p className="p-6">Loading the Trust mode…</p>}>
          <TrustRefreshMode renderResult={(r) => <StepsResultView result={r} label="TUF steps" />} onUse={applyRefreshedRoot} />
        </Suspense>
      )}
      <PolicyNavigation.Provider value={openPolicy}>
      <main hidden={mode !== 'verify'} className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <div>
          <InputPanel form={form} setForm={setForm} onVerify={verify} pending={pending} />
        </div>
        <div className="grid min-w-0 content-start gap-4">
          {notice && (
            <p role="note" className="rounded-lg bg-sky-50 p-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
              {notice}
            </p>
          )}
          {pending && <ProgressBar progress={progress} onCancel={cancel} />}
          {cancelled && !pending && <CancelledNote>The verification was stopped before it finished: nothing was verified or refused. Your inputs are kept; press Verify to run it again.</CancelledNote>}
          {error && !pending && (
            <section role="alert" className="rounded-xl border-l-8 border-red-500 bg-red-50 p-5 dark:bg-red-950">
              <h2 className="text-lg font-bold">The verification could not run</h2>
              <p className="mt-1 break-words">{error.message}</p>
            </section>
          )}
          {outcome && !pending && (
            <Suspense fallback={<p>Loading the result view…</p>}>
              <ResultView outcome={outcome} />
            </Suspense>
          )}
          {!outcome && !pending && !error && !cancelled && (
            <section className="rounded-xl border border-dashed border-slate-300 p-8 text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <h2 className="text-lg font-semibold text-slate-900 dark:text-slate-100">How it works</h2>
              <p className="mt-2">
                Give Signet a Sigstore bundle, the artifact it signs and who you expect to have signed it. It checks the certificate and its chain to Fulcio, the Certificate
                Transparency promise, the signature, the transparency-log entry with its inclusion proof and signed checkpoint, any RFC 3161 timestamp, and the signer’s
                identity, and shows each check with the bytes it was made on. Nothing leaves this browser.
              </p>
            </section>
          )}
        </div>
      </main>
      </PolicyNavigation.Provider>
      </div>
    </div>
  );
}
