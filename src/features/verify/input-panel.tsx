// Everything the user gives: bundle, artifact, signer policy and trust.
import { useEffect, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { LIMITS, WORKFLOW_CLAIMS, type WorkflowClaim } from '../../core/public-constants';
import { EXAMPLES } from './examples/examples';
import { FileDrop } from '../../components/file-drop';
import { Group, INPUT_CLASS as input } from '../../components/form-controls';
import { DEFAULT_WEAKENING, formProblem, weakeningFlags, type VerifyForm } from '../../lib/verify-form';
import { VerifierOptions } from '../../components/verifier-options';
import { TrustedRootNotice } from '../../components/missing-log-notice';

// Read a small text file (bundle, key, trusted root) with a size cap.
async function readText(file: File, max: number): Promise<string> {
  if (file.size > max) throw new Error(`${file.name} is ${file.size} bytes; the limit is ${max}`);
  return file.text();
}

const SHOWN_BUNDLE_CHARS = 1 << 20;

export function InputPanel({ form, setForm, onVerify, pending }: { form: VerifyForm; setForm: Dispatch<SetStateAction<VerifyForm>>; onVerify: (f: VerifyForm) => void; pending: boolean }) {
  const [fileError, setFileError] = useState<string | null>(null);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const problem = formProblem(form);
  // A text area holding tens of MB freezes the page: a large bundle file is kept, not shown.
  const bundleTooLargeToShow = form.bundleText.length > SHOWN_BUNDLE_CHARS;
  // A functional update: a large file read that finishes later must not undo what the user changed meanwhile.
  const set = (patch: Partial<VerifyForm>) => setForm((current) => ({ ...current, ...patch }));
  // Weakened choices (from a share link, or the notice) are never hidden away.
  const weakened = weakeningFlags(form.weakening).length > 0;
  useEffect(() => {
    if (weakened) setOptionsOpen(true);
  }, [weakened]);
  const load = (file: File, max: number, then: (text: string) => void) =>
    readText(file, max).then(
      (text) => {
        setFileError(null);
        then(text);
      },
      (err: Error) => setFileError(err.message),
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) onVerify(form);
  };

  const tryExample = async () => {
    const ex = EXAMPLES[0]!;
    const next: VerifyForm = {
      ...form,
      source: 'bundle',
      bundleText: await ex.loadBundle(),
      bundleName: `example: ${ex.title}`,
      artifact: { kind: 'digest', text: ex.digest },
      mode: 'identity',
      identity: ex.identity,
      identityIsRegexp: false,
      issuer: ex.issuer,
      issuerIsRegexp: false,
      claims: {},
      trust: { kind: 'public-good' },
      weakening: DEFAULT_WEAKENING,
    };
    setForm(next);
    onVerify(next);
  };

  return (
    <form onSubmit={submit} className="grid gap-4" aria-label="Verification inputs">
      <div role="radiogroup" aria-label="What to verify" className="grid grid-cols-2 gap-1 rounded-xl bg-slate-200 p-1 text-sm font-medium dark:bg-slate-800">
        {(
          [
            ['bundle', 'A bundle or signature'],
            ['image', 'An image in a registry'],
          ] as const
        ).map(([source, text]) => (
          <label key={source} className={`cursor-pointer rounded-lg px-3 py-2 text-center ${form.source === source ? 'bg-white shadow dark:bg-slate-950' : ''}`}>
            <input type="radio" name="source" className="sr-only" checked={form.source === source} onChange={() => set({ source })} />
            {text}
          </label>
        ))}
      </div>

      {form.source === 'image' ? (
        <Group title="1. Image" hint="Signet resolves the reference to the digest that would be pulled and looks for its signatures: the OCI referrers API, the referrers tag schema and cosign's .sig/.att tags. Requests go through this site's proxy.">
          <label className="grid gap-1 text-sm">
            <span>Image reference</span>
            <input className={`${input} font-mono`} value={form.imageRef} placeholder="ghcr.io/org/app:v1.2.3" spellCheck={false} onChange={(e) => set({ imageRef: e.target.value })} />
          </label>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">Private registry credentials (optional)</summary>
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Kept in this page’s memory only, sent only to the registry’s token service through the proxy, never stored, logged or put in share links.</p>
            <div className="mt-2 grid gap-2">
              <label className="grid gap-1">
                <span>Username</span>
                <input className={input} autoComplete="off" value={form.registryUsername} onChange={(e) => set({ registryUsername: e.target.value })} />
              </label>
              <label className="grid gap-1">
                <span>Password or token</span>
                <input className={input} type="password" autoComplete="off" value={form.registryPassword} onChange={(e) => set({ registryPassword: e.target.value })} />
              </label>
            </div>
          </details>
        </Group>
      ) : (
      <>
      <Group title="1. Bundle" hint="A Sigstore bundle (.sigstore.json, v0.1–v0.3) or what `cosign download signature` prints. Nothing is uploaded: it is verified in this browser.">
        <textarea
          aria-label="Bundle JSON"
          className={`${input} h-36 font-mono text-xs`}
          placeholder={
            bundleTooLargeToShow
              ? `${form.bundleName || 'The bundle'}: ${form.bundleText.length.toLocaleString('en')} characters, too large to show here; it is verified as loaded (typing here replaces it).`
              : '{"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json", …}'
          }
          value={bundleTooLargeToShow ? '' : form.bundleText}
          spellCheck={false}
          onChange={(e) => set({ bundleText: e.target.value, bundleName: '' })}
        />
        <FileDrop label="Open a bundle file" accept=".json,application/json" onFile={(f) => load(f, LIMITS.bundleBytes, (text) => set({ bundleText: text, bundleName: f.name }))}>
          {form.bundleName && <span className="ml-2 text-slate-500 dark:text-slate-400">· {form.bundleName}</span>}
        </FileDrop>
        <button type="button" onClick={tryExample} className="justify-self-start text-sm font-medium text-sky-700 underline dark:text-sky-300">
          Try an example: a real Docker Hub image signature (works offline)
        </button>
      </Group>

      <Group title="2. Artifact" hint="What the signature should be about: the file itself (hashed here, in chunks, with every algorithm the bundle names), or its digest as sha256:, sha384: or sha512: hex (npm and GitHub attestations name sha512).">
        <div role="radiogroup" aria-label="Artifact input" className="flex flex-wrap gap-4 text-sm">
          {(['file', 'digest', 'none'] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-2">
              <input
                type="radio"
                name="artifact-kind"
                checked={form.artifact.kind === kind}
                onChange={() => set({ artifact: kind === 'digest' ? { kind, text: '' } : kind === 'none' ? { kind } : { kind, file: null } })}
              />
              {kind === 'file' ? 'File' : kind === 'digest' ? 'Digest' : 'None (inspect the bundle only)'}
            </label>
          ))}
        </div>
        {form.artifact.kind === 'digest' && (
          <input aria-label="Artifact digest" className={`${input} font-mono`} placeholder="sha256:…, sha384:… or sha512:…" spellCheck={false} value={form.artifact.text} onChange={(e) => set({ artifact: { kind: 'digest', text: e.target.value } })} />
        )}
        {form.artifact.kind !== 'digest' && (
          <FileDrop label="Choose the artifact" onFile={(file) => set({ artifact: { kind: 'file', file } })}>
            {form.artifact.kind === 'file' && form.artifact.file && (
              <span className="ml-2 text-slate-500 dark:text-slate-400">
                · {form.artifact.file.name} ({form.artifact.file.size.toLocaleString()} bytes)
              </span>
            )}
          </FileDrop>
        )}
      </Group>
      </>
      )}

      <Group title={form.source === 'image' ? '2. Expected signer' : '3. Expected signer'}>
        <div role="radiogroup" aria-label="Signer check" className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ['identity', 'Identity (keyless)'],
              ['key', 'Public key'],
              ['inspect', 'Inspect only'],
            ] as const
          ).map(([mode, text]) => (
            <label key={mode} className="flex items-center gap-2">
              <input type="radio" name="signer-mode" checked={form.mode === mode} onChange={() => set({ mode })} />
              {text}
            </label>
          ))}
        </div>
        {form.mode === 'identity' && (
          <div className="grid gap-3">
            <label className="grid gap-1 text-sm">
              <span>Certificate identity (SAN: e-mail or URI)</span>
              <input className={`${input} font-mono`} value={form.identity} onChange={(e) => set({ identity: e.target.value })} placeholder="https://github.com/org/repo/.github/workflows/release.yml@refs/tags/v1.0.0" />
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={form.identityIsRegexp} onChange={(e) => set({ identityIsRegexp: e.target.checked })} />
              Regular expression (must match the whole value)
            </label>
            <label className="grid gap-1 text-sm">
              <span>OIDC issuer</span>
              <input className={`${input} font-mono`} value={form.issuer} onChange={(e) => set({ issuer: e.target.value })} />
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={form.issuerIsRegexp} onChange={(e) => set({ issuerIsRegexp: e.target.checked })} />
              Regular expression
            </label>
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">GitHub workflow claims (optional)</summary>
              <div className="mt-2 grid gap-2">
                {(Object.keys(WORKFLOW_CLAIMS) as WorkflowClaim[]).map((claim) => (
                  <label key={claim} className="grid gap-1">
                    <span className="font-mono text-xs">{WORKFLOW_CLAIMS[claim]}</span>
                    <input className={`${input} font-mono`} value={form.claims[claim] ?? ''} onChange={(e) => set({ claims: { ...form.claims, [claim]: e.target.value } })} />
                  </label>
                ))}
              </div>
            </details>
          </div>
        )}
        {form.mode === 'key' && (
          <div className="grid gap-2">
            <textarea aria-label="Public key PEM" className={`${input} h-28 font-mono text-xs`} placeholder="-----BEGIN PUBLIC KEY-----" value={form.keyPem} onChange={(e) => set({ keyPem: e.target.value })} />
            <FileDrop label="Open a public key file" accept=".pub,.pem" onFile={(f) => load(f, 64 * 1024, (text) => set({ keyPem: text }))} />
          </div>
        )}
        {form.mode === 'inspect' && (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Every cryptographic check runs, but nobody’s identity is checked: anyone with a Sigstore account can make a bundle that passes. The verdict will say “Incomplete”.
          </p>
        )}
        <label className="grid gap-1 text-sm">
          <span>Attestation predicate type (optional)</span>
          <input className={`${input} font-mono`} value={form.predicateType} placeholder="https://slsa.dev/provenance/v1" onChange={(e) => set({ predicateType: e.target.value })} />
        </label>
      </Group>

      <Group title={form.source === 'image' ? '3. Trust' : '4. Trust'}>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="trust" className="mt-1" checked={form.trust.kind === 'public-good'} onChange={() => set({ trust: { kind: 'public-good' } })} />
          <span>
            Sigstore public-good instance <span className="text-slate-500 dark:text-slate-400">(trusted root embedded at build time from the TUF repository tuf-repo-cdn.sigstore.dev via @sigstore/tuf)</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="trust" className="mt-1" checked={form.trust.kind === 'custom'} disabled={form.trust.kind !== 'custom'} readOnly />
          <span>Custom trusted_root.json (private Sigstore instance or staging)</span>
        </label>
        <FileDrop label="Load a trusted_root.json" accept=".json,application/json" onFile={(f) => load(f, LIMITS.trustedRootBytes, (text) => set({ trust: { kind: 'custom', name: f.name, text } }))}>
          {form.trust.kind === 'custom' && <span className="ml-2 text-slate-500 dark:text-slate-400">· {form.trust.name}</span>}
        </FileDrop>
        <TrustedRootNotice
          rootText={form.trust.kind === 'custom' ? form.trust.text : null}
          weakening={form.weakening}
          onChoose={(choice) => {
            set({ weakening: { ...form.weakening, ...choice } });
            setOptionsOpen(true);
          }}
        />
        <VerifierOptions value={form.weakening} onChange={(weakening) => set({ weakening })} open={optionsOpen} onToggle={setOptionsOpen} />
      </Group>

      {fileError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {fileError}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={!!problem || pending}
          className="rounded-lg bg-sky-700 px-5 py-2.5 font-semibold text-white shadow hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {pending ? 'Verifying…' : 'Verify'}
        </button>
        {problem && <p className="text-sm text-slate-600 dark:text-slate-400">{problem}</p>}
      </div>
    </form>
  );
}
