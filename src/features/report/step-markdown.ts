// Markdown for steps and their evidence, as recorded; every value escaped.
import type { Evidence, EvidenceKey, Step, StepStatus, VerificationResult } from '../../core';
import { escapeMarkdown, field } from './markdown';

/** Status words for readers who cannot see colour. */
export const STATUS_TEXT: Record<StepStatus, string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP' };

/** Evidence the report shows in a dedicated form, or that is too large for a list (DER, signed bytes). */
const SHOWN_ELSEWHERE: ReadonlySet<EvidenceKey> = new Set(['certificate.der', 'chain.der', 'pae', 'statement', 'tlog.body', 'tlog.entry', 'checkpoint']);

/** Evidence a step's list shows: everything but the Merkle path and the keyed values shown elsewhere. */
type ListedEvidence = Exclude<Evidence, { kind: 'merkle-path' }>;

// Whether an evidence item belongs in its step's list.
function isListed(evidence: Evidence): evidence is ListedEvidence {
  return evidence.kind !== 'merkle-path' && !(evidence.key && SHOWN_ELSEWHERE.has(evidence.key));
}

// One evidence value as a single line of text.
function evidenceText(evidence: ListedEvidence): string {
  return evidence.kind === 'json' ? JSON.stringify(evidence.value) : evidence.value;
}

// The list of a step's evidence, leaving out what other sections show.
function evidenceList(step: Step): string[] {
  return step.evidence.filter(isListed).map((e) => field(e.label, evidenceText(e)));
}

// A step as a paragraph: status, id, title and summary, its spec, then its evidence.
export function stepBlock(step: Step): string {
  const head = `**${STATUS_TEXT[step.status]}** ${escapeMarkdown(step.id)}: ${escapeMarkdown(step.title)}. ${escapeMarkdown(step.summary)}`;
  const spec = step.spec === undefined ? [] : [field('Spec', step.spec)];
  const list = [...spec, ...evidenceList(step)];
  return list.length === 0 ? head : `${head}\n\n${list.join('\n')}`;
}

// The recorded step with this id, if the run recorded it.
function stepById(result: VerificationResult, id: Step['id']): Step | undefined {
  return result.steps.find((s) => s.id === id);
}

// A "## title" section of the given steps, in order.
export function stepsSection(result: VerificationResult, title: string, ids: Step['id'][], extra: string[] = []): string {
  const blocks = ids.flatMap((id) => {
    const step = stepById(result, id);
    return step ? [stepBlock(step)] : [];
  });
  return [`## ${title}`, ...blocks, ...extra].join('\n\n');
}
