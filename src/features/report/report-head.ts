// The head of every report, in the order auditors file one: the artifact, the verification status, the
// certificate, the Rekor entry, the policy check. The app's export and `signet --report` open with it.
import { isJsonObject } from '../../core/encoding/json';
import type { MerklePathEvidence, VerificationResult } from '../../core';
import { evidenceByKey, leafCertificate, stepOf } from '../../lib/read-result';
import { field } from './markdown';
import { STATUS_TEXT } from './step-markdown';

/** What was verified, as the user named it. */
export interface ReportSubject {
  /** The artifact as given: an image reference, a file name, a digest. */
  artifactLabel: string;
  /** The digest verified (an image's manifest digest), when it differs from the label. */
  digest?: string;
  policyLabel: string;
}

// "### Certificate" facts: subject, issuer, validity; or why there is no certificate.
function certificateFacts(result: VerificationResult): string[] {
  const cert = leafCertificate(result);
  if (!cert) return [field('Certificate', 'none: signed with a key, or the run stopped before the certificate was read')];
  return [
    field('Certificate subject', cert.subjectAltNames.map((s) => s.value).join(', ') || cert.subject || 'none'),
    field('Certificate OIDC issuer', cert.oidcIssuer ?? 'none'),
    field('Certificate issued by', cert.issuer),
    field('Certificate valid from', cert.notBefore),
    field('Certificate valid until', cert.notAfter),
  ];
}

// The Rekor entry: UUID (its leaf hash), log index, integrated time, and whether the inclusion proof verified against which tree.
function rekorFacts(result: VerificationResult): string[] {
  const entry = evidenceByKey(result, 'tlog.entry');
  if (entry?.kind !== 'json' || !isJsonObject(entry.value)) return [field('Rekor entry', 'none read: the run stopped before the log entry was checked, or there is none')];
  const e = entry.value;
  const path = result.steps.flatMap((s) => s.evidence).find((x): x is { kind: 'merkle-path'; label: string; value: MerklePathEvidence } => x.kind === 'merkle-path');
  const inclusion = stepOf(result, 'tlog.inclusion');
  const time = typeof e.integratedTime === 'number' && e.integratedTime > 0 ? new Date(e.integratedTime * 1000).toISOString() : 'none (the entry carries no integrated time)';
  const proof =
    inclusion?.status === 'pass' && path
      ? `verified: leaf ${path.value.leafIndex} of a tree of ${path.value.treeSize}, root hash ${path.value.expectedRoot}`
      : inclusion
        ? `${STATUS_TEXT[inclusion.status]}: ${inclusion.summary}`
        : 'none in this bundle';
  return [
    field('Rekor entry UUID (leaf hash)', String(e.leafHash)),
    field('Rekor log', `${String(e.log)} (${String(e.kind)} ${String(e.version)})`),
    field('Rekor log index', String(e.logIndex)),
    field('Rekor integrated time', time),
    field('Inclusion proof', proof),
  ];
}

// The policy as asked, and what the identity check said.
function policyFacts(result: VerificationResult, subject: ReportSubject): string[] {
  const step = stepOf(result, 'policy.identity');
  return [field('Policy', subject.policyLabel), field('Policy check', step ? `${STATUS_TEXT[step.status]}: ${step.summary}` : 'not run')];
}

// The verdict word, then the headline without repeating it ("FAILED: the signer is not the expected identity …").
export function verdictStatus(verdict: string, headline: string): string {
  return `${verdict.toUpperCase()}: ${headline.replace(/^Failed: /, '')}`;
}

// The head as a Markdown list under a heading of the given level.
export function reportHead(result: VerificationResult, subject: ReportSubject, level = 2): string {
  const lines = [
    field('Artifact', subject.artifactLabel),
    ...(subject.digest ? [field('Digest', subject.digest)] : []),
    field('Verification status', verdictStatus(result.verdict, result.headline)),
    ...certificateFacts(result),
    ...rekorFacts(result),
    ...policyFacts(result, subject),
  ];
  return `${'#'.repeat(level)} Summary\n\n${lines.join('\n')}`;
}
