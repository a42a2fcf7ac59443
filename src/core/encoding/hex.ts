// Lower-case hexadecimal encoding with strict decoding.
import { VerifyError } from '../errors';
import { defineLazy } from './lazy';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const DIGITS = new TextEncoder().encode('0123456789abcdef');
const SMALL = 1024;

// Encode bytes as lower-case hex; large inputs (a signed payload of tens of MiB) as ASCII codes decoded at
// once, since a string grown character by character takes seconds at that size.
export function toHex(bytes: Uint8Array): string {
  if (bytes.length <= SMALL) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
    return out;
  }
  const codes = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    codes[2 * i] = DIGITS[bytes[i]! >> 4]!;
    codes[2 * i + 1] = DIGITS[bytes[i]! & 15]!;
  }
  return new TextDecoder().decode(codes);
}

// Decode hex (either case); throws HEX_INVALID on odd length or a non-hex character.
export function fromHex(text: string, where = 'hex value'): Uint8Array {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
    throw new VerifyError('HEX_INVALID', `${where} is not valid hexadecimal`, { where, found: text.slice(0, 80) });
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

// Give `target[key]` the hex of `bytes`, made when first read and then kept: an enumerable property, so JSON,
// structured clone and spreading see an ordinary string, but a value nobody reads is never encoded.
export function defineLazyHex<T extends object>(target: T, key: keyof T & string, bytes: Uint8Array): T {
  return defineLazy(target, key, () => toHex(bytes) as T[typeof key]);
}
