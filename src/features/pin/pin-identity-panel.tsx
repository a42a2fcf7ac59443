// "Pin this identity": the cosign command and admission policies for the signer a verification saw, ready to copy.
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Verdict, VerificationResult } from '../../core';
import { CopyButton } from '../../components/copy-button';
import { pinIdentity, type PinnedPolicies } from './pin-identity';
import { usePolicyNavigation } from '../../lib/policy-navigation';
import type { PinForm } from './pin-options';

/** The three outputs, in the order a user usually needs them. */
const OUTPUTS: { key: keyof PinnedPolicies; title: string; copyLabel: string; admission: boolean }[] = [
  { key: 'cosign', title: 'cosign command', copyLabel: 'Copy cosign command', admission: false },
  { key: 'kyverno', title: 'Kyverno ClusterPolicy', copyLabel: 'Copy Kyverno policy', admission: true },
  { key: 'policyController', title: 'Sigstore policy-controller ClusterImagePolicy', copyLabel: 'Copy policy-controller policy', admission: true },
];

/** Why pinning from an unverified result needs care, by verdict. */
const UNVERIFIED_WARNING: Record<Exclude<Verdict, 'verified'>, string> = {
  failed: 'This verification failed. These policies pin an identity that did not verify: find out why it failed before trusting this signer.',
  incomplete: 'This verification is incomplete: the identity was not checked against an expected one. These policies pin whoever signed; confirm it is the signer you expect.',
};

// One output: heading, the text in a scrollable <pre>, its copy button and, for admission policies, "Evaluate".
function PolicyOutput({ title, text, copyLabel, admission }: { title: string; text: string; copyLabel: string; admission: boolean }) {
  const headingId = useId();
  const evaluate = usePolicyNavigation();
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-medium">
          {title}
        </h3>
        <div className="flex flex-wrap gap-2">
          {admission && evaluate && (
            <button
              type="button"
              onClick={() => evaluate(text)}
              className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-sky-800 ring-1 ring-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:text-sky-200 dark:ring-slate-700"
            >
              Evaluate {title.startsWith('Kyverno') ? 'Kyverno policy' : 'policy-controller policy'}
            </button>
          )}
          <CopyButton text={text} label={copyLabel} />
        </div>
      </div>
      <pre tabIndex={0} aria-labelledby={headingId} className="mt-2 overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100">
        {text}
      </pre>
    </section>
  );
}

// The panel: exact or regexp form, an image field, and the three outputs; a warning unless the result verified.
// The panel's frame and heading, shared by its empty and filled states.
function PanelFrame({ headingId, children }: { headingId: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h2 id={headingId} className="text-lg font-semibold">
        Pin this identity
      </h2>
      {children}
    </section>
  );
}

export function PinIdentityPanel({ result }: { result: VerificationResult }) {
  const [form, setForm] = useState<PinForm>('exact');
  const [image, setImage] = useState('');
  const imageId = useId();
  const headingId = useId();
  const pattern = image.trim();
  const pinned = useMemo(() => pinIdentity(result, pattern === '' ? { form } : { form, image: pattern }), [result, form, pattern]);

  if (!pinned) {
    return (
      <PanelFrame headingId={headingId}>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          There is no certificate identity to pin: the signature is key-based, or the run stopped before the certificate was decoded.
        </p>
      </PanelFrame>
    );
  }

  return (
    <PanelFrame headingId={headingId}>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        Policies that accept this certificate&apos;s signer, and only this signer, in future verifications.
      </p>
      {result.verdict !== 'verified' && (
        <p role="alert" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          {UNVERIFIED_WARNING[result.verdict]}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-4">
        <fieldset className="flex gap-3 text-sm">
          <legend className="mb-1 font-medium">Match</legend>
          {(['exact', 'regexp'] as const).map((value) => (
            <label key={value} className="inline-flex items-center gap-1">
              <input type="radio" name={`${headingId}-form`} value={value} checked={form === value} onChange={() => setForm(value)} />
              {value === 'exact' ? 'Exact values' : 'Anchored regular expressions'}
            </label>
          ))}
          {form === 'regexp' && (
            <p className="basis-full text-xs text-slate-600 dark:text-slate-400">
              Go RE2 syntax, as cosign. Signet matches an expression against the whole value; cosign and the admission controllers match it anywhere in the value, so these are anchored with ^ and $ to mean the same everywhere.
            </p>
          )}
        </fieldset>
        <div className="flex min-w-64 flex-1 flex-col text-sm">
          <label htmlFor={imageId} className="mb-1 font-medium">
            Image reference or pattern
          </label>
          <input
            id={imageId}
            type="text"
            value={image}
            onChange={(e) => setImage(e.target.value)}
            placeholder="IMAGE for cosign, * for Kyverno, ** for policy-controller"
            spellCheck={false}
            autoComplete="off"
            className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
      </div>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        The admission policies name the Sigstore public-good Fulcio and Rekor; change those URLs for a private instance. The workflow commit SHA is not pinned, so later builds of the same workflow still pass.
      </p>
      {OUTPUTS.map((o) => (
        <PolicyOutput key={o.key} title={o.title} text={pinned[o.key]} copyLabel={o.copyLabel} admission={o.admission} />
      ))}
    </PanelFrame>
  );
}
