// "Verify an artifact against this entry": a file or digest, and optionally who should have signed; the worker compares
// the artifact with the entry's body and verifies the signature with the entry's certificate or key, as for a bundle.
import { useState, type FormEvent } from 'react';
import type { VerificationPolicy, VerificationResult } from '../../core';
import { FileDrop } from '../../components/file-drop';
import { CancelledNote, RunProgress } from '../../components/run-progress';
import type { EntryView, LogArtifact } from './log-protocol';
import { INPUT_CLASS as input } from '../../components/form-controls';
import type { RenderResult } from './entry-view';

/** The verify action for the open entry and its state. */
export interface VerifyRun {
  run: (artifact: LogArtifact, policy: VerificationPolicy, policyLabel: string) => void;
  /** Stop the pending run (hashing a large artifact included). */
  cancel: () => void;
  pending: boolean;
  cancelled: boolean;
  error: Error | null;
  outcome: { result: VerificationResult; artifactDigest: string; policyLabel: string; artifactName: string } | undefined;
}

// The policy the signer inputs ask for, and its description for the report.
function policyOf(entry: EntryView, identity: string, issuer: string, keyPem: string): { policy: VerificationPolicy; label: string } {
  if (entry.verifiable === 'public-key' && keyPem.trim()) return { policy: { kind: 'key', publicKey: keyPem }, label: 'signed by the given public key' };
  if (entry.verifiable === 'certificate' && identity.trim() && issuer.trim()) {
    return { policy: { kind: 'identity', identity: { identity: { exact: identity.trim() }, issuer: { exact: issuer.trim() } } }, label: `identity ${identity.trim()}, issuer ${issuer.trim()}` };
  }
  return { policy: { kind: 'inspect' }, label: 'inspect only: identity not checked' };
}

export function VerifyAgainstEntry({ entry, verify, renderResult }: { entry: EntryView; verify: VerifyRun; renderResult: RenderResult }) {
  const [file, setFile] = useState<File | null>(null);
  const [digest, setDigest] = useState('');
  const [identity, setIdentity] = useState('');
  const [issuer, setIssuer] = useState('');
  const [keyPem, setKeyPem] = useState('');
  if (!entry.verifiable) {
    return (
      <section aria-labelledby="verify-entry-heading" className="rounded-xl border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
        <h2 id="verify-entry-heading" className="text-lg font-bold">
          Verify an artifact against this entry
        </h2>
        <p className="mt-1">
          Not possible for this {entry.kind} entry: it records only the hash of what was signed, and the log returned no payload with it. Verify the bundle or envelope it came from in the Verify mode.
        </p>
      </section>
    );
  }
  const artifact: LogArtifact | null = file ? { kind: 'file', file } : digest.trim() ? { kind: 'digest', text: digest } : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!artifact) return;
    const { policy, label } = policyOf(entry, identity, issuer, keyPem);
    verify.run(artifact, policy, label);
  };
  const out = verify.outcome;
  return (
    <section aria-labelledby="verify-entry-heading" className="grid min-w-0 gap-4">
      <form onSubmit={submit} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" aria-label="Verify an artifact against this entry">
        <h2 id="verify-entry-heading" className="text-lg font-bold">
          Verify an artifact against this entry
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{entry.kind.startsWith('hashedrekord') ? 'The artifact’s digest is compared with the digest the entry signs' : 'The artifact’s digest must be a subject of the in-toto statement the entry signs'}, and the signature is verified with the entry’s {entry.verifiable === 'certificate' ? 'certificate' : 'public key'}.</p>
        <FileDrop label="Choose the artifact" onFile={(f) => { setFile(f); setDigest(''); }}>
          {file && <p className="mt-1 text-xs wrap-anywhere">Artifact: {file.name} ({file.size} bytes) <button type="button" className="underline" onClick={() => setFile(null)}>remove</button></p>}
        </FileDrop>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">or its digest</span>
          <input className={`${input} font-mono`} value={digest} disabled={file !== null} spellCheck={false} placeholder="sha256:…" onChange={(e) => setDigest(e.target.value)} />
        </label>
        {entry.verifiable === 'certificate' ? (
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="grid gap-1 text-sm">
              <span className="font-medium">Expected identity (optional)</span>
              <input className={input} value={identity} spellCheck={false} placeholder="SAN, exact" onChange={(e) => setIdentity(e.target.value)} />
            </label>
            <label className="grid gap-1 text-sm">
              <span className="font-medium">Expected OIDC issuer</span>
              <input className={input} value={issuer} spellCheck={false} placeholder="https://…" onChange={(e) => setIssuer(e.target.value)} />
            </label>
          </div>
        ) : (
          <label className="grid gap-1 text-sm">
            <span className="font-medium">Public key you trust (optional, PEM)</span>
            <textarea className={`${input} h-20 font-mono text-xs`} value={keyPem} spellCheck={false} placeholder="-----BEGIN PUBLIC KEY-----" onChange={(e) => setKeyPem(e.target.value)} />
          </label>
        )}
        <button type="submit" disabled={!artifact || verify.pending} className="justify-self-start rounded-lg bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50">
          {verify.pending ? 'Verifying…' : 'Verify against this entry'}
        </button>
      </form>
      {verify.pending && <RunProgress label="Hashing the artifact and verifying it against the entry…" what="verifying against this entry" onCancel={verify.cancel} />}
      {verify.cancelled && !verify.pending && <CancelledNote>The artifact was not verified against this entry: the run was stopped. Your inputs are kept.</CancelledNote>}
      {verify.error && !verify.pending && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm wrap-anywhere dark:bg-red-950">
          {verify.error.message}
        </p>
      )}
      {out && !verify.pending && (
        <div className="grid min-w-0 gap-2" aria-label="Artifact verified against this entry">
          {renderResult(out.result, { artifactLabel: `${out.artifactName} (${out.artifactDigest})`, bundleLabel: `Rekor entry ${entry.uuid} at ${entry.logUrl}`, policyLabel: out.policyLabel })}
        </div>
      )}
    </section>
  );
}
