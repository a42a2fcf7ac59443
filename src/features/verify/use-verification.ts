// Runs a verification in the worker as a react-query mutation, with progress.
import type { VerificationResult } from '../../core';
import type { ImageVerificationResult } from '../../image';
import type { VerifyForm } from '../../lib/verify-form';
import { policyOf, verifierChoicesOf } from '../../lib/verify-form';
import { useWorkerRun, useWorkerRunner } from '../../lib/use-worker-run';
import type { WithoutId, WorkerRunner } from '../../lib/worker-runner';
import type { ArtifactSpec, WorkerReply, WorkerRequest } from './worker-protocol';

export interface Progress {
  phase: 'hashing' | 'downloading' | 'verifying';
  done: number;
  total: number;
  message?: string;
}

export type VerificationOutcome =
  | {
      kind: 'bundle';
      result: VerificationResult;
      /** The artifact's digest as verified (a file is hashed in the worker with the algorithm the bundle names), for reports and share links. */
      artifactDigest: string | null;
      form: VerifyForm;
    }
  | { kind: 'image'; result: ImageVerificationResult; form: VerifyForm }
  | { kind: 'signatures'; results: VerificationResult[]; artifactDigest: string | null; form: VerifyForm };

// The verification worker, one per page view (the runner starts it on the first run).
const startWorker = () => new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module', name: 'signet-verify' });

// Send the form to the worker and resolve with its result.
async function runInWorker(runner: WorkerRunner<WorkerRequest, WorkerReply>, form: VerifyForm, onProgress: (p: Progress) => void): Promise<VerificationOutcome> {
  const reply = await runner.run(requestFor(form), ['result', 'image-result', 'results'], {
    onProgress: (p) => onProgress({ phase: p.phase, done: p.done, total: p.total, ...(p.message ? { message: p.message } : {}) }),
  });
  if (reply.type === 'result') return { kind: 'bundle', result: reply.result, artifactDigest: reply.artifactDigest, form };
  if (reply.type === 'image-result') return { kind: 'image', result: reply.result, form };
  return { kind: 'signatures', results: reply.results, artifactDigest: reply.artifactDigest, form };
}

// The worker request a form describes.
function requestFor(form: VerifyForm): WithoutId<WorkerRequest> {
  const policy = policyOf(form);
  const { trustedRoot, options } = verifierChoicesOf(form);
  if (form.source === 'image') {
    const credentials = form.registryUsername && form.registryPassword ? { username: form.registryUsername, password: form.registryPassword } : null;
    return { type: 'verify-image', reference: form.imageRef.trim(), policy, trustedRoot, options, credentials };
  }
  const artifact: ArtifactSpec =
    form.artifact.kind === 'file' && form.artifact.file
      ? { kind: 'file', file: form.artifact.file }
      : form.artifact.kind === 'digest'
        ? { kind: 'digest', label: form.artifact.text.trim().toLowerCase() }
        : { kind: 'none' };
  return { type: 'verify', bundleText: form.bundleText, artifact, policy, trustedRoot, options };
}

// The verify action and its state: a new verification replaces a pending one; Cancel stops it.
export function useVerification() {
  const { run, data, ...state } = useWorkerRun(useWorkerRunner<WorkerRequest, WorkerReply>(startWorker, 'verification'), runInWorker);
  return { verify: run, outcome: data, ...state };
}
