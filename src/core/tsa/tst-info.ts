// TSTInfo, the content a timestamp authority signs (RFC 3161 §2.4.2).
import { quote } from '../encoding/quote';
import { hashAlgorithmOf } from './algorithms';
import { assertDer, readBoolean, readInteger } from '../encoding';
import { Fields, TAG, oidOf, parseError, readWhole, smallInt } from './der-fields';
import { assertGeneralName } from './general-names';
import type { Accuracy, TstInfo } from './types';

// Parse the TSTInfo DER carried as the token's eContent.
export function parseTstInfo(der: Uint8Array, where: string): TstInfo {
  // The TSTInfo is signed as DER inside an OCTET STRING: the whole of it is DER, down to the TSA's name.
  assertDer(der, where);
  const f = new Fields(readWhole(der, TAG.sequence, where, 'TSTInfo SEQUENCE'), where);
  const version = smallInt(f.next(TAG.integer, 'version'), `${where}.version`);
  if (version !== 1) throw parseError(`${where}.version`, 'v1 (1)', String(version));
  const policy = oidOf(f.next(TAG.oid, 'policy'));
  const imprint = new Fields(f.next(TAG.sequence, 'messageImprint'), `${where}.messageImprint`);
  const hashAlgorithm = hashAlgorithmOf(imprint.next(TAG.sequence, 'hashAlgorithm'), `${where}.messageImprint.hashAlgorithm`);
  const hashedMessage = imprint.next(TAG.octetString, 'hashedMessage').value;
  imprint.end();
  const serialNumber = readInteger(f.next(TAG.integer, 'serialNumber'), `${where}.serialNumber`);
  if (serialNumber.length === 0 || serialNumber.length > 160) throw parseError(`${where}.serialNumber`, 'an INTEGER of 1 to 160 bytes', `${serialNumber.length} bytes`);
  const genTimeTlv = f.next(TAG.generalizedTime, 'genTime');
  const genTimeText = String.fromCharCode(...genTimeTlv.value.subarray(0, 64));
  const genTime = parseGeneralizedTime(genTimeText, `${where}.genTime`);
  const accuracyTlv = f.optional(TAG.sequence);
  const orderingTlv = f.optional(TAG.boolean);
  const nonceTlv = f.optional(TAG.integer);
  const nonce = nonceTlv ? readInteger(nonceTlv, `${where}.nonce`) : undefined;
  const tsaName = f.optional(TAG.context0);
  if (tsaName) assertGeneralName(tsaName.value, `${where}.tsa`);
  f.optional(TAG.context1); // extensions: read past; RFC 3161 defines none that changes what is asserted
  f.end();
  const info: TstInfo = {
    der,
    policy,
    messageImprint: { hashAlgorithm, hashedMessage },
    serialNumber,
    genTime,
    genTimeText,
    ordering: orderingTlv ? readBoolean(orderingTlv, `${where}.ordering`) : false,
  };
  if (accuracyTlv) info.accuracy = parseAccuracy(new Fields(accuracyTlv, `${where}.accuracy`));
  if (nonce) info.nonce = nonce;
  if (tsaName) info.tsaName = tsaName.value;
  return info;
}

// Accuracy ::= SEQUENCE { seconds INTEGER OPTIONAL, millis [0] 1..999 OPTIONAL, micros [1] 1..999 OPTIONAL }.
function parseAccuracy(f: Fields): Accuracy {
  const seconds = f.optional(TAG.integer);
  const millis = f.optional(TAG.implicit0);
  const micros = f.optional(TAG.implicit1);
  f.end();
  const sub = (tlv: typeof millis, name: string): number => {
    if (!tlv) return 0;
    const n = smallInt(tlv, `${f.where}.${name}`);
    if (n < 1 || n > 999) throw parseError(`${f.where}.${name}`, '1 to 999', String(n));
    return n;
  };
  return { seconds: seconds ? smallInt(seconds, `${f.where}.seconds`) : 0, millis: sub(millis, 'millis'), micros: sub(micros, 'micros') };
}

const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/;

// GeneralizedTime as RFC 3161 §2.4.2 restricts it: UTC ("Z"), seconds present, fraction without trailing zeros.
export function parseGeneralizedTime(text: string, where: string): number {
  const m = GENERALIZED_TIME.exec(text);
  if (!m) throw parseError(where, 'YYYYMMDDhhmmss[.f]Z', quote(text));
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!valid) throw parseError(where, 'a calendar date and time', quote(text));
  return date.getTime();
}
