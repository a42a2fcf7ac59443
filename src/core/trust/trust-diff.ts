// What changed between two trusted roots: logs, CT logs, CAs and TSAs added or removed, validity changed.
import { toHex } from '../encoding';
import type { CertificateAuthority, TransparencyLogInstance, TrustedRoot, ValidityPeriod } from './types';

export type TrustChangeKind = 'added' | 'removed' | 'validity';

/** One difference, worded for people, with the entity's kind and identity. */
export interface TrustChange {
  kind: TrustChangeKind;
  entity: 'tlog' | 'ctlog' | 'certificateAuthority' | 'timestampAuthority';
  name: string;
  detail: string;
}

const day = (ms: number | undefined) => (ms === undefined ? 'open' : new Date(ms).toISOString().slice(0, 10));
const period = (v: ValidityPeriod) => `${day(v.start)} – ${day(v.end)}`;

// Every difference from `before` to `after`, entities matched by key ID (logs) or certificate chain (authorities).
export function diffTrustedRoots(before: TrustedRoot, after: TrustedRoot): TrustChange[] {
  const logName = (l: TransparencyLogInstance) => `${l.baseUrl} (key ${toHex(l.logId).slice(0, 16)}…)`;
  const caName = (c: CertificateAuthority) => `${c.subject.commonName || c.subject.organization || c.uri} (${c.uri})`;
  return [
    ...diff('tlog', before.tlogs, after.tlogs, (l) => toHex(l.logId), logName),
    ...diff('ctlog', before.ctlogs, after.ctlogs, (l) => toHex(l.logId), logName),
    ...diff('certificateAuthority', before.certificateAuthorities, after.certificateAuthorities, (c) => c.certChain.map(toHex).join('/'), caName),
    ...diff('timestampAuthority', before.timestampAuthorities, after.timestampAuthorities, (c) => c.certChain.map(toHex).join('/'), caName),
  ];
}

// Added, removed and re-dated entities of one kind.
function diff<T extends { validFor: ValidityPeriod }>(entity: TrustChange['entity'], before: T[], after: T[], id: (t: T) => string, name: (t: T) => string): TrustChange[] {
  const old = new Map(before.map((t) => [id(t), t]));
  const now = new Map(after.map((t) => [id(t), t]));
  const changes: TrustChange[] = [];
  for (const [key, t] of now) {
    const was = old.get(key);
    if (!was) changes.push({ kind: 'added', entity, name: name(t), detail: `valid ${period(t.validFor)}` });
    else if (was.validFor.start !== t.validFor.start || was.validFor.end !== t.validFor.end) changes.push({ kind: 'validity', entity, name: name(t), detail: `${period(was.validFor)} → ${period(t.validFor)}` });
  }
  for (const [key, t] of old) if (!now.has(key)) changes.push({ kind: 'removed', entity, name: name(t), detail: `was valid ${period(t.validFor)}` });
  return changes;
}
