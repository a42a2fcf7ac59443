// Rekor entry bodies: the canonicalized JSON {apiVersion, kind, spec} the log hashed into its tree.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { JsonFields, fromBase64, fromHex, fromUtf8, isJsonObject, parseJson, parsePem, type JsonObject, type JsonValue } from '../encoding';
import type { HashAlg } from '../crypto';
import type { TlogEntry } from '../bundle/types';

export type RekorKind = 'hashedrekord' | 'dsse' | 'intoto';

// A key or certificate recorded in the body, as DER.
export interface LoggedVerifier {
  form: 'certificate' | 'publicKey';
  der: Uint8Array;
  /** JSON path inside the body. */
  path: string;
}

// A signature recorded in the body with the verifier next to it; intoto 0.0.1 records only the key (signature null).
export interface LoggedSignature {
  signature: Uint8Array | null;
  verifier: LoggedVerifier;
  path: string;
}

// The digest recorded in the body: hashedrekord's signed digest, or dsse/intoto's payload hash.
export interface LoggedDigest {
  algorithm: HashAlg;
  value: Uint8Array;
  path: string;
}

export interface RekorBody {
  kind: RekorKind;
  apiVersion: string;
  /** Rekor v1 bodies follow the OpenAPI types; Rekor v2 bodies are protobuf-JSON (rekor-tiles). */
  rekor: 1 | 2;
  digest: LoggedDigest;
  signatures: LoggedSignature[];
  /** Where in the input the entry came from. */
  where: string;
}

const V1_HASHES: Record<string, HashAlg> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
const V2_HASHES: Record<string, HashAlg> = { SHA2_256: 'SHA-256', SHA2_384: 'SHA-384', SHA2_512: 'SHA-512' };

// Typed access to the body JSON: each read names its path inside the body; a wrong shape is TLOG_BODY_INVALID.
class BodyReader {
  private readonly f = new JsonFields('TLOG_BODY_INVALID', 'TLOG_BODY_INVALID');

  constructor(private readonly where: string) {}

  // The location of a body path in the input.
  at(path: string): string {
    return `${this.where}.${path}`;
  }

  // Throw TLOG_BODY_INVALID at a body path.
  invalid(path: string, expected: string, found: JsonValue | undefined): never {
    return this.f.invalid(this.at(path), expected, found);
  }

  // An object field.
  object(parent: JsonObject, key: string, path: string): JsonObject {
    return this.f.object(parent[key], this.at(path));
  }

  // A string field.
  string(parent: JsonObject, key: string, path: string): string {
    return this.f.string(parent[key], this.at(path));
  }

  // A non-empty array of objects, capped like DSSE signatures.
  array(parent: JsonObject, key: string, path: string): JsonObject[] {
    const items = this.f.array(parent[key], this.at(path), LIMITS.dsseSignatures);
    if (items.length === 0) this.invalid(path, 'a non-empty array', items);
    return items.map((item, i) => this.f.object(item, this.at(`${path}[${i}]`)));
  }

  // Bytes from a base64 string field.
  bytes(parent: JsonObject, key: string, path: string): Uint8Array {
    return this.f.bytes(parent[key], this.at(path));
  }

  // A v1 {algorithm, value: hex} hash.
  v1Hash(parent: JsonObject, key: string, path: string): LoggedDigest {
    const hash = this.object(parent, key, path);
    const name = this.string(hash, 'algorithm', `${path}.algorithm`);
    const algorithm = V1_HASHES[name] ?? this.invalid(`${path}.algorithm`, 'sha256, sha384 or sha512', name);
    const value = fromHex(this.string(hash, 'value', `${path}.value`), this.at(`${path}.value`));
    return { algorithm, value, path: `${path}.value` };
  }

  // A v2 HashOutput {algorithm, digest: base64}.
  v2Hash(parent: JsonObject, key: string, path: string): LoggedDigest {
    const hash = this.object(parent, key, path);
    const name = this.string(hash, 'algorithm', `${path}.algorithm`);
    const algorithm = V2_HASHES[name] ?? this.invalid(`${path}.algorithm`, 'SHA2_256, SHA2_384 or SHA2_512', name);
    return { algorithm, value: this.bytes(hash, 'digest', `${path}.digest`), path: `${path}.digest` };
  }

