// The admission dry-run: policies (several YAML texts) against containers, one row per container and policy.
import { VerifyError } from '../../errors';
import { isJsonObject } from '../../encoding';
import type { TrustedRoot } from '../../trust';
import { evaluateKyverno } from './kyverno-evaluate';
import { parseKyvernoPolicy, type KyvernoPolicy } from './kyverno-policy';
import { evaluatePolicyController } from './policy-controller-evaluate';
import { parseClusterImagePolicy, parseTrustRoot, type PcPolicy, type PcTrustRoot } from './policy-controller-policy';
import { parseYamlDocuments } from './safe-yaml';
import type { AdmissionRow, AdmissionStatus, AdmissionVerifier, ContainerRef, NoMatchPolicy } from './types';

export interface AdmissionPolicies {
  kyverno: KyvernoPolicy[];
  policyController: PcPolicy[];
  trustRoots: PcTrustRoot[];
}

const KYVERNO_API = /^kyverno\.io\/v\d/;
const PC_API = /^policy\.sigstore\.dev\/v1(alpha1|beta1)$/;

// Every Kyverno ClusterPolicy/Policy, ClusterImagePolicy and TrustRoot of the given YAML texts; anything else is refused.
export function parseAdmissionPolicies(texts: { name: string; text: string }[]): AdmissionPolicies {
  const out: AdmissionPolicies = { kyverno: [], policyController: [], trustRoots: [] };
  for (const { name, text } of texts) {
    for (const [i, doc] of parseYamlDocuments(text, name).entries()) {
      const where = `${name}, document ${i + 1}`;
      if (!isJsonObject(doc)) throw new VerifyError('ADMISSION_POLICY_INVALID', `${where} is not a Kubernetes resource`, { where, expected: 'apiVersion, kind, metadata, spec' });
      const api = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
      const kind = typeof doc.kind === 'string' ? doc.kind : '';
      if (KYVERNO_API.test(api) && (kind === 'ClusterPolicy' || kind === 'Policy')) out.kyverno.push(parseKyvernoPolicy(doc, where));
      else if (PC_API.test(api) && kind === 'ClusterImagePolicy') out.policyController.push(parseClusterImagePolicy(doc, where));
      else if (PC_API.test(api) && kind === 'TrustRoot') out.trustRoots.push(parseTrustRoot(doc, where));
      else {
        throw new VerifyError('ADMISSION_POLICY_INVALID', `${where} is ${api || '(no apiVersion)'} ${kind || '(no kind)'}, not a Kyverno ClusterPolicy/Policy, a policy-controller ClusterImagePolicy or a TrustRoot`, {
          where,
          expected: 'kyverno.io/v1 ClusterPolicy or Policy, policy.sigstore.dev/v1beta1 ClusterImagePolicy, policy.sigstore.dev/v1alpha1 TrustRoot',
          found: `${api.slice(0, 60)} ${kind.slice(0, 60)}`,
        });
      }
    }
  }
  if (out.kyverno.length === 0 && out.policyController.length === 0) {
    throw new VerifyError('ADMISSION_POLICY_INVALID', 'no Kyverno or policy-controller policy was given', { where: 'policies', expected: 'at least one ClusterPolicy, Policy or ClusterImagePolicy' });
  }
  return out;
}

export interface AdmissionContext {
  verifier: AdmissionVerifier;
  defaultTrust: TrustedRoot;
  noMatchPolicy: NoMatchPolicy;
  /** Workload kind of each container's resource (`Deployment/web` → `Deployment`); images given directly are Pods. */
  kinds?: Record<string, string>;
}

// Each container under each policy, in input order.
export async function evaluateAdmission(policies: AdmissionPolicies, containers: ContainerRef[], ctx: AdmissionContext): Promise<AdmissionRow[]> {
  const rows: AdmissionRow[] = [];
  for (const container of containers) {
    try {
      for (const policy of policies.kyverno) {
        rows.push(await evaluateKyverno(policy, container, { verifier: ctx.verifier, defaultTrust: ctx.defaultTrust, kind: ctx.kinds?.[container.resource] ?? 'Pod' }));
      }
      if (policies.policyController.length > 0) {
        rows.push(...(await evaluatePolicyController(policies.policyController, container, { verifier: ctx.verifier, defaultTrust: ctx.defaultTrust, trustRoots: policies.trustRoots, noMatchPolicy: ctx.noMatchPolicy })));
      }
    } catch (err) {
      if (!(err instanceof VerifyError) || err.code !== 'OCI_REFERENCE_INVALID') throw err;
      rows.push({ container, controller: policies.kyverno.length > 0 ? 'kyverno' : 'policy-controller', policy: 'image reference', status: 'deny', reason: err.message, matchedAs: container.image, outcomes: [], notes: [], timelines: [] });
    }
  }
  return rows;
}

const SEVERITY: Record<AdmissionStatus, number> = { 'not-applicable': 0, admit: 1, warn: 2, 'not-evaluated': 3, deny: 4 };

// A container's overall decision: the worst of its rows (a deny anywhere denies the Pod).
export function overallStatus(rows: AdmissionRow[]): AdmissionStatus {
  return rows.reduce<AdmissionStatus>((worst, r) => (SEVERITY[r.status] > SEVERITY[worst] ? r.status : worst), 'not-applicable');
}
