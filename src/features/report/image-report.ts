// The report of many images (`signet verify --report`): the run's context and summary table, then one section
// per image opening with the same head as a single verification's report, then its full timeline.
import type { Step, VerificationResult } from '../../core';
import type { ImageOutcome, ImageVerificationResult } from '../../image';
import { leafCertificate, stepOf } from '../../lib/read-result';
import { escapeMarkdown, field, tableRow } from './markdown';
import { reportHead } from './report-head';
import { STATUS_TEXT } from './step-markdown';

/** One summary row per image, as the command line's table shows it. */
export interface ImageSummaryRow {
  image: string;
  digest: string;
  verdict: string;
  signer: string;
  failedStep: string;
}

export interface ImagesReportInputs {
  policyLabel: string;
  startedAt: string;
  engine: string;
  trust: string;
  rows: readonly ImageSummaryRow[];
}

// The verified signatures of an image (none unless the image verified).
export function verifiedSignatures(result: ImageVerificationResult): VerificationResult[] {
  return result.verdict === 'verified' ? result.signatures.map((s) => s.result).filter((r) => r.verdict === 'verified') : [];
}

// The facts of one image for the summary table.
export function summaryRow(o: ImageOutcome): ImageSummaryRow {
  const r = o.result;
  const verified = verifiedSignatures(r)[0];
  const failedImageStep = r.steps.find((s) => s.status === 'fail')?.id;
  const failedSignatureStep = r.signatures.map((s) => s.result.failedStep).find((id) => id !== undefined);
  return {
    image: o.references.join(', '),
    digest: r.digest ?? '',
    verdict: r.verdict,
    signer: verified ? signerOf(verified) : '',
    failedStep: r.verdict === 'verified' ? '' : (failedImageStep ?? failedSignatureStep ?? ''),
  };
}

// Who signed: the certificate's first SAN, or for a key signature the key fingerprint the identity step recorded.
function signerOf(result: VerificationResult): string {
  const san = leafCertificate(result)?.subjectAltNames[0]?.value;
  if (san) return san;
  const key = stepOf(result, 'policy.identity')?.evidence.find((e) => e.kind === 'text' && e.label === 'key fingerprint');
  return key?.kind === 'text' ? `key ${key.value}` : '';
}

// Steps as table rows, the signature they belong to named in the first cell.
function timelineRows(where: string, steps: readonly Step[]): string[] {
  return steps.map((s) => tableRow([where, STATUS_TEXT[s.status], s.id, s.summary]));
}

// One image: the head (from the verified signature, else the first one checked), then every step.
function imageSection(o: ImageOutcome, index: number, total: number, policyLabel: string): string {
  const r = o.result;
  const chosen = r.signatures.find((s) => s.result.verdict === 'verified') ?? r.signatures[0];
  const subject = { artifactLabel: o.references.join(', '), ...(r.digest ? { digest: r.digest } : {}), policyLabel };
  const head = chosen
    ? reportHead({ ...chosen.result, verdict: r.verdict, headline: r.headline }, subject, 3)
    : `### Summary\n\n${[field('Artifact', subject.artifactLabel), ...(r.digest ? [field('Digest', r.digest)] : []), field('Verification status', `${r.verdict.toUpperCase()}: ${r.headline}`)].join('\n')}`;
  const rows = [...timelineRows('image', r.steps), ...r.signatures.flatMap((s, i) => timelineRows(`signature ${i + 1}`, s.result.steps))];
  const found = r.signatures.map((s, i) => field(`Signature ${i + 1}`, `${s.result.verdict.toUpperCase()}: ${s.format} via ${s.source}, ${s.where}`));
  const timeline = ['### Timeline', ...(found.length > 0 ? [found.join('\n')] : []), ['| Where | Status | Step | Summary |', '| --- | --- | --- | --- |', ...rows].join('\n')].join('\n\n');
  return [`## Image ${index + 1} of ${total}: ${escapeMarkdown(o.references[0] ?? '')}`, head, timeline].join('\n\n');
}

// The whole Markdown report.
export function imagesMarkdownReport(outcomes: readonly ImageOutcome[], inputs: ImagesReportInputs): string {
  const verified = outcomes.filter((o) => o.result.verdict === 'verified').length;
  const context = [
    field('Images', `${outcomes.length} (${verified} verified, ${outcomes.length - verified} not verified)`),
    field('Policy', inputs.policyLabel),
    field('Date', inputs.startedAt),
    field('Engine', inputs.engine),
    field('Trust root', inputs.trust),
  ].join('\n');
  const table = ['| Image | Digest | Verdict | Signer | Failed step |', '| --- | --- | --- | --- | --- |', ...inputs.rows.map((r) => tableRow([r.image, r.digest, r.verdict.toUpperCase(), r.signer, r.failedStep]))].join('\n');
  const sections = outcomes.map((o, i) => imageSection(o, i, outcomes.length, inputs.policyLabel));
  return `${['# Signet verification report', context, '## Images', table, ...sections].join('\n\n')}\n`;
}

// The JSON report: the same summary and every image's full record.
export function imagesJsonReport(outcomes: readonly ImageOutcome[], inputs: ImagesReportInputs): string {
  return `${JSON.stringify({ report: 'signet-images', ...inputs, images: outcomes }, null, 2)}\n`;
}
