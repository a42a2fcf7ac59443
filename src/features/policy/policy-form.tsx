// The Policy mode's inputs: policy YAML (pasted or from files), image references or a manifest, no-match policy, trust.
import { useState, type FormEvent } from 'react';
import type { NoMatchPolicy } from '../../core/public-constants';
import type { TrustedRootChoice } from '../../lib/trusted-root-choice';
import { DEFAULT_WEAKENING, verifierOptionsOf, weakeningFlags, weakeningProblem, type WeakeningForm } from '../../lib/verify-form';
import type { AdmissionMessage } from './policy-protocol';
import { FormFooter, Group, INPUT_CLASS as input, RadioChoice, TextFileButton as FileButton, TrustChoice } from '../../components/form-controls';
import { VerifierOptions } from '../../components/verifier-options';
import { TrustedRootNotice } from '../../components/missing-log-notice';

/** The form's state; the app may open it with a policy and an image. */
export interface PolicyFormState {
  policy: string;
  source: 'images' | 'manifest';
  images: string;
  manifest: string;
  noMatchPolicy: NoMatchPolicy;
  trust: TrustedRootChoice;
  /** The verifier options, as the Verify mode's Trust choices set them. */
  weakening: WeakeningForm;
}

export const EMPTY_POLICY_FORM: PolicyFormState = { policy: '', source: 'images', images: '', manifest: '', noMatchPolicy: 'deny', trust: null, weakening: DEFAULT_WEAKENING };

// What is missing before a run can start, in words; null when ready.
function formProblem(form: PolicyFormState): string | null {
  if (form.policy.trim() === '') return 'Paste or open a policy.';
  if (form.source === 'images' && form.images.trim() === '') return 'Give at least one image reference.';
  if (form.source === 'manifest' && form.manifest.trim() === '') return 'Paste or open a manifest.';
  return weakeningProblem(form.weakening);
}

// The request the worker receives for this form.
export function requestOf(form: PolicyFormState): Omit<AdmissionMessage, 'type' | 'id'> {
  const images = form.images.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  return {
    policies: [{ name: 'policy', text: form.policy }],
    ...(form.source === 'manifest' ? { manifest: form.manifest } : { images }),
    noMatchPolicy: form.noMatchPolicy,
    trustedRoot: form.trust,
    options: verifierOptionsOf(form),
    credentials: null,
  };
}

export function PolicyForm({ form, setForm, onEvaluate, pending }: { form: PolicyFormState; setForm: (f: PolicyFormState) => void; onEvaluate: () => void; pending: boolean }) {
  const [fileError, setFileError] = useState<string | null>(null);
  const [optionsOpen, setOptionsOpen] = useState(() => weakeningFlags(form.weakening).length > 0);
  const set = (patch: Partial<PolicyFormState>) => setForm({ ...form, ...patch });
  const problem = formProblem(form);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) onEvaluate();
  };
  return (
    <form className="grid gap-4" onSubmit={submit} aria-label="Admission dry run">
      <Group title="Policies" hint="Kyverno ClusterPolicy/Policy with verifyImages, policy-controller ClusterImagePolicy and its TrustRoots; several documents separated by ---.">
        <textarea aria-label="Policy YAML" className={`${input} h-56 font-mono text-xs`} spellCheck={false} value={form.policy} onChange={(e) => set({ policy: e.target.value })} placeholder="apiVersion: kyverno.io/v1&#10;kind: ClusterPolicy&#10;…" />
        <FileButton label="Open policy files" accept=".yaml,.yml,.json" onText={(_, t) => set({ policy: form.policy.trim() ? `${form.policy.trimEnd()}\n---\n${t}` : t })} onError={setFileError} />
      </Group>
      <Group title="What to admit">
        <RadioChoice name="admit-source" label="What to admit" options={[['images', 'Image references'], ['manifest', 'Kubernetes manifest']] as const} value={form.source} onChange={(source) => set({ source })} />
        {form.source === 'images' ? (
          <textarea aria-label="Image references" className={`${input} h-24 font-mono text-xs`} spellCheck={false} value={form.images} onChange={(e) => set({ images: e.target.value })} placeholder="ghcr.io/org/app:v1 (one per line)" />
        ) : (
          <>
            <textarea aria-label="Manifest YAML" className={`${input} h-40 font-mono text-xs`} spellCheck={false} value={form.manifest} onChange={(e) => set({ manifest: e.target.value })} placeholder="Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or a List" />
            <FileButton label="Open a manifest" accept=".yaml,.yml,.json" onText={(_, t) => set({ manifest: t })} onError={setFileError} />
          </>
        )}
      </Group>
      <Group title="Cluster settings" hint="What the policies' own trust material leaves out comes from this trusted root; the verifier options apply to every image verification, under the policies' own waivers.">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">policy-controller no-match-policy</span>
          <select className={input} value={form.noMatchPolicy} onChange={(e) => set({ noMatchPolicy: e.target.value as NoMatchPolicy })}>
            <option value="deny">deny (policy-controller's default)</option>
            <option value="warn">warn</option>
            <option value="allow">allow</option>
          </select>
        </label>
        <TrustChoice trust={form.trust} onChange={(trust) => set({ trust })} onError={setFileError} />
        <TrustedRootNotice
          rootText={form.trust?.text ?? null}
          weakening={form.weakening}
          onChoose={(choice) => {
            set({ weakening: { ...form.weakening, ...choice } });
            setOptionsOpen(true);
          }}
        />
        <VerifierOptions value={form.weakening} onChange={(weakening) => set({ weakening })} open={optionsOpen} onToggle={setOptionsOpen} />
      </Group>
      <FormFooter fileError={fileError} disabled={pending} label={pending ? 'Evaluating…' : 'Evaluate'} problem={problem} />
    </form>
  );
}
