// SLSA provenance: builder, build type, source, workflow, trigger, runner, times, materials, and whether it
// agrees with the signing certificate.
import type { ProvenanceView as Provenance } from '../../core';
import { FieldList, type Field } from '../../components/field-list';

// The provenance fields that are present, then the certificate comparison and the materials.
export function ProvenanceView({ provenance: p }: { provenance: Provenance }) {
  const fields: Field[] = [
    { name: 'SLSA version', value: p.slsaVersion },
    ['Builder', p.builderId, true],
    ['Build type', p.buildType ? `${p.buildTypeName ? `${p.buildTypeName} — ` : ''}${p.buildType}` : undefined, true],
    ['Source repository', p.sourceRepository, true],
    ['Source commit', p.sourceCommit, true],
    ['Source ref', p.sourceRef, true],
    ['Workflow', p.workflowPath, true],
    ['Workflow ref', p.workflowRef, true],
    ['Trigger', p.trigger, false],
    ['Runner environment', p.runnerEnvironment, false],
    ['Invocation', p.invocation, true],
    ['Started', p.startedOn, false],
    ['Finished', p.finishedOn, false],
  ].flatMap((f): Field[] => (Array.isArray(f) ? (f[1] === undefined ? [] : [{ name: f[0] as string, value: f[1] as string, mono: f[2] as boolean }]) : [f as Field]));
  const differ = p.agreement.filter((a) => !a.agrees);
  return (
    <div className="grid gap-4" data-view="provenance">
      <FieldList fields={fields} />
      {p.agreement.length > 0 && (
        <div role={differ.length ? 'alert' : 'note'} className={`rounded-md p-3 text-sm ${differ.length ? 'bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-100' : 'bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100'}`} data-testid="provenance-agreement">
          <p className="font-medium">{differ.length ? `! The provenance disagrees with the signing certificate on ${differ.map((a) => a.field).join(', ')}` : '✓ The provenance agrees with the signing certificate'}</p>
          <ul className="mt-1 grid gap-1">
            {p.agreement.map((a) => (
              <li key={a.field} className="wrap-anywhere">
                {a.agrees ? '✓' : '✗'} {a.field}: provenance <code>{a.provenance}</code>, certificate <code>{a.certificate}</code> ({a.claim})
              </li>
            ))}
          </ul>
        </div>
      )}
      {p.materials.length > 0 && (
        <div className="text-sm">
          <h3 className="font-medium">Materials / resolved dependencies ({p.totalMaterials})</h3>
          <ul tabIndex={0} aria-label="Materials" className="max-h-60 overflow-y-auto font-mono text-xs">
            {p.materials.slice(0, 500).map((m, i) => <li key={i} className="wrap-anywhere">{m.uri}{m.digest ? ` — ${m.digest}` : ''}</li>)}
          </ul>
        </div>
      )}
      {p.parameters.length > 0 && (
        <details className="text-sm">
          <summary>Parameters ({p.parameters.length})</summary>
          <FieldList fields={p.parameters.map((x) => ({ name: x.label, value: x.value, mono: true }))} />
        </details>
      )}
    </div>
  );
}