  // A v1 verifier: base64 of a PEM certificate or PEM public key.
  pemVerifier(parent: JsonObject, key: string, path: string): LoggedVerifier {
    const pem = fromUtf8(this.bytes(parent, key, path), this.at(path));
    // A PEM certificate is at most about 4/3 of the DER cap; refuse more before scanning for blocks.
    if (pem.length > LIMITS.certificateBytes * 2) this.invalid(path, `a PEM block under ${LIMITS.certificateBytes * 2} characters`, pem.length);
    const block = parsePem(pem, this.at(path))[0]!;
    if (block.label === 'CERTIFICATE') return { form: 'certificate', der: block.der, path };
    if (block.label === 'PUBLIC KEY') return { form: 'publicKey', der: block.der, path };
    return this.invalid(path, 'a CERTIFICATE or PUBLIC KEY PEM block', block.label);
  }

  // An intoto 0.0.2 signature, which Rekor stores base64-encoded twice.
  doubleBase64(parent: JsonObject, key: string, path: string): Uint8Array {
    const inner = this.bytes(parent, key, path);
    try {
      return fromBase64(fromUtf8(inner, path), path);
    } catch {
      return this.invalid(path, 'base64 of the base64 signature', parent[key]);
    }
  }

  // A v2 Verifier {x509Certificate: {rawBytes}} or {publicKey: {rawBytes}}.
  v2Verifier(parent: JsonObject, key: string, path: string): LoggedVerifier {
    const verifier = this.object(parent, key, path);
    if (verifier.x509Certificate !== undefined) {
      const p = `${path}.x509Certificate.rawBytes`;
      return { form: 'certificate', der: this.bytes(this.object(verifier, 'x509Certificate', `${path}.x509Certificate`), 'rawBytes', p), path: p };
    }
    const p = `${path}.publicKey.rawBytes`;
    return { form: 'publicKey', der: this.bytes(this.object(verifier, 'publicKey', `${path}.publicKey`), 'rawBytes', p), path: p };
  }

  // A v2 Signature {content: base64, verifier}.
  v2Signature(sig: JsonObject, path: string): LoggedSignature {
    return {
      signature: this.bytes(sig, 'content', `${path}.content`),
      verifier: this.v2Verifier(sig, 'verifier', `${path}.verifier`),
      path: `${path}.content`,
    };
  }
}

type SpecParser = (r: BodyReader, spec: JsonObject) => Pick<RekorBody, 'rekor' | 'digest' | 'signatures'>;

