// Walks the fields of one DER SEQUENCE in order, failing with TSA_PARSE_FAILED and the field's location.
import { VerifyError } from '../errors';
import { decodeOid, readChildren, readInteger, readTlv, toHex, type Tlv } from '../encoding';

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context1: 0xa1,
  implicit0: 0x80,
  implicit1: 0x81,
} as const;

// A TSA_PARSE_FAILED error naming where, what was expected and what was found.
export function parseError(where: string, expected: string, found?: string): VerifyError {
  return new VerifyError('TSA_PARSE_FAILED', `${where} is malformed: expected ${expected}${found ? `, found ${found}` : ''}`, {
    where,
    expected,
    found,
  });
}

// Read exactly one TLV spanning all of bytes, with the given tag.
export function readWhole(bytes: Uint8Array, tag: number, where: string, name: string): Tlv {
  const tlv = readTlv(bytes, 0, where);
  if (tlv.tag !== tag) throw parseError(where, name, tagName(tlv.tag));
  if (tlv.end !== bytes.length) throw parseError(where, `${name} with nothing after it`, `${bytes.length - tlv.end} trailing bytes`);
  return tlv;
}

// The children of a constructed TLV as an ordered cursor.
export class Fields {
  private index = 0;
  private readonly items: Tlv[];
  private readonly bytes: Uint8Array;

  constructor(
    parent: Tlv,
    readonly where: string,
  ) {
    this.bytes = parent.value;
    this.items = readChildren(parent.value, where);
  }

  // A field's whole encoding (tag, length and value), as a view into the original bytes.
  raw(tlv: Tlv): Uint8Array {
    return this.bytes.subarray(tlv.start, tlv.end);
  }

  // How many fields remain.
  get remaining(): number {
    return this.items.length - this.index;
  }

  // The next field, whatever its tag.
  nextAny(name: string): Tlv {
    const tlv = this.items[this.index];
    if (!tlv) throw parseError(`${this.where}.${name}`, 'a value', 'end of structure');
    this.index++;
    return tlv;
  }

  // The next field, which must carry tag.
  next(tag: number, name: string): Tlv {
    const tlv = this.items[this.index];
    if (!tlv) throw parseError(`${this.where}.${name}`, tagName(tag), 'end of structure');
    if (tlv.tag !== tag) throw parseError(`${this.where}.${name}`, tagName(tag), tagName(tlv.tag));
    this.index++;
    return tlv;
  }

  // The next field if it carries tag (an OPTIONAL or DEFAULT component).
  optional(tag: number): Tlv | undefined {
    const tlv = this.items[this.index];
    if (tlv?.tag !== tag) return undefined;
    this.index++;
    return tlv;
  }

  // Require that no fields remain.
  end(): void {
    const rest = this.items[this.index];
    if (rest) throw parseError(this.where, 'end of structure', `an extra field (${tagName(rest.tag)})`);
  }
}

// Describe a tag for error messages.
function tagName(tag: number): string {
  const names: Record<number, string> = {
    [TAG.boolean]: 'BOOLEAN',
    [TAG.integer]: 'INTEGER',
    [TAG.octetString]: 'OCTET STRING',
    [TAG.oid]: 'OBJECT IDENTIFIER',
    [TAG.generalizedTime]: 'GeneralizedTime',
    [TAG.sequence]: 'SEQUENCE',
    [TAG.set]: 'SET',
  };
  return names[tag] ?? `tag 0x${tag.toString(16).padStart(2, '0')}`;
}

// An OBJECT IDENTIFIER field in dotted form.
export function oidOf(tlv: Tlv): string {
  return decodeOid(tlv.value);
}

// A small non-negative INTEGER (versions, statuses, accuracy), bounded to 32 bits.
export function smallInt(tlv: Tlv, where: string): number {
  const v = readInteger(tlv, where);
  if (v.length === 0 || v.length > 4 || (v[0]! & 0x80) !== 0) throw parseError(where, 'a small non-negative INTEGER', `${v.length} bytes`);
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

// An INTEGER's content as hex without the sign byte DER adds before a high bit (serial numbers for display and matching).
export function serialHex(value: Uint8Array): string {
  return toHex(value.length > 1 && value[0] === 0 ? value.subarray(1) : value);
}
