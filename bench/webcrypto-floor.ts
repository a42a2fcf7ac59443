// The WebCrypto floor of one verification: the exact signature checks, key imports and large digests it made, replayed bare.
// Self-contained (no imports, no closures over module state) so the same functions run in Node and, serialised, in a page.

/** One WebCrypto call a verification made, with copies of its inputs. */
export type CryptoCall =
  | { op: 'verify'; algorithm: unknown; key: CryptoKey; importedAt: number; signature: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer>; valid?: boolean }
  | { op: 'digest'; algorithm: unknown; data: Uint8Array<ArrayBuffer> }
  | { op: 'importKey'; format: string; keyData: Uint8Array<ArrayBuffer>; algorithm: unknown; usages: string[] };

/** The calls of one recorded verification; `verify.importedAt` indexes the importKey call that made its key, or -1
 *  when the key was imported before (a trusted-root key the engine keeps across verifications). */
export interface CryptoRecording {
  calls: CryptoCall[];
  /** Signature checks that succeeded: the ones the verdict rests on. A failed attempt (an RSA key tried with
   *  PKCS#1 v1.5 before PSS) is counted in `attempts` and left out of the floor. */
  verifies: number;
  attempts: number;
  imports: number;
  digests: number;
  digestBytes: number;
}

// Run `fn` once with crypto.subtle's verify, digest and importKey recorded, then put the originals back.
export async function recordWebCrypto(fn: () => Promise<unknown>): Promise<CryptoRecording> {
  const proto = Object.getPrototypeOf(crypto.subtle) as SubtleCrypto;
  const original = { verify: proto.verify, digest: proto.digest, importKey: proto.importKey };
  const calls: CryptoCall[] = [];
  const madeBy = new Map<CryptoKey, number>();
  const copy = (b: BufferSource) => new Uint8Array(ArrayBuffer.isView(b) ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b.slice(0));
  Object.assign(proto, {
    verify(this: SubtleCrypto, algorithm: unknown, key: CryptoKey, signature: BufferSource, data: BufferSource) {
      const call: CryptoCall = { op: 'verify', algorithm, key, importedAt: madeBy.get(key) ?? -1, signature: copy(signature), data: copy(data) };
      calls.push(call);
      return original.verify.call(this, algorithm as AlgorithmIdentifier, key, signature, data).then((ok) => ((call.valid = ok), ok));
    },
    digest(this: SubtleCrypto, algorithm: unknown, data: BufferSource) {
      calls.push({ op: 'digest', algorithm, data: copy(data) });
      return original.digest.call(this, algorithm as AlgorithmIdentifier, data);
    },
    async importKey(this: SubtleCrypto, format: string, keyData: BufferSource, algorithm: unknown, extractable: boolean, usages: KeyUsage[]) {
      const at = calls.push({ op: 'importKey', format, keyData: copy(keyData), algorithm, usages }) - 1;
      const key = await original.importKey.call(this, format as 'spki', keyData, algorithm as AlgorithmIdentifier, extractable, usages);
      madeBy.set(key, at);
      return key;
    },
  });
  try {
    await fn();
  } finally {
    Object.assign(proto, original);
  }
  const count = (op: CryptoCall['op']) => calls.filter((c) => c.op === op).length;
  const digestBytes = calls.reduce((n, c) => n + (c.op === 'digest' ? c.data.length : 0), 0);
  const verifies = calls.filter((c) => c.op === 'verify' && c.valid).length;
  return { calls, verifies, attempts: count('verify') - verifies, imports: count('importKey'), digests: count('digest'), digestBytes };
}

// Replay a recording with nothing around it: every successful signature check (after importing its key when the
// verification had to), every large digest. `concurrent` issues them all at once, the bound for an engine that overlaps checks.
export async function replayWebCrypto(rec: CryptoRecording, concurrent: boolean): Promise<void> {
  const s = crypto.subtle;
  // Each key the verification imported is imported once per replay, however many checks use it.
  const imported = new Map<number, Promise<CryptoKey>>();
  const keyOf = (c: Extract<CryptoCall, { op: 'verify' }>) => {
    const made = rec.calls[c.importedAt];
    if (made?.op !== 'importKey') return Promise.resolve(c.key);
    if (!imported.has(c.importedAt)) imported.set(c.importedAt, s.importKey(made.format as 'spki', made.keyData, made.algorithm as AlgorithmIdentifier, false, made.usages as KeyUsage[]));
    return imported.get(c.importedAt)!;
  };
  const one = async (c: CryptoCall) => {
    if (c.op === 'digest') return void (await s.digest(c.algorithm as AlgorithmIdentifier, c.data));
    if (c.op !== 'verify' || !c.valid) return;
    const key = await keyOf(c);
    if (!(await s.verify(c.algorithm as AlgorithmIdentifier, key, c.signature, c.data))) throw new Error('a replayed signature check failed');
  };
  if (concurrent) await Promise.all(rec.calls.map(one));
  else for (const c of rec.calls) await one(c);
}
