// One request to a page-wide worker: replies matched by id, progress lines passed on, both listeners removed when it settles.
export interface WorkerReply {
  id: number;
  type: string;
  message?: string;
  code?: string;
}

let nextId = 1;

// Post `message` (given its id) and settle on the first reply of another type than 'progress': `done` for the
// success type, an Error naming the code otherwise, or the worker's own failure.
export function requestFromWorker<R extends WorkerReply, T>(
  worker: Worker,
  message: (id: number) => unknown,
  settle: { done: (reply: R) => T | undefined; onProgress?: (line: string) => void; name: string },
): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const cleanUp = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<R>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') return settle.onProgress?.(reply.message ?? '');
      cleanUp();
      const value = settle.done(reply);
      if (value !== undefined) resolve(value);
      else reject(new Error(reply.code ? `${reply.code}: ${reply.message}` : (reply.message ?? 'no answer')));
    };
    const onError = (e: ErrorEvent) => {
      cleanUp();
      reject(new Error(`the ${settle.name} worker failed: ${e.message}`));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage(message(id));
  });
}
