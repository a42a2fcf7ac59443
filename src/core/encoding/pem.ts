// PEM (RFC 7468) armour: find labelled blocks and decode them to DER.
import { VerifyError } from '../errors';
import { fromBase64, toBase64 } from './base64';

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

// Every PEM block in the text, in order; throws PEM_INVALID when there is none.
export function parsePem(text: string, where = 'PEM'): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const body = m[2]!.replace(/\s+/g, '');
    blocks.push({ label: m[1]!, der: fromBase64(body, `${where} (${m[1]})`) });
  }
  if (blocks.length === 0) throw new VerifyError('PEM_INVALID', `${where} holds no PEM block`, { where });
  return blocks;
}

// The single block with the given label (the first when several).
export function parsePemBlock(text: string, label: string, where = 'PEM'): Uint8Array {
  const block = parsePem(text, where).find((b) => b.label === label);
  if (!block) throw new VerifyError('PEM_INVALID', `${where} holds no ${label} block`, { where, expected: label });
  return block.der;
}

// Armour DER bytes with a label, 64 characters a line, as Rekor and cosign write it.
export function toPem(der: Uint8Array, label: string): string {
  const b64 = toBase64(der);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
