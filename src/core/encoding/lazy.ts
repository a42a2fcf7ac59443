// Values made when first read: evidence nobody inspects is never built, yet reads as ordinary data.

// Give `target[key]` the value `make` returns, made when first read and then kept: an enumerable property, so JSON,
// structured clone and spreading see an ordinary value, at the key's place in the object.
export function defineLazy<T extends object, K extends keyof T & string>(target: T, key: K, make: () => T[K]): T {
  let made = false;
  let value: T[K];
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
  });
  return target;
}
