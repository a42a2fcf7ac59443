// The worker runner over real threads (node:worker_threads behind the Worker interface): replies by id, progress,
// replaced and cancelled runs, worker errors, listeners removed, a fresh worker after a stop.
import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { isRunStopped, RunStopped, WorkerRunner, type WorkerPort } from '../../src/lib/worker-runner';

// The test worker: answers by id; `spin` blocks its thread for good, so only terminate() can stop it.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  const reply = (r) => parentPort.postMessage({ id: m.id, ...r });
  if (m.type === 'echo') reply({ type: 'echo', value: m.value });
  else if (m.type === 'steps') {
    for (let i = 1; i <= m.n; i++) reply({ type: 'progress', message: 'step ' + i });
    parentPort.postMessage({ id: m.id + 1000, type: 'echo', value: 'not yours' });
    reply({ type: 'echo', value: 'after ' + m.n });
  }
  else if (m.type === 'fail') reply({ type: 'error', code: 'LIMIT_EXCEEDED', message: 'too large' });
  else if (m.type === 'odd') reply({ type: 'surprise' });
  else if (m.type === 'throw') throw new Error('boom in the worker');
  else if (m.type === 'spin') for (;;) {}
  // 'hang': never answers.
});
`;

type Request = { id: number; type: 'echo' | 'steps' | 'fail' | 'odd' | 'throw' | 'spin' | 'hang'; value?: string; n?: number };
type Reply = { id: number; type: 'echo'; value: string } | { id: number; type: 'progress'; message: string } | { id: number; type: 'error'; message: string; code?: string } | { id: number; type: 'surprise' };

// A node:worker_threads Worker seen through the Web Worker interface the runner uses.
class ThreadPort implements WorkerPort {
  readonly thread = new Worker(WORKER_SOURCE, { eval: true });
  readonly exited = new Promise<number>((resolve) => this.thread.once('exit', resolve));
  private readonly baseline = this.count();
  private readonly wrapped = new Map<string, Map<(event: Event) => void, (value: unknown) => void>>();

  postMessage(message: unknown): void {
    this.thread.postMessage(message);
  }

  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void {
    const wrap = (value: unknown) => listener((type === 'error' ? { type, message: (value as Error).message } : { type, data: value }) as unknown as Event);
    if (!this.wrapped.has(type)) this.wrapped.set(type, new Map());
    this.wrapped.get(type)!.set(listener, wrap);
    this.thread.on(type, wrap);
  }

  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void {
    const wrap = this.wrapped.get(type)?.get(listener);
    if (wrap) this.thread.off(type, wrap);
    this.wrapped.get(type)?.delete(listener);
  }

  terminate(): void {
    void this.thread.terminate();
  }

  // Listeners the runner holds on the thread right now (beyond those the thread had before the runner saw it).
  listeners(): number {
    return this.count() - this.baseline;
  }

  // Every 'message', 'error' and 'messageerror' listener on the thread.
  private count(): number {
    return this.thread.listenerCount('message') + this.thread.listenerCount('error') + this.thread.listenerCount('messageerror');
  }
}

let ports: ThreadPort[] = [];

// A runner whose workers are recorded, so a test can see which one answered and that old ones ended.
function runner(): WorkerRunner<Request, Reply> {
  return new WorkerRunner<Request, Reply>(() => {
    const port = new ThreadPort();
    ports.push(port);
    return port;
  }, 'test');
}

afterEach(async () => {
  await Promise.all(ports.map((p) => p.thread.terminate()));
  ports = [];
});

// Why a promise rejected.
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('the run resolved');
}

describe('WorkerRunner', () => {
  it('resolves with the reply of its own id, passes progress on and ignores replies for other ids', async () => {
    const r = runner();
    const progress: string[] = [];
    const reply = await r.run({ type: 'steps', n: 3 }, ['echo'], { onProgress: (p) => progress.push(p.message) });
    expect(reply).toMatchObject({ type: 'echo', value: 'after 3' });
    expect(progress).toEqual(['step 1', 'step 2', 'step 3']);
    expect(await r.run({ type: 'echo', value: 'second' }, ['echo'])).toMatchObject({ value: 'second' });
    expect(ports).toHaveLength(1);
    expect(ports[0]!.listeners()).toBe(0);
  });

  it('rejects an error reply with its code, and an unexpected reply naming its type', async () => {
    const r = runner();
    expect(((await rejection(r.run({ type: 'fail' }, ['echo']))) as Error).message).toBe('LIMIT_EXCEEDED: too large');
    expect(((await rejection(r.run({ type: 'odd' }, ['echo']))) as Error).message).toBe('the test worker answered surprise, not echo');
    expect(ports[0]!.listeners()).toBe(0);
  });

  it('holds three listeners per pending run and removes them whichever way it settles', async () => {
    const r = runner();
    const hanging = r.run({ type: 'hang' }, ['echo'], { lane: 'a' });
    const other = r.run({ type: 'hang' }, ['echo'], { lane: 'b' });
    expect(ports[0]!.listeners()).toBe(6);
    const replaced = r.run({ type: 'echo', value: 'x' }, ['echo'], { lane: 'a' });
    expect(isRunStopped(await rejection(hanging), 'replaced')).toBe(true);
    await replaced;
    expect(ports[0]!.listeners()).toBe(3);
    r.cancel();
    expect(isRunStopped(await rejection(other), 'cancelled')).toBe(true);
    expect(ports[0]!.listeners()).toBe(0);
  });

  it('a replaced run rejects as replaced at once, and its busy worker is terminated for a fresh one', async () => {
    const r = runner();
    const first = r.run({ type: 'spin' }, ['echo']);
    const second = r.run({ type: 'echo', value: 'the second' }, ['echo']);
    const stopped = await rejection(first);
    expect(stopped).toBeInstanceOf(RunStopped);
    expect((stopped as RunStopped).reason).toBe('replaced');
    expect((stopped as Error).message).toBe('replaced by a newer run');
    expect(await second).toMatchObject({ value: 'the second' });
    expect(ports).toHaveLength(2);
    await ports[0]!.exited;
    expect(ports[0]!.listeners()).toBe(0);
    expect(ports[1]!.thread.threadId).not.toBe(ports[0]!.thread.threadId);
  });

  it('keeps the worker when a replaced run shares it with another lane', async () => {
    const r = runner();
    const page = r.run({ type: 'steps', n: 1 }, ['echo'], { lane: 'page' });
    const first = r.run({ type: 'hang' }, ['echo'], { lane: 'search' });
    const second = r.run({ type: 'echo', value: 'search 2' }, ['echo'], { lane: 'search' });
    expect(isRunStopped(await rejection(first), 'replaced')).toBe(true);
    expect(await second).toMatchObject({ value: 'search 2' });
    expect(await page).toMatchObject({ value: 'after 1' });
    expect(ports).toHaveLength(1);
  });

  it('cancel() terminates a worker that nothing else can interrupt, rejects as cancelled, and the next run starts afresh', async () => {
    const r = runner();
    const spinning = r.run({ type: 'spin' }, ['echo']);
    r.cancel();
    const stopped = await rejection(spinning);
    expect(isRunStopped(stopped, 'cancelled')).toBe(true);
    expect((stopped as Error).message).toBe('cancelled');
    await ports[0]!.exited;
    expect(ports[0]!.listeners()).toBe(0);
    expect(await r.run({ type: 'echo', value: 'again' }, ['echo'])).toMatchObject({ value: 'again' });
    expect(ports).toHaveLength(2);
    r.cancel();
    expect(ports[1]!.listeners()).toBe(0);
  });

  it('a worker error rejects the pending run with the error, and the next run gets a fresh worker', async () => {
    const r = runner();
    const crashed = await rejection(r.run({ type: 'throw' }, ['echo']));
    expect(crashed).not.toBeInstanceOf(RunStopped);
    expect((crashed as Error).message).toBe('the test worker failed: boom in the worker');
    expect(ports[0]!.listeners()).toBe(0);
    expect(await r.run({ type: 'echo', value: 'recovered' }, ['echo'])).toMatchObject({ value: 'recovered' });
    expect(ports).toHaveLength(2);
  });

  it('dispose() rejects as disposed, and a remounted view can run again', async () => {
    const r = runner();
    const pending = r.run({ type: 'hang' }, ['echo']);
    r.dispose();
    expect(isRunStopped(await rejection(pending), 'disposed')).toBe(true);
    await ports[0]!.exited;
    expect(await r.run({ type: 'echo', value: 'remounted' }, ['echo'])).toMatchObject({ value: 'remounted' });
  });

  it('a message that cannot be cloned rejects its run and leaves no listener behind', async () => {
    const r = runner();
    const err = await rejection(r.run({ type: 'echo', value: (() => undefined) as unknown as string }, ['echo']));
    expect((err as Error).name).toBe('DataCloneError');
    expect(ports[0]!.listeners()).toBe(0);
    expect(await r.run({ type: 'echo', value: 'fine' }, ['echo'])).toMatchObject({ value: 'fine' });
  });

  it('a messageerror rejects every pending run and drops the worker (in-process port)', async () => {
    const port = Object.assign(new EventTarget(), { posted: 0, terminated: 0, postMessage: () => port.posted++, terminate: () => port.terminated++ });
    const starts: number[] = [];
    const r = new WorkerRunner<Request, Reply>(() => (starts.push(1), port), 'test');
    const a = r.run({ type: 'hang' }, ['echo'], { lane: 'a' });
    const b = r.run({ type: 'hang' }, ['echo'], { lane: 'b' });
    port.dispatchEvent(new Event('messageerror'));
    for (const p of [a, b]) expect(((await rejection(p)) as Error).message).toBe('the test worker failed: a reply could not be read');
    expect(port.terminated).toBe(1);
    void rejection(r.run({ type: 'hang' }, ['echo']));
    expect(starts).toHaveLength(2);
    r.cancel();
  });
});
