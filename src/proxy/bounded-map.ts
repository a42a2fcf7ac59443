// Keeps the proxy's in-memory tables bounded: entries live in insertion order and the oldest goes first.

// Sets key to value as the newest entry, then drops the oldest entry while the map holds more than max.
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
