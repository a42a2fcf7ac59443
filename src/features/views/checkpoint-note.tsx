// A log checkpoint split into its parts (C2SP tlog-checkpoint, signed with C2SP signed-note), with the raw note.
import { toHex } from '../../core';
import { parseCheckpoint, type Checkpoint } from '../../core/tlog';
import { FieldList, type Field } from '../../components/field-list';

// Parse the note, keeping the error message when it is malformed.
function parse(text: string): Checkpoint | string {
  try {
    return parseCheckpoint(text);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

// The body lines (origin, size, root hash, extensions) and each signature line's signer and key hint.
function checkpointFields(cp: Checkpoint): Field[] {
  const rootLine = cp.note.split('\n')[2] ?? '';
  return [
    { name: 'Origin (line 1)', value: cp.origin, mono: true },
    { name: 'Tree size (line 2)', value: String(cp.size), mono: true },
    { name: 'Root hash (line 3, base64)', value: rootLine, mono: true },
    { name: 'Root hash (hex)', value: toHex(cp.rootHash), mono: true },
    ...cp.extensions.map((line, i): Field => ({ name: `Extension line ${i + 1}`, value: line, mono: true })),
    ...cp.signatures.map((s, i): Field => ({ name: `Signature ${i + 1}`, value: `— ${s.name} (key hint ${s.keyHint}, ${s.signature.length}-byte signature)`, mono: true })),
  ];
}

// The parsed fields, then the note exactly as logged.
export function CheckpointNote({ text }: { text: string }) {
  const cp = parse(text);
  return (
    <div className="space-y-2">
      {typeof cp === 'string' ? <p className="text-sm wrap-anywhere">The note could not be parsed: {cp}</p> : <FieldList fields={checkpointFields(cp)} />}
      <figure>
        <figcaption className="text-sm font-medium text-slate-700 dark:text-slate-300">Signed note as logged</figcaption>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800 dark:bg-slate-900 dark:text-slate-200">{text}</pre>
      </figure>
    </div>
  );
}
