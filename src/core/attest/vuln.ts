// cosign's vulnerability-scan predicate (cosign specs/COSIGN_VULN_ATTESTATION_SPEC.md) into the vuln view,
// with findings by severity when scanner.result is Trivy JSON or SARIF 2.1.0.
import type { JsonObject, JsonValue } from '../encoding';
import { arr, countRows, obj, optional, text, VIEW_LIMITS } from './bounded';
import type { VulnFinding, VulnView } from './view-model';

export const COSIGN_VULN_PREDICATE = 'https://cosign.sigstore.dev/attestation/vuln/v1';

// Trivy JSON (SchemaVersion 2): Results[].Vulnerabilities[].
function trivyFindings(result: JsonObject): VulnFinding[] {
  const out: VulnFinding[] = [];
  for (const r of arr(result.Results)) {
    const target = text(obj(r)?.Target);
    for (const v of arr(obj(r)?.Vulnerabilities)) {
      const o = obj(v);
      if (!o) continue;
      out.push({
        id: text(o.VulnerabilityID, 128) ?? '(no id)',
        severity: (text(o.Severity, 32) ?? 'UNKNOWN').toUpperCase(),
        ...optional('target', target),
        ...optional('packageName', text(o.PkgName)),
        ...optional('installedVersion', text(o.InstalledVersion)),
        ...optional('fixedVersion', text(o.FixedVersion)),
        ...optional('title', text(o.Title)),
      });
    }
  }
  return out;
}

// SARIF severity: the rule's CVSS `security-severity` (GitHub code scanning bands), else the result level.
function sarifSeverity(level: string | undefined, securitySeverity: string | undefined): string {
  const score = securitySeverity === undefined ? NaN : Number(securitySeverity);
  if (Number.isFinite(score)) return score >= 9 ? 'CRITICAL' : score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : score > 0 ? 'LOW' : 'NONE';
  return ({ error: 'HIGH', warning: 'MEDIUM', note: 'LOW', none: 'NONE' } as Record<string, string>)[level ?? 'warning'] ?? 'UNKNOWN';
}

// SARIF 2.1.0: runs[].results[] with rules from runs[].tool.driver.rules.
function sarifFindings(result: JsonObject): VulnFinding[] {
  const out: VulnFinding[] = [];
  for (const run of arr(result.runs)) {
    const rules = new Map<string, JsonObject>();
    for (const rule of arr(obj(obj(obj(run)?.tool)?.driver)?.rules).slice(0, VIEW_LIMITS.rows)) {
      const id = text(obj(rule)?.id, 128);
      if (id !== undefined) rules.set(id, obj(rule)!);
    }
    for (const res of arr(obj(run)?.results)) {
      const o = obj(res);
      if (!o) continue;
      const id = text(o.ruleId, 128) ?? '(no rule)';
      const rule = rules.get(id);
      const location = text(obj(obj(obj(arr(o.locations)[0])?.physicalLocation)?.artifactLocation)?.uri);
      const level = text(o.level, 16) ?? text(obj(rule?.defaultConfiguration)?.level, 16);
      const sev = obj(rule?.properties)?.['security-severity'];
      out.push({
        id,
        severity: sarifSeverity(level, typeof sev === 'string' || typeof sev === 'number' ? String(sev) : undefined),
        ...optional('target', location),
        ...optional('title', text(obj(o.message)?.text)),
      });
    }
  }
  return out;
}

// Which known result format scanner.result is in.
function resultFormat(result: JsonObject | undefined): 'Trivy JSON' | 'SARIF' | undefined {
  if (!result) return undefined;
  if (typeof result.SchemaVersion === 'number' && Array.isArray(result.Results)) return 'Trivy JSON';
  if (typeof result.version === 'string' && result.version.startsWith('2.1') && Array.isArray(result.runs)) return 'SARIF';
  return undefined;
}

// Read a vuln predicate: scanner, database, scan times, and the findings summary where the format is known.
export function readVuln(predicate: JsonObject): VulnView {
  const scanner = obj(predicate.scanner);
  const db = obj(scanner?.db);
  const meta = obj(predicate.metadata);
  const result = obj(scanner?.result as JsonValue | undefined);
  const format = resultFormat(result);
  const all = format === 'Trivy JSON' ? trivyFindings(result!) : format === 'SARIF' ? sarifFindings(result!) : [];
  return {
    kind: 'vuln',
    ...optional('scanner', text(scanner?.uri)),
    ...optional('scannerVersion', text(scanner?.version, 128)),
    ...optional('databaseVersion', text(db?.version, 256) ?? text(db?.uri)),
    ...optional('scanStartedOn', text(meta?.scanStartedOn, 64)),
    ...optional('scanFinishedOn', text(meta?.scanFinishedOn, 64)),
    ...optional('resultFormat', format),
    bySeverity: countRows(all.map((f) => f.severity)),
    findings: all.slice(0, VIEW_LIMITS.rows),
    totalFindings: all.length,
  };
}
