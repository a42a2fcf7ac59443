// The page's side of the log worker: one worker for the mode's lifetime, requests matched to replies by id, every
// pending request rejected when the worker is closed or fails (never left hanging).
import { useEffect, useRef } from 'react';
import type { LogReply, LogRequest } from './log-protocol';

type Pending = { resolve: (r: LogReply) => void; reject: (e: Error) => void };
type RequestBody = LogRequest extends infer R ? (R extends LogRequest ? Omit<R, 'id'> : never) : never;

export class LogWorkerClient {
  private readonly worker = new Worker(new URL('./log-worker.ts', import.meta.url), { type: 'module', name: 'signet-log' });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<LogReply>) => {
      const waiting = this.pending.get(event.data.id);
      if (!waiting) return;
      this.pending.delete(event.data.id);
      if (event.data.type === 'error') waiting.reject(new Error(event.data.code ? `${event.data.code}: ${event.data.message}` : event.data.message));
      else waiting.resolve(event.data);
    });
    this.worker.addEventListener('error', (e) => this.rejectAll(`the log worker failed: ${e.message}`));
  }

  // Send a request; resolves with the reply of the expected type.
  call<T extends Exclude<LogReply['type'], 'error'>>(request: RequestBody, expect: T): Promise<Extract<LogReply, { type: T }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => (reply.type === expect ? resolve(reply as Extract<LogReply, { type: T }>) : reject(new Error(`the log worker answered ${reply.type}, not ${expect}`))),
        reject,
      });
      this.worker.postMessage({ ...request, id });
    });
  }

  // Stop the worker; whatever was still pending is rejected.
  close(): void {
    this.worker.terminate();
    this.rejectAll('the Transparency log mode was closed');
  }

  private rejectAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}

// The mode's worker client, started on mount and closed on unmount.
export function useLogWorker(): () => LogWorkerClient {
  const ref = useRef<LogWorkerClient | null>(null);
  useEffect(
    () => () => {
      ref.current?.close();
      ref.current = null;
    },
    [],
  );
  return () => (ref.current ??= new LogWorkerClient());
}
