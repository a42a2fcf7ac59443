// Strict base64 (RFC 4648 §4) and base64url (§5) codecs; protobuf-JSON accepts either alphabet.
import { VerifyError } from '../errors';

// Line breaks in a base64 text (skipped when decoding), counted without copying it.
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) n++;
  return n;
}

// Refuse base64 text whose decoded bytes would exceed maxBytes, before decoding any of it.
export function assertBase64Size(input: string, where: string, maxBytes: number): void {
  const maxChars = Math.ceil(maxBytes / 3) * 4;
  if (input.length <= maxChars) return;
  const chars = input.length - lineBreaks(input);
  if (chars <= maxChars) return;
  const bytes = Math.floor((chars * 3) / 4);
  throw new VerifyError('LIMIT_EXCEEDED', `${where} holds about ${bytes} bytes, over its limit of ${maxBytes}`, {
    where,
    expected: `at most ${maxBytes} bytes`,
    found: `about ${bytes} bytes (${chars} base64 characters)`,
  });
}

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// Every UTF-16 code unit to its sextet, -1 for a character outside both alphabets.
const DECODE = new Int8Array(65536).fill(-1);
for (let i = 0; i < 64; i++) DECODE[STD.charCodeAt(i)] = i;
DECODE['-'.charCodeAt(0)] = 62;
DECODE['_'.charCodeAt(0)] = 63;

// The 6-bit value of the base64 character at i; any other character is BASE64_INVALID.
function sextet(text: string, i: number, where: string): number {
  const code = text.charCodeAt(i);
  const v = DECODE[code]!;
  if (v < 0) throw new VerifyError('BASE64_INVALID', `${where} is not valid base64 (character ${JSON.stringify(text[i])} at ${i})`, { where });
  return v;
}

// Decode standard or URL-safe base64, with or without padding; line breaks are skipped (as Go's decoder,
// and so protojson, does: `base64` wraps at 76 columns); any other character is an error.
export function fromBase64(input: string, where = 'base64 value', maxBytes?: number): Uint8Array {
  if (maxBytes !== undefined) assertBase64Size(input, where, maxBytes);
  const text = input.includes('\n') || input.includes('\r') ? input.replace(/[\r\n]/g, '') : input;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const padding = text.length - end;
  if (padding > 2 || (padding > 0 && text.length % 4 !== 0) || end % 4 === 1) {
    throw new VerifyError('BASE64_INVALID', `${where} is not valid base64 (bad length or padding)`, { where });
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  // Whole groups of four characters make three bytes; the last partial group is read one character at a time.
  const whole = end - (end % 4);
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = DECODE[text.charCodeAt(i)]!;
    const b = DECODE[text.charCodeAt(i + 1)]!;
    const c = DECODE[text.charCodeAt(i + 2)]!;
    const d = DECODE[text.charCodeAt(i + 3)]!;
    // A character outside the alphabets is -1, which sets the sign bit: name the first such character.
    if ((a | b | c | d) < 0) for (let j = i; j < i + 4; j++) sextet(text, j, where);
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
    out[o++] = ((c & 3) << 6) | d;
  }
  let acc = 0;
  let bits = 0;
  for (let i = whole; i < end; i++) {
    acc = (acc << 6) | sextet(text, i, where);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) {
    throw new VerifyError('BASE64_INVALID', `${where} is not valid base64 (non-zero trailing bits)`, { where });
  }
  return out.subarray(0, o);
}

const STD_CODES = new TextEncoder().encode(STD);
const ascii = new TextDecoder();

// Encode bytes as padded standard base64, written as ASCII codes and decoded at once (a string grown four
// characters at a time costs more than the encoding itself).
export function toBase64(bytes: Uint8Array): string {
  return ascii.decode(toBase64Ascii(bytes));
}

// The padded standard base64 of bytes as its ASCII bytes, for bytes that embed it (a signed JSON payload).
export function toBase64Ascii(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = STD_CODES[n >> 18]!;
    out[o++] = STD_CODES[(n >> 12) & 63]!;
    out[o++] = STD_CODES[(n >> 6) & 63]!;
    out[o++] = STD_CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = STD_CODES[n >> 18]!;
    out[o++] = STD_CODES[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? STD_CODES[(n >> 6) & 63]! : 61; /* = */
    out[o++] = 61;
  }
  return out;
}
