// timestamp.rfc3161 and time.validity: trusted times for the signature, and the certificate valid at each.
import { VerifyError } from '../../errors';
import { bytesEqual } from '../../encoding';
import { parseTimestampToken, verifyTimestamp } from '../../tsa';
import type { Evidence } from '../../evidence';
import type { VerifyContext } from '../context';
import type { StepOutcome } from '../step-recorder';
import { StepFailure } from '../step-failure';

// The bytes an RFC 3161 timestamp in a bundle covers: the signature (Sigstore client spec §4.1).
function timestampedBytes(ctx: VerifyContext): Uint8Array {
  const c = ctx.bundle.content;
  return c.kind === 'message' ? c.signature : c.signatures[0]!.sig;
}

// Verify every RFC 3161 token; each verified one adds a verified time.
export async function checkRfc3161(ctx: VerifyContext): Promise<StepOutcome> {
  const tokens = ctx.bundle.rfc3161Timestamps;
  const evidence: Evidence[] = (ctx.trust.unusable ?? []).map((u) => ({ kind: 'text', label: 'left out of the trusted root', value: u }));
  const signed = timestampedBytes(ctx);
  for (const [i, der] of tokens.entries()) {
    const where = `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}]`;
    try {
      const result = await verifyTimestamp(parseTimestampToken(der, where), signed, ctx.trust.timestampAuthorities);
      // The same token twice is one time: tokens are told apart by their bytes, named by the first one's index.
      ctx.verifiedTimes.push({ time: result.time, source: 'rfc3161', where, identity: `tsa:${tokens.findIndex((t) => bytesEqual(t, der))}` });
      evidence.push(...result.evidence.map((e) => (tokens.length > 1 ? { ...e, label: `[${i}] ${e.label}` } : e)));
    } catch (err) {
      throw StepFailure.of(err, evidence);
    }
  }
  const times = ctx.verifiedTimes.filter((t) => t.source === 'rfc3161').map((t) => new Date(t.time).toISOString());
  return { summary: `${tokens.length === 1 ? 'A trusted timestamp authority attests' : `${tokens.length} timestamps attest`} the signature existed at ${times.join(', ')}.`, evidence };
}

// With no verified time and none required, only the current time is checked, and the step says so.
function checkedNowOnly(ctx: VerifyContext, window: string): StepOutcome {
  const leaf = ctx.leaf!;
  const at = new Date(ctx.now).toISOString();
  if (ctx.now < leaf.notBefore || ctx.now > leaf.notAfter) {
    throw new VerifyError('CERT_NOT_VALID_AT_TIME', `no verified time, and the current time ${at} is outside the certificate's validity ${window}`, { where: 'verification time', expected: `a time within ${window}`, found: at });
  }
  return {
    waived: true,
    summary: `Not checked: no verified time was required (--timestamp-threshold 0), so nothing proves when the signature was made; the certificate is valid now (${at}).`,
    evidence: [
      { kind: 'text', label: 'certificate validity', value: window },
      { kind: 'time', label: 'current time', value: at },
    ],
  };
}

// The leaf was valid at every verified time, and enough distinct verified times exist.
export function checkTimeValidity(ctx: VerifyContext): StepOutcome {
  const leaf = ctx.leaf!;
  // The steps that verified these times ran concurrently; the record lists them in input order.
  ctx.verifiedTimes.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
  const window = `${new Date(leaf.notBefore).toISOString()} to ${new Date(leaf.notAfter).toISOString()}`;
  const distinct = new Map(ctx.verifiedTimes.map((t) => [t.identity, t]));
  if (ctx.req.useSignedTimestamps && !ctx.verifiedTimes.some((t) => t.source === 'rfc3161')) {
    throw new VerifyError('TIMESTAMP_THRESHOLD', 'signed timestamps were asked for (--use-signed-timestamps), but no RFC 3161 timestamp verified', {
      where: 'verificationMaterial.timestampVerificationData',
      expected: 'at least 1 verified RFC 3161 timestamp',
      found: `${ctx.bundle.rfc3161Timestamps.length} timestamp(s), none verified`,
    });
  }
  if (distinct.size === 0 && ctx.thresholds.timestamps === 0) return checkedNowOnly(ctx, window);
  if (distinct.size < ctx.thresholds.timestamps) {
    throw new VerifyError('TIMESTAMP_THRESHOLD', `${distinct.size} verified timestamp${distinct.size === 1 ? '' : 's'}, ${ctx.thresholds.timestamps} required: nothing proves when the certificate was used`, {
      where: 'verificationMaterial',
      expected: `at least ${ctx.thresholds.timestamps} verified time (a signed entry timestamp or an RFC 3161 timestamp)`,
      found: String(distinct.size),
    });
  }
  const evidence: Evidence[] = [{ kind: 'text', label: 'certificate validity', value: window }];
  for (const t of distinct.values()) {
    const at = new Date(t.time).toISOString();
    if (t.time < leaf.notBefore || t.time > leaf.notAfter) {
      throw new StepFailure(
        'CERT_NOT_VALID_AT_TIME', `the ${t.source === 'tlog' ? 'log integration time' : 'timestamp'} ${at} is outside the certificate's validity ${window}`,
        {
          where: t.where,
          expected: `a time within ${window}`,
          found: at,
        },
        evidence,
      );
    }
    evidence.push({ kind: 'time', label: `${t.source === 'tlog' ? 'integrated time' : 'RFC 3161 time'} (${t.where})`, value: at });
  }
  const duplicates = ctx.verifiedTimes.length - distinct.size;
  return {
    summary: `All ${distinct.size} verified time${distinct.size === 1 ? '' : 's'} fall within the certificate's validity ${window}${duplicates ? ` (${duplicates} duplicate${duplicates === 1 ? '' : 's'} counted once)` : ''}.`,
    evidence,
  };
}
