// Certificate times (RFC 5280 §4.1.2.5) and their display form.
import { VerifyError } from '../errors';
import type { Tlv } from '../encoding';

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;

// UTCTime or GeneralizedTime in the forms RFC 5280 §4.1.2.5.1–2 allows, to ms since the epoch.
export function parseTime(tlv: Tlv, where: string): number {
  const text = String.fromCharCode(...tlv.value.subarray(0, 32));
  const m = tlv.value.length > 32 ? null : tlv.tag === 0x17 ? UTC_TIME.exec(text) : tlv.tag === 0x18 ? GENERALIZED_TIME.exec(text) : null;
  if (!m) throw new VerifyError('DER_INVALID', `${where}: not a UTCTime or GeneralizedTime in RFC 5280 form`, { where, found: text });
  const [yearText, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const year = tlv.tag === 0x17 ? (yearText >= 50 ? 1900 + yearText : 2000 + yearText) : yearText;
  const ms = Date.UTC(year, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new VerifyError('DER_INVALID', `${where}: impossible date ${text}`, { where, found: text });
  }
  return ms;
}

// ISO 8601 for a time in ms; an open end or an impossible value said in words.
export function formatTime(ms: number | undefined): string {
  if (ms === undefined) return 'open';
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? `invalid time ${ms}` : d.toISOString();
}
