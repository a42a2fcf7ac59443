// The DSSE payload exactly as signed, kept once per result: every view, download, report, admission condition and
// the CLI read it there, and evidence refers to it (kind 'signed') instead of quoting it (DSSE protocol v1).
import type { DsseContent } from '../bundle';
import type { ByteRange, Evidence, EvidenceKey } from '../evidence';
import { signedPredicateBytes } from '../attest/predicate-bytes';
import { IN_TOTO_PAYLOAD_TYPE } from '../dsse';
import { isJsonObject, parseJson, toBase64, toHex, type JsonObject } from '../encoding';
import { LIMITS } from '../limits';
import type { SignedContent, VerificationResult } from './types';

/** How much of the signed bytes a step's evidence quotes: PAE bytes (as hex) and payload characters. */
export const SIGNED_PREVIEW = { paeBytes: 256, payloadChars: 2048 } as const;

// UTF-8 decoded strictly and with a leading byte order mark kept, so the text encodes back to the same bytes.
const lossless = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// The payload as text when it is UTF-8 (every in-toto statement is), else as base64; with the envelope's signatures
// and, for an in-toto statement, where its predicate sits in the text.
export function signedContentOf(content: DsseContent): SignedContent {
  const signatures = content.signatures.map((s) => ({ ...(s.keyid ? { keyid: s.keyid } : {}), sig: toBase64(s.sig) }));
  const base = { payloadType: content.payloadType, length: content.payload.length, signatures };
  let text: string;
  try {
    text = lossless.decode(content.payload);
  } catch {
    return { ...base, encoding: 'base64', payload: toBase64(content.payload) };
  }
  const predicate = content.payloadType === IN_TOTO_PAYLOAD_TYPE ? predicateRange(content.payload) : undefined;
  return { ...base, encoding: 'utf-8', payload: text, ...(predicate ? { predicate } : {}) };
}

// The statement's top-level "predicate" value as UTF-16 offsets into the payload text.
function predicateRange(payload: Uint8Array): { start: number; end: number } | undefined {
  const bytes = signedPredicateBytes(payload);
  if (!bytes) return undefined;
  const startByte = bytes.byteOffset - payload.byteOffset;
  const start = utf16Length(payload, 0, startByte);
  return { start, end: start + utf16Length(payload, startByte, startByte + bytes.length) };
}

// How many UTF-16 code units valid UTF-8 bytes [from, to) decode to, without decoding them: one per lead byte
// (every byte but the continuations 10xxxxxx), two for a four-byte sequence (a surrogate pair) (RFC 3629 §3).
function utf16Length(utf8: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = utf8[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

// Evidence naming the payload (or the PAE that wraps it) by its length and a bounded preview; the bytes themselves
// are the result's `signed`.
export function signedEvidence(key: EvidenceKey, label: string, part: 'payload' | 'pae', bytes: Uint8Array, highlight?: ByteRange[]): Evidence {
  const value = part === 'pae' ? toHex(bytes.subarray(0, SIGNED_PREVIEW.paeBytes)) : previewText(bytes);
  return { kind: 'signed', key, label, part, length: bytes.length, value, ...(highlight ? { highlight } : {}) };
}

// The payload's first characters as text (invalid UTF-8 shown as U+FFFD; the preview is for reading only).
function previewText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, SIGNED_PREVIEW.payloadChars * 4)).slice(0, SIGNED_PREVIEW.payloadChars);
}

/** Statements already read, by the result's signed content: admission conditions read one several times. */
const statements = new WeakMap<SignedContent, JsonObject | null>();

// The in-toto statement a result's signed payload carries, parsed from the one copy (undefined when it is none).
export function signedStatement(result: Pick<VerificationResult, 'signed'>): JsonObject | undefined {
  const signed = result.signed;
  if (!signed || signed.encoding !== 'utf-8' || signed.payloadType !== IN_TOTO_PAYLOAD_TYPE) return undefined;
  let statement = statements.get(signed);
  if (statement === undefined) {
    try {
      // A byte order mark is kept in the text (the bytes are exact) but is not JSON, as the engine's own reading skips it.
      const json = parseJson(signed.payload.replace(/^\uFEFF/, ''), 'in-toto statement', LIMITS.attestationBytes);
      statement = isJsonObject(json) ? json : null;
    } catch {
      statement = null;
    }
    statements.set(signed, statement);
  }
  return statement ?? undefined;
}
