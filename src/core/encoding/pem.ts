// PEM (RFC 7468) armour: find labelled blocks and decode them to DER.
import { VerifyError } from '../errors';
import { fromBase64, toBase64 } from './base64';

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const BEGIN = /-----BEGIN ([A-Z0-9 ]{1,64})-----/g;

// Every PEM block in the text, in order; throws PEM_INVALID when there is none. A linear scan: each
// BEGIN line is matched to the next END line of the same label (no backtracking on hostile text).
export function parsePem(text: string, where = 'PEM'): PemBlock[] {
  const blocks: PemBlock[] = [];
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
    const label = m[1]!;
    const end = text.indexOf(`-----END ${label}-----`, BEGIN.lastIndex);
    if (end < 0) break;
    const body = text.slice(BEGIN.lastIndex, end).replace(/\s+/g, '');
    blocks.push({ label, der: fromBase64(body, `${where} (${label})`) });
    BEGIN.lastIndex = end + label.length + 14;
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
