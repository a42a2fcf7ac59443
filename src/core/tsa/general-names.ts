// GeneralName(s) in timestamp tokens (RFC 5280 §4.2.1.6), read strictly: TSTInfo.tsa and ESSCertID's issuerSerial.
import { readChildren, readTlv } from '../encoding';
import { formatName } from '../x509/names';
import { parseError } from './der-fields';

// The GeneralName CHOICE's alternatives [0]–[8] (RFC 5280 §4.2.1.6), in their DER identifier octets.
const GENERAL_NAME_TAGS = new Set([0xa0, 0x81, 0x82, 0xa3, 0xa4, 0xa5, 0x86, 0x87, 0x88]);

// Exactly one GeneralName spanning `value`; a directoryName [4] EXPLICIT Name must hold one well-formed Name.
export function assertGeneralName(value: Uint8Array, where: string): void {
  const name = readTlv(value, 0, where);
  if (name.end !== value.length || !GENERAL_NAME_TAGS.has(name.tag)) throw parseError(where, 'one GeneralName (RFC 5280 §4.2.1.6)', `tag 0x${name.tag.toString(16)}`);
  if (name.tag === 0xa4) {
    const dn = readTlv(name.value, 0, where);
    if (dn.tag !== 0x30 || dn.end !== name.value.length) throw parseError(where, 'a directoryName holding one Name SEQUENCE', `tag 0x${dn.tag.toString(16)}`);
    formatName(dn.value, where);
  }
}

// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName, given as the SEQUENCE's content.
export function assertGeneralNames(content: Uint8Array, where: string): void {
  const names = readChildren(content, where);
  if (names.length === 0) throw parseError(where, 'at least one GeneralName (RFC 5280 §4.2.1.6)', 'none');
  names.forEach((n, i) => assertGeneralName(content.subarray(n.start, n.end), `${where}[${i}]`));
}
