// Values made when first read: enumerable accessors that compute once, for record fields many runs never read.

// Give `target[key]` the value `make()` returns, made when first read and then kept. The property is enumerable, so
// JSON, structured clone and spreading see an ordinary value; assigning it replaces it with a plain data property.
export function defineLazy<T extends object, K extends keyof T & string>(target: T, key: K, make: () => T[K]): T {
  let made = false;
  let value: T[K];
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) [value, made] = [make(), true];
      return value;
    },
    set: (v: T[K]) => Object.defineProperty(target, key, { value: v, enumerable: true, configurable: true, writable: true }),
  });
  return target;
}
