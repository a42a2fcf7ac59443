// The signed bytes a result holds once (`result.signed`), turned on the page into what is shown and downloaded:
// the payload's bytes, the PAE they were signed as, the DSSE envelope and the predicate exactly as signed.
import { fromBase64, toBase64 } from '../core/encoding/base64';
import { utf8 } from '../core/encoding/bytes';
import { preAuthEncoding } from '../core/encoding/dsse-pae';
import type { SignedContent } from '../core';

// The payload's bytes: the text encoded back (lossless, the engine decoded it strictly), or the base64 decoded.
export function payloadBytes(signed: SignedContent): Uint8Array {
  return signed.encoding === 'utf-8' ? utf8(signed.payload) : fromBase64(signed.payload, 'DSSE payload');
}

// The bytes the signature covers: PAE(payloadType, payload) (DSSE protocol v1).
export function paeBytes(signed: SignedContent): Uint8Array {
  return preAuthEncoding(signed.payloadType, payloadBytes(signed));
}

// The DSSE envelope as one line of JSON: payload type, payload (base64) and the signatures as stored.
export function envelopeText(signed: SignedContent): string {
  return JSON.stringify({ payloadType: signed.payloadType, payload: toBase64(payloadBytes(signed)), signatures: signed.signatures });
}

// The statement's predicate exactly as signed (cut from the payload text), or undefined when it has none.
export function predicateText(signed: SignedContent): string | undefined {
  return signed.predicate && signed.payload.slice(signed.predicate.start, signed.predicate.end);
}
