// A view's worker runs as React state: one runner per view (disposed on unmount), pending, progress, Cancel and a
// neutral "cancelled" outcome that is neither a failure nor a result.
import { useCallback, useRef, useState, useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { isRunStopped, WorkerRunner, type WorkerPort } from './worker-runner';

// A runner owned by the calling view: its worker starts on the first run and is terminated when the view unmounts.
export function useWorkerRunner<Request extends { id: number }, Reply extends { id: number; type: string }>(start: () => WorkerPort, name: string): WorkerRunner<Request, Reply> {
  const [runner] = useState(() => new WorkerRunner<Request, Reply>(start, name));
  useEffect(() => () => runner.dispose(), [runner]);
  return runner;
}

export interface WorkerRun<Input, Output, Progress> {
  /** Start a run; one still pending is replaced (it never shows its answer). */
  run: (input: Input) => void;
  /** Stop the pending run: its worker is terminated, and the view shows `cancelled`. */
  cancel: () => void;
  data: Output | undefined;
  /** Why the last run failed; null when it succeeded, is pending or was cancelled. */
  error: Error | null;
  cancelled: boolean;
  pending: boolean;
  progress: Progress | null;
  /** Forget the last outcome (pending runs go on). */
  reset: () => void;
}

// Run `perform` on a view's runner as a mutation; progress reported by the latest run only. Cancel stops the runner,
// so every run pending on it (all its lanes) ends as cancelled.
export function useWorkerRun<Request extends { id: number }, Reply extends { id: number; type: string }, Input, Output, Progress = string>(
  runner: WorkerRunner<Request, Reply>,
  perform: (runner: WorkerRunner<Request, Reply>, input: Input, onProgress: (p: Progress) => void) => Promise<Output>,
): WorkerRun<Input, Output, Progress> {
  const [progress, setProgress] = useState<Progress | null>(null);
  const latest = useRef(0);
  const mutation = useMutation({
    mutationFn: async (input: Input) => {
      const run = ++latest.current;
      setProgress(null);
      try {
        return await perform(runner, input, (p) => latest.current === run && setProgress(p));
      } finally {
        if (latest.current === run) setProgress(null);
      }
    },
  });
  const cancel = useCallback(() => runner.cancel(), [runner]);
  const stopped = isRunStopped(mutation.error) ? mutation.error : null;
  return {
    run: mutation.mutate,
    cancel,
    data: mutation.data,
    error: stopped ? null : mutation.error,
    cancelled: stopped?.reason === 'cancelled',
    pending: mutation.isPending,
    progress,
    reset: mutation.reset,
  };
}
