// A trusted root with no transparency or CT log (GitHub's private instance) says so up front, with the Trust choices
// that make its bundles verify.
import { DEFAULT_WEAKENING, type WeakeningForm } from './verify-form';
import type { TrustSummary } from './trust-summary';

/** What the notice says, and the choices it offers (null when they are already made). */
export interface MissingLogAdvice {
  sentences: string[];
  choose: Partial<WeakeningForm> | null;
}

// Which checks such a root cannot satisfy and which choices waive them; null when the root lists both kinds of log.
// `w` is the mode's verifier options, or null in a mode that has none (it then points to the Verify mode's).
export function missingLogAdvice(summary: TrustSummary, w: WeakeningForm | null): MissingLogAdvice | null {
  if (!summary.ok || (summary.tlogs > 0 && summary.ctlogs > 0)) return null;
  const sentences: string[] = [];
  const choose: Partial<WeakeningForm> = {};
  const options = w ?? DEFAULT_WEAKENING;
  if (summary.tlogs === 0 && summary.ctlogs === 0) {
    sentences.push("This trusted root lists no transparency log and no Certificate Transparency log, as GitHub's private instance (fulcio.githubapp.com) does: its bundles carry no log entry and no SCT, only an RFC 3161 timestamp.");
  } else if (summary.tlogs === 0) {
    sentences.push('This trusted root lists no transparency log: no log entry can be verified, so every bundle fails at tlog.body.');
  } else {
    sentences.push("This trusted root lists no Certificate Transparency log: no certificate's SCT can be verified, so every keyless bundle fails at cert.sct.");
  }
  if (summary.ctlogs === 0 && options.sct !== 0) choose.sct = 0;
  if (summary.tlogs === 0) {
    if (options.tlog !== 0) choose.tlog = 0;
    // Without a log, only a timestamp authority can prove when the certificate was used.
    if (summary.timestampAuthorities > 0 && !options.useSignedTimestamps) choose.useSignedTimestamps = true;
    if (summary.timestampAuthorities === 0) {
      sentences.push('It lists no timestamp authority either, so nothing can prove when a certificate was used.');
      if (options.timestamps !== 0) choose.timestamps = 0;
    }
  }
  const names = [
    ...(summary.tlogs === 0 ? ['“Ignore the transparency log”'] : []),
    ...(summary.ctlogs === 0 ? ['“Ignore SCTs”'] : []),
    ...(summary.tlogs === 0 ? [summary.timestampAuthorities > 0 ? '“Require a signed timestamp”' : 'verified times required 0'] : []),
  ];
  if (!w) {
    sentences.push(`This mode has no verifier options, so each check the root cannot serve fails here; bundles of such an instance verify in the Verify mode, with ${joinAnd(names)} under Trust’s Verifier options.`);
    return { sentences, choose: null };
  }
  const pending = Object.keys(choose).length > 0;
  sentences.push(
    pending
      ? `Such bundles verify only with ${joinAnd(names)} under Verifier options; each waived check then shows as a warning step.`
      : 'The Verifier options below waive what it cannot check; each waived check shows as a warning step and the verdict names it.',
  );
  return { sentences, choose: pending ? choose : null };
}

// "a", "a and b", "a, b and c".
function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
