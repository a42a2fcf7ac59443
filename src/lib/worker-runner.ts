// Runs requests on a Web Worker the runner owns: replies matched by id, progress passed on, a replaced or cancelled run settled at once.
//
// API
//   const runner = new WorkerRunner<Request, Reply>(() => new Worker(url, { type: 'module' }), 'verification');
//   const reply = await runner.run({ type: 'verify', … }, ['result'], { onProgress, lane });
//
// - `run(message, expect, options)` starts the worker if none is running, posts `{ ...message, id }` with a fresh id
//   and resolves with the first reply of that id whose `type` is in `expect`. Replies of type 'progress' go to
//   `options.onProgress`; a reply of type 'error' rejects with an Error reading "CODE: message"; any other type
//   rejects, naming the type. Replies with another id are ignored.
// - Runs are grouped in lanes (`options.lane`, default 'run'). A new run in a lane replaces the pending one there:
//   the old run rejects with `RunStopped('replaced')`. When no other lane is waiting, the worker is terminated too,
//   so stale work (a WebCrypto verify, a 64 MiB hash) does not hold back the new run, which gets a fresh worker.
// - `cancel()` terminates the worker (nothing else interrupts a running verify or hash), rejects every pending run
//   with `RunStopped('cancelled')`; the next run starts a fresh worker.
// - `dispose()` does the same with `RunStopped('disposed')`, for a view that unmounts; a later run starts afresh,
//   so a runner disposed by a remounting view stays usable.
// - A worker `error` or `messageerror` event rejects every pending run with an Error naming the worker and the
//   event's message; the worker is terminated and the next run starts a fresh one. A message that cannot be posted
//   (not structured-cloneable) rejects its run with the clone error.
// - Each run adds its own 'message', 'error' and 'messageerror' listeners and removes all three when it settles.
// The runner keeps no state outside its instance: hooks own one each (see use-worker-run).

/** The part of `Worker` the runner uses, so tests can run it over any worker-like port. */
export interface WorkerPort {
  postMessage(message: unknown): void;
  addEventListener(type: WorkerEventType, listener: (event: Event) => void): void;
  removeEventListener(type: WorkerEventType, listener: (event: Event) => void): void;
  terminate(): void;
}

type WorkerEventType = 'message' | 'error' | 'messageerror';
const EVENT_TYPES: readonly WorkerEventType[] = ['message', 'error', 'messageerror'];

export type StopReason = 'replaced' | 'cancelled' | 'disposed';

const STOP_MESSAGES: Record<StopReason, string> = {
  replaced: 'replaced by a newer run',
  cancelled: 'cancelled',
  disposed: 'closed with its view',
};

/** How a run ends when it was stopped rather than answered. */
export class RunStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(STOP_MESSAGES[reason]);
    this.name = 'RunStopped';
  }
}

// True when `err` says the run was stopped for `reason` (any reason when none is given).
export function isRunStopped(err: unknown, reason?: StopReason): err is RunStopped {
  return err instanceof RunStopped && (reason === undefined || err.reason === reason);
}

interface BaseReply {
  id: number;
  type: string;
  message?: string;
  code?: string;
}

export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface RunOptions<Reply> {
  onProgress?: (reply: Extract<Reply, { type: 'progress' }>) => void;
  lane?: string;
}

interface Pending {
  stop: (err: Error) => void;
}

export class WorkerRunner<Request extends { id: number }, Reply extends BaseReply> {
  private worker: WorkerPort | null = null;
  private readonly pending = new Map<string, Pending>();
  private nextId = 1;

  constructor(
    private readonly start: () => WorkerPort,
    private readonly name: string,
  ) {}

  // Post one request and wait for its answer (see the API above).
  run<K extends Reply['type']>(message: WithoutId<Request>, expect: readonly K[], options: RunOptions<Reply> = {}): Promise<Extract<Reply, { type: K }>> {
    const lane = options.lane ?? 'run';
    const previous = this.pending.get(lane);
    if (previous) {
      const alone = this.pending.size === 1;
      previous.stop(new RunStopped('replaced'));
      if (alone) this.drop();
    }
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const settle = (finish: () => void) => {
        for (const type of EVENT_TYPES) worker.removeEventListener(type, listeners[type]);
        if (this.pending.get(lane) === entry) this.pending.delete(lane);
        finish();
      };
      const onMessage = (event: Event) => {
        const reply = (event as MessageEvent<Reply>).data;
        if (reply?.id !== id) return;
        if (reply.type === 'progress') return options.onProgress?.(reply as Extract<Reply, { type: 'progress' }>);
        if ((expect as readonly string[]).includes(reply.type)) return settle(() => resolve(reply as Extract<Reply, { type: K }>));
        const failure = reply.type === 'error' ? (reply.code ? `${reply.code}: ${reply.message ?? ''}` : (reply.message ?? 'failed')) : `the ${this.name} worker answered ${reply.type}, not ${expect.join(' or ')}`;
        settle(() => reject(new Error(failure)));
      };
      const onFailure = (event: Event) => {
        const what = event.type === 'messageerror' ? 'a reply could not be read' : (event as ErrorEvent).message || 'it stopped';
        settle(() => reject(new Error(`the ${this.name} worker failed: ${what}`)));
        if (this.worker === worker) this.drop();
      };
      const listeners: Record<WorkerEventType, (event: Event) => void> = { message: onMessage, error: onFailure, messageerror: onFailure };
      const entry: Pending = { stop: (err) => settle(() => reject(err)) };
      this.pending.set(lane, entry);
      for (const type of EVENT_TYPES) worker.addEventListener(type, listeners[type]);
      try {
        worker.postMessage({ ...message, id });
      } catch (err) {
        // A message that cannot be cloned never reaches the worker.
        settle(() => reject(err instanceof Error ? err : new Error(String(err))));
      }
    });
  }

  // Stop everything: the worker is terminated and every pending run rejects as cancelled.
  cancel(): void {
    this.stopAll('cancelled');
  }

  // Stop everything because the view is going away; a later run starts a fresh worker.
  dispose(): void {
    this.stopAll('disposed');
  }

  // Reject every pending run with `reason` and terminate the worker.
  private stopAll(reason: StopReason): void {
    for (const p of [...this.pending.values()]) p.stop(new RunStopped(reason));
    this.drop();
  }

  // Terminate the current worker; the next run starts another.
  private drop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
