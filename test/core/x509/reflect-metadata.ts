// A minimal Reflect metadata shim: @peculiar/x509 (through tsyringe) needs one and none is installed.
type Target = object;
const store = new WeakMap<Target, Map<unknown, unknown>>();
const slot = (key: unknown, prop?: string | symbol) => (prop === undefined ? key : `${String(prop)}\u0000${String(key)}`);

const shim = {
  defineMetadata(key: unknown, value: unknown, target: Target, prop?: string | symbol): void {
    let map = store.get(target);
    if (!map) store.set(target, (map = new Map()));
    map.set(slot(key, prop), value);
  },
  getOwnMetadata(key: unknown, target: Target, prop?: string | symbol): unknown {
    return store.get(target)?.get(slot(key, prop));
  },
  getMetadata(key: unknown, target: Target, prop?: string | symbol): unknown {
    for (let t: Target | null = target; t; t = Object.getPrototypeOf(t) as Target | null) {
      const map = store.get(t);
      if (map?.has(slot(key, prop))) return map.get(slot(key, prop));
    }
    return undefined;
  },
  hasMetadata(key: unknown, target: Target, prop?: string | symbol): boolean {
    return shim.getMetadata(key, target, prop) !== undefined;
  },
  metadata(key: unknown, value: unknown) {
    return (target: Target, prop?: string | symbol) => shim.defineMetadata(key, value, target, prop);
  },
};

const reflect = Reflect as unknown as Record<string, unknown>;
for (const [name, fn] of Object.entries(shim)) if (typeof reflect[name] !== 'function') reflect[name] = fn;