// Field layouts per kind and version (Rekor pkg/types/*/v0.0.x schemas; rekor-tiles protobuf for 0.0.2 v2 kinds).
const SPEC_PARSERS: Record<string, SpecParser> = {
  'hashedrekord/0.0.1': (r, spec) => {
    const sig = r.object(spec, 'signature', 'spec.signature');
    return {
      rekor: 1,
      digest: r.v1Hash(r.object(spec, 'data', 'spec.data'), 'hash', 'spec.data.hash'),
      signatures: [
        {
          signature: r.bytes(sig, 'content', 'spec.signature.content'),
          verifier: r.pemVerifier(r.object(sig, 'publicKey', 'spec.signature.publicKey'), 'content', 'spec.signature.publicKey.content'),
          path: 'spec.signature.content',
        },
      ],
    };
  },
  'dsse/0.0.1': (r, spec) => ({
    rekor: 1,
    digest: r.v1Hash(spec, 'payloadHash', 'spec.payloadHash'),
    signatures: r.array(spec, 'signatures', 'spec.signatures').map((s, i) => ({
      signature: r.bytes(s, 'signature', `spec.signatures[${i}].signature`),
      verifier: r.pemVerifier(s, 'verifier', `spec.signatures[${i}].verifier`),
      path: `spec.signatures[${i}].signature`,
    })),
  }),
  'intoto/0.0.1': (r, spec) => ({
    rekor: 1,
    digest: r.v1Hash(r.object(spec, 'content', 'spec.content'), 'payloadHash', 'spec.content.payloadHash'),
    signatures: [{ signature: null, verifier: r.pemVerifier(spec, 'publicKey', 'spec.publicKey'), path: 'spec.publicKey' }],
  }),
  'intoto/0.0.2': (r, spec) => {
    const content = r.object(spec, 'content', 'spec.content');
    const envelope = r.object(content, 'envelope', 'spec.content.envelope');
    return {
      rekor: 1,
      digest: r.v1Hash(content, 'payloadHash', 'spec.content.payloadHash'),
      signatures: r.array(envelope, 'signatures', 'spec.content.envelope.signatures').map((s, i) => {
        const path = `spec.content.envelope.signatures[${i}]`;
        return { signature: r.doubleBase64(s, 'sig', `${path}.sig`), verifier: r.pemVerifier(s, 'publicKey', `${path}.publicKey`), path: `${path}.sig` };
      }),
    };
  },
  'hashedrekord/0.0.2': (r, spec) => {
    const v2 = r.object(spec, 'hashedRekordV002', 'spec.hashedRekordV002');
    return {
      rekor: 2,
      digest: r.v2Hash(v2, 'data', 'spec.hashedRekordV002.data'),
      signatures: [r.v2Signature(r.object(v2, 'signature', 'spec.hashedRekordV002.signature'), 'spec.hashedRekordV002.signature')],
    };
  },
  'dsse/0.0.2': (r, spec) => {
    const v2 = r.object(spec, 'dsseV002', 'spec.dsseV002');
    return {
      rekor: 2,
      digest: r.v2Hash(v2, 'payloadHash', 'spec.dsseV002.payloadHash'),
      signatures: r.array(v2, 'signatures', 'spec.dsseV002.signatures').map((s, i) => r.v2Signature(s, `spec.dsseV002.signatures[${i}]`)),
    };
  },
};

// Parse the canonicalized body of a log entry; its kind and apiVersion must be the ones the entry declares.
export function parseRekorBody(entry: TlogEntry): RekorBody {
  const where = `${entry.where}.canonicalizedBody`;
  if (entry.canonicalizedBody.length > LIMITS.tlogBodyBytes) {
    throw new VerifyError('INPUT_TOO_LARGE', 'the entry body is too large', {
      expected: `at most ${LIMITS.tlogBodyBytes} bytes`,
      found: String(entry.canonicalizedBody.length),
      where,
    });
  }
  const json = parseJson(fromUtf8(entry.canonicalizedBody, where), where, LIMITS.tlogBodyBytes);
  const r = new BodyReader(where);
  if (!isJsonObject(json)) throw new VerifyError('TLOG_BODY_INVALID', 'the entry body is not a JSON object', { expected: 'a JSON object', found: Array.isArray(json) ? 'an array' : typeof json, where });
  const kind = r.string(json, 'kind', 'kind');
  const apiVersion = r.string(json, 'apiVersion', 'apiVersion');
  if (kind !== entry.kind || apiVersion !== entry.version) {
    throw new VerifyError('TLOG_BODY_MISMATCH', `the body is a ${kind} ${apiVersion} entry, the bundle says ${entry.kind} ${entry.version}`, {
      expected: `${entry.kind} ${entry.version}`,
      found: `${kind} ${apiVersion}`,
      where: `${where}.kind`,
    });
  }
  const parse = SPEC_PARSERS[`${kind}/${apiVersion}`];
  if (!parse) {
    throw new VerifyError('TLOG_KIND_UNSUPPORTED', `${kind} ${apiVersion} entries are not supported`, {
      expected: Object.keys(SPEC_PARSERS).join(', '),
      found: `${kind}/${apiVersion}`,
      where: `${where}.kind`,
    });
  }
  const spec = r.object(json, 'spec', 'spec');
  return { kind: kind as RekorKind, apiVersion, ...parse(r, spec), where };
}
