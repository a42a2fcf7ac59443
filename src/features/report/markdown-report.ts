// The Markdown report an auditor files: verdict, context, every step, and the evidence behind each check.
import type { VerificationResult } from '../../core';
import { certificateSection } from './certificate-markdown';
import { checkpointSection, inclusionSection, tlogEntrySection } from './log-markdown';
import { escapeMarkdown, field, tableRow } from './markdown';
import { reportHead, type ReportSubject } from './report-head';
import { STATUS_TEXT, stepsSection } from './step-markdown';

/** What the user verified, as they would name it in the report. */
export interface ReportInputs extends ReportSubject {
  bundleLabel?: string;
}

/** The parts of a failure's detail, in the order a reader compares them. */
const DETAIL_LABELS = [
  ['expected', 'Expected'],
  ['found', 'Found'],
  ['where', 'Where'],
] as const;

// Title, the head auditors read first (artifact, status, certificate, Rekor entry, policy), then the context of the run.
function header(result: VerificationResult, inputs: ReportInputs): string {
  const trust = `${result.trust.name}: ${result.trust.description}${result.trust.date ? ` (${result.trust.date})` : ''}`;
  const context = [
    field('Date', result.startedAt),
    field('Engine', `${result.engine.name} ${result.engine.version}`),
    field('Trust root', trust),
    ...(inputs.bundleLabel === undefined ? [] : [field('Bundle', inputs.bundleLabel)]),
    ...(result.failedStep === undefined ? [] : [field('Failed step', result.failedStep)]),
  ];
  return `# Signet verification report\n\n${reportHead(result, inputs)}\n\n## Context\n\n${context.join('\n')}`;
}

// "## Steps": one table row per step, status as a word.
function stepsTable(result: VerificationResult): string {
  const rows = result.steps.map((s) => tableRow([STATUS_TEXT[s.status], s.id, s.title, s.summary]));
  return ['## Steps', ['| Status | Step | Title | Summary |', '| --- | --- | --- | --- |', ...rows].join('\n')].join('\n\n');
}

// "## Failures": each failed step with its code and what was expected, found, and where.
function failuresSection(result: VerificationResult): string {
  const failed = result.steps.filter((s) => s.status === 'fail');
  if (failed.length === 0) return '## Failures\n\nNo step failed.';
  const blocks = failed.map((s) => {
    const detail = [
      // Codes come from the engine's literal union ([A-Z0-9_]), so a code span needs no escaping and stays searchable.
      `- **Code**: \`${s.code ?? 'none'}\``,
      ...DETAIL_LABELS.flatMap(([key, label]) => {
        const value = s.detail?.[key];
        return value === undefined ? [] : [field(label, value)];
      }),
      field('Summary', s.summary),
    ];
    return `### ${STATUS_TEXT.fail} ${escapeMarkdown(s.id)}: ${escapeMarkdown(s.title)}\n\n${detail.join('\n')}`;
  });
  return ['## Failures', ...blocks].join('\n\n');
}

// The whole report, sections in the order of the timeline.
export function markdownReport(result: VerificationResult, inputs: ReportInputs): string {
  const sections = [
    header(result, inputs),
    stepsTable(result),
    failuresSection(result),
    certificateSection(result),
    tlogEntrySection(result),
    inclusionSection(result),
    checkpointSection(result),
    stepsSection(result, 'RFC 3161 timestamp', ['timestamp.rfc3161']),
    stepsSection(result, 'Policy', ['policy.identity', 'policy.attestation']),
  ];
  return `${sections.join('\n\n')}\n`;
}
