// The artifact digests a signature input names (in-toto subjects, the message digest, hashedrekord entries), so a
// chosen file is hashed with every algorithm the bundle uses and compared under the one that matches.
import { digestLabel, IN_TOTO_PAYLOAD_TYPE, parseAnySignatureInput, parseDigestLabel, parseInTotoStatement, toHex, type Bundle, type HashAlg } from '../core';
import { parseRekorBody } from '../core/tlog';

/** Hex values named per algorithm. */
export type NamedDigests = Map<HashAlg, Set<string>>;

/** Strongest first, as the engine tries in-toto subjects. */
const ORDER: HashAlg[] = ['SHA-512', 'SHA-384', 'SHA-256'];

// Every digest the input's signatures name; an input that does not parse names none (the engine then reports it).
export function namedDigests(bundleText: string): NamedDigests {
  const named: NamedDigests = new Map();
  const add = (d: { algorithm: HashAlg; value: Uint8Array } | null) => {
    if (d) named.set(d.algorithm, (named.get(d.algorithm) ?? new Set()).add(toHex(d.value)));
  };
  let bundles: Bundle[];
  try {
    bundles = parseAnySignatureInput(bundleText);
  } catch {
    return named;
  }
  for (const bundle of bundles) {
    const content = bundle.content;
    if (content.kind === 'message') add(content.digest);
    else if (content.payloadType === IN_TOTO_PAYLOAD_TYPE) {
      for (const subject of attempt(() => parseInTotoStatement(content.payload).subjects) ?? []) {
        for (const [name, hex] of Object.entries(subject.digest)) add(parseDigestLabel(`${name}:${hex}`));
      }
    }
    for (const entry of bundle.tlogEntries) {
      const body = attempt(() => parseRekorBody(entry));
      if (body?.kind === 'hashedrekord') add(body.digest);
    }
  }
  return named;
}

// The algorithms to hash a file with: those named, strongest first; SHA-256 when the input names none.
export function algorithmsToHash(named: NamedDigests): HashAlg[] {
  const algorithms = ORDER.filter((a) => named.has(a));
  return algorithms.length ? algorithms : ['SHA-256'];
}

// The digest to verify with: the first computed one the input names, else the strongest computed (whose mismatch the
// engine then reports, naming both values).
export function matchingDigest(computed: ReadonlyMap<HashAlg, Uint8Array>, named: NamedDigests): { algorithm: HashAlg; value: Uint8Array; label: string } {
  const algorithms = ORDER.filter((a) => computed.has(a));
  const algorithm = algorithms.find((a) => named.get(a)?.has(toHex(computed.get(a)!))) ?? algorithms[0];
  if (!algorithm) throw new Error('no digest was computed');
  const value = computed.get(algorithm)!;
  return { algorithm, value, label: digestLabel(algorithm, value) };
}

// The value of f, or undefined when it throws (a part the engine will report on when it verifies).
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
