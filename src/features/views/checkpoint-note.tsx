// A log checkpoint split into its parts (C2SP tlog-checkpoint, signed with C2SP signed-note), with the raw note,
// from the view the engine decoded.
import type { CheckpointSignatureStatus, CheckpointView } from '../../core';
import { FieldList, type Field } from '../../components/field-list';

/** How tlog.checkpoint treated a signature line, in words. */
const STATUS_WORDS: Record<CheckpointSignatureStatus, string> = {
  verified: '✓ verified with the log’s key',
  'not-verified': '✗ the log’s line, not verified',
  'not-checked': 'another signer, not checked',
};

// The body lines (origin, size, root hash, extensions) and each signature line's signer, key hint and outcome.
function checkpointFields(parts: Exclude<CheckpointView['parts'], { error: string }>): Field[] {
  return [
    { name: 'Origin (line 1)', value: parts.origin, mono: true },
    { name: 'Tree size (line 2)', value: String(parts.size), mono: true },
    { name: 'Root hash (line 3, base64)', value: parts.rootHashBase64, mono: true },
    { name: 'Root hash (hex)', value: parts.rootHashHex, mono: true },
    ...parts.extensions.map((line, i): Field => ({ name: `Extension line ${i + 1}`, value: line, mono: true })),
    ...parts.signatures.map(
      (s, i): Field => ({ name: `Signature ${i + 1}`, value: `— ${s.name} (key hint ${s.keyHint}, ${s.signatureBytes}-byte signature): ${STATUS_WORDS[s.status]}`, mono: true }),
    ),
  ];
}

// The parsed fields, then the note exactly as logged.
export function CheckpointNote({ checkpoint }: { checkpoint: CheckpointView }) {
  const { parts } = checkpoint;
  return (
    <div className="space-y-2">
      {'error' in parts ? <p className="text-sm wrap-anywhere">The note could not be parsed: {parts.error}</p> : <FieldList fields={checkpointFields(parts)} />}
      <figure>
        <figcaption className="text-sm font-medium text-slate-700 dark:text-slate-300">Signed note as logged</figcaption>
        <pre tabIndex={0} className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800 dark:bg-slate-900 dark:text-slate-200">
          {checkpoint.note}
        </pre>
      </figure>
    </div>
  );
}
