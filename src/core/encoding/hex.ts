// Lower-case hexadecimal encoding with strict decoding.
import { VerifyError } from '../errors';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// Encode bytes as lower-case hex.
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
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
