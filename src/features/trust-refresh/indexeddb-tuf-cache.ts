// Verified TUF metadata kept between visits in IndexedDB (browser and worker only): one record per repository
// and file name, so a later refresh starts from the newest verified root and catches a rollback.
import type { TufCache } from '../../audit';

const DB_NAME = 'signet-tuf';
const STORE = 'metadata';

// Open (and on first use create) the database.
function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

// One request in a transaction of its own, resolved when the transaction completes.
async function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

// The TufCache over IndexedDB; keys are "<repository URL> <file name>".
export function indexedDbTufCache(): TufCache {
  const key = (repository: string, name: string) => `${repository} ${name}`;
  return {
    async read(repository, name) {
      const value = await run('readonly', (s) => s.get(key(repository, name)) as IDBRequest<unknown>);
      return typeof value === 'string' ? value : undefined;
    },
    async write(repository, name, text) {
      await run('readwrite', (s) => s.put(text, key(repository, name)));
    },
  };
}
