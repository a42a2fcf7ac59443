// The transparency-log sections: the entry, its inclusion proof and the checkpoint that signs the root.
import { isJsonObject } from '../../core/encoding/json';
import type { MerklePathEvidence, VerificationResult } from '../../core';
import { evidenceByKey } from '../../lib/read-result';
import { codeBlock, field, tableRow } from './markdown';
import { stepsSection } from './step-markdown';

// The logged body's kind and version, from the body itself.
function bodyKind(result: VerificationResult): string[] {
  const body = evidenceByKey(result, 'tlog.body');
  if (body?.kind !== 'json' || !isJsonObject(body.value)) return [];
  const { kind, apiVersion } = body.value;
  return typeof kind === 'string' && typeof apiVersion === 'string' ? [field('Body kind', `${kind} ${apiVersion}`)] : [];
}

// "## Transparency log entry": the body match and the signed entry timestamp.
export function tlogEntrySection(result: VerificationResult): string {
  return stepsSection(result, 'Transparency log entry', ['tlog.body', 'tlog.set'], bodyKind(result));
}

// The audit path as recorded: indices, hashes, then one table row per level from the leaf up.
function merklePath(path: MerklePathEvidence): string[] {
  const facts = [
    field('Leaf index', String(path.leafIndex)),
    field('Tree size', String(path.treeSize)),
    field('Leaf hash', path.leafHash),
    field('Computed root', path.computedRoot),
    field('Expected root', path.expectedRoot),
  ].join('\n');
  const levels = ['| Level | Sibling side | Sibling | Result |', '| --- | --- | --- | --- |', ...path.levels.map((l, i) => tableRow([String(i + 1), l.side, l.sibling, l.result]))];
  return [facts, levels.join('\n')];
}

// "## Inclusion proof": the step, then the Merkle audit path it recomputed.
export function inclusionSection(result: VerificationResult): string {
  const path = result.steps.flatMap((s) => s.evidence).find((e) => e.kind === 'merkle-path');
  return stepsSection(result, 'Inclusion proof', ['tlog.inclusion'], path?.kind === 'merkle-path' ? merklePath(path.value) : []);
}

// "## Checkpoint": the step, then the signed note verbatim in a code block.
export function checkpointSection(result: VerificationResult): string {
  const note = evidenceByKey(result, 'checkpoint');
  return stepsSection(result, 'Checkpoint', ['tlog.checkpoint'], note?.kind === 'text' ? [codeBlock(note.value)] : []);
}
