// OpenVEX: statements by vulnerability, product and status, with justification and impact.
import type { VexView as Vex, VulnView as Vuln } from '../../core';
import { FieldList } from '../../components/field-list';

const cell = 'border-t border-slate-200 px-2 py-1 align-top wrap-anywhere dark:border-slate-800';

// The document head, counts by status and the statements.
export function VexView({ vex }: { vex: Vex }) {
  return (
    <div className="grid gap-3" data-view="openvex">
      <FieldList fields={[...(vex.author ? [{ name: 'Author', value: vex.author }] : []), ...(vex.timestamp ? [{ name: 'Timestamp', value: vex.timestamp }] : []), ...(vex.id ? [{ name: 'Id', value: vex.id, mono: true }] : []), { name: 'Statements', value: `${vex.totalStatements} (${vex.byStatus.map((s) => `${s.count} ${s.name}`).join(', ')})` }]} />
      <table className="w-full text-left text-sm">
        <thead><tr><th className="px-2">Vulnerability</th><th className="px-2">Products</th><th className="px-2">Status</th><th className="px-2">Justification / impact</th></tr></thead>
        <tbody>
          {vex.statements.slice(0, 1000).map((s, i) => (
            <tr key={i} data-status={s.status}>
              <td className={cell}>{s.vulnerability}{s.aliases.length > 0 && <span className="block text-xs text-slate-500 dark:text-slate-400">{s.aliases.join(', ')}</span>}</td>
              <td className={`${cell} font-mono text-xs`}>{s.products.join('\n')}</td>
              <td className={cell}>{s.status}</td>
              <td className={cell}>{[s.justification, s.impactStatement, s.actionStatement].filter(Boolean).join(' — ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// A cosign vuln predicate: scanner, database, times, and findings by severity.
export function VulnView({ vuln }: { vuln: Vuln }) {
  return (
    <div className="grid gap-3" data-view="vuln">
      <FieldList
        fields={[
          ...(vuln.scanner ? [{ name: 'Scanner', value: `${vuln.scanner}${vuln.scannerVersion ? ` (${vuln.scannerVersion})` : ''}`, mono: true }] : []),
          ...(vuln.databaseVersion ? [{ name: 'Database', value: vuln.databaseVersion }] : []),
          ...(vuln.scanStartedOn ? [{ name: 'Scan started', value: vuln.scanStartedOn }] : []),
          ...(vuln.scanFinishedOn ? [{ name: 'Scan finished', value: vuln.scanFinishedOn }] : []),
          { name: 'Result', value: vuln.resultFormat ? `${vuln.resultFormat}: ${vuln.totalFindings} findings${vuln.bySeverity.length ? ` (${vuln.bySeverity.map((s) => `${s.count} ${s.name}`).join(', ')})` : ''}` : 'not a known format (Trivy JSON or SARIF): no summary' },
        ]}
      />
      {vuln.findings.length > 0 && (
        <table className="w-full text-left text-sm">
          <thead><tr><th className="px-2">Id</th><th className="px-2">Severity</th><th className="px-2">Package</th><th className="px-2">Fixed in</th><th className="px-2">Target</th></tr></thead>
          <tbody>
            {vuln.findings.slice(0, 1000).map((f, i) => (
              <tr key={i}><td className={cell}>{f.id}</td><td className={cell}>{f.severity}</td><td className={cell}>{[f.packageName, f.installedVersion].filter(Boolean).join(' ') || f.title || '—'}</td><td className={cell}>{f.fixedVersion ?? '—'}</td><td className={cell}>{f.target ?? '—'}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
