// Runs a verification in the worker as a react-query mutation, with progress.
import { useCallback, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { VerificationResult } from '../../core';
import type { ImageVerificationResult } from '../../image';
import type { VerifyForm } from '../../lib/verify-form';
import { policyOf, verifierChoicesOf } from '../../lib/verify-form';
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

let worker: Worker | null = null;
let nextId = 1;

// One worker for the page; a new verification while one runs replaces it (the old one is terminated).
function freshWorker(busy: boolean): Worker {
  if (worker && busy) {
    worker.terminate();
    worker = null;
  }
  worker ??= new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module', name: 'signet-verify' });
  return worker;
}

let running = false;

// Send the form to the worker and resolve with its result.
function runInWorker(form: VerifyForm, onProgress: (p: Progress) => void): Promise<VerificationOutcome> {
  const w = freshWorker(running);
  running = true;
  const id = nextId++;
  const message = requestFor(form, id);
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') {
        onProgress({ phase: reply.phase, done: reply.done, total: reply.total, ...(reply.message ? { message: reply.message } : {}) });
        return;
      }
      w.removeEventListener('message', onMessage);
      running = false;
      if (reply.type === 'result') resolve({ kind: 'bundle', result: reply.result, artifactDigest: reply.artifactDigest, form });
      else if (reply.type === 'image-result') resolve({ kind: 'image', result: reply.result, form });
      else if (reply.type === 'results') resolve({ kind: 'signatures', results: reply.results, artifactDigest: reply.artifactDigest, form });
      else reject(new Error(reply.code ? `${reply.code}: ${reply.message}` : reply.message));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', (e) => reject(new Error(`the verification worker failed: ${e.message}`)), { once: true });
    w.postMessage(message);
  });
}

// The worker request a form describes.
function requestFor(form: VerifyForm, id: number): WorkerRequest {
  const policy = policyOf(form);
  const { trustedRoot, options } = verifierChoicesOf(form);
  if (form.source === 'image') {
    const credentials = form.registryUsername && form.registryPassword ? { username: form.registryUsername, password: form.registryPassword } : null;
    return { type: 'verify-image', id, reference: form.imageRef.trim(), policy, trustedRoot, options, credentials };
  }
  const artifact: ArtifactSpec =
    form.artifact.kind === 'file' && form.artifact.file
      ? { kind: 'file', file: form.artifact.file }
      : form.artifact.kind === 'digest'
        ? { kind: 'digest', label: form.artifact.text.trim().toLowerCase() }
        : { kind: 'none' };
  return { type: 'verify', id, bundleText: form.bundleText, artifact, policy, trustedRoot, options };
}

// The verify action and its state.
export function useVerification() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const mutation = useMutation({
    mutationFn: (form: VerifyForm) => runInWorker(form, setProgress),
    onSettled: () => setProgress(null),
  });
  const verify = useCallback((form: VerifyForm) => mutation.mutate(form), [mutation]);
  return { verify, outcome: mutation.data, error: mutation.error, pending: mutation.isPending, progress, reset: mutation.reset };
}
