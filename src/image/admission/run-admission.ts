// The admission dry-run end to end: policies and containers in, every container × policy decided, with the image
// timelines each decision rests on. Images are verified through the same image verification as `signet verify`.
import { toVerifyError } from '../../core/errors';
import { evaluateAdmission, overallStatus, parseAdmissionPolicies } from '../../core/policy/admission/evaluate-admission';
import { parseManifest, containersOfImages } from '../../core/policy/admission/manifest';
import type { AdmissionRow, AdmissionStatus, AdmissionVerifier, ContainerRef, ImageEvidence, NoMatchPolicy, ResolvedImage } from '../../core/policy/admission/types';
import type { TrustedRoot } from '../../core/trust/types';
import type { Thresholds } from '../../core/verify/thresholds';
import { parseImageReference, type RegistryClient } from '../../oci';
import { verifyImage } from '../verify-image';
import type { ImageVerificationResult } from '../types';

export interface AdmissionRequest {
  /** Policy YAML texts with a name each (the file name, or "pasted policy"). */
  policies: { name: string; text: string }[];
  /** Either image references (each a Pod's only container) or a manifest. */
  images?: string[];
  manifest?: string;
  client: RegistryClient;
  /** The user's trusted root: public-good by default, or a loaded trusted_root.json. */
  trustedRoot: TrustedRoot;
  noMatchPolicy: NoMatchPolicy;
  /** The user's verifier options (cosign's --insecure-ignore-* and sigstore-go's thresholds) for every image
   *  verification; a policy's own waivers (Kyverno ignoreTlog/ignoreSCT, insecureIgnoreSCT) apply over them. */
  thresholds?: Partial<Thresholds>;
  useSignedTimestamps?: boolean;
  onProgress?: (message: string) => void;
}

/** One image verification a decision was made on, with what it was asked to check. */
export interface AdmissionTimeline {
  image: string;
  /** "keyless authority authority-0", "Cosign keys, trust from the policy (tlogs)". */
  label: string;
  result: ImageVerificationResult;
}

export interface ContainerDecision {
  container: ContainerRef;
  status: AdmissionStatus;
}

export interface AdmissionReport {
  containers: ContainerDecision[];
  rows: AdmissionRow[];
  timelines: AdmissionTimeline[];
  /** Resources of a manifest that run no containers. */
  skipped: string[];
  /** What was evaluated: counts of each kind of policy. */
  policies: { kyverno: string[]; policyController: string[]; trustRoots: string[] };
  noMatchPolicy: NoMatchPolicy;
  trust: TrustedRoot['source'];
  /** The verifier options every image verification ran with (each waived check is a warn step in its timeline). */
  verifierOptions: { thresholds: Partial<Thresholds>; useSignedTimestamps: boolean };
  startedAt: string;
  totalMs: number;
}

// Parse, evaluate and collect; input problems (YAML, policy fields, limits) throw a VerifyError with a stable code.
export async function runAdmission(req: AdmissionRequest): Promise<AdmissionReport> {
  const started = Date.now();
  const t0 = performance.now();
  const policies = parseAdmissionPolicies(req.policies);
  const manifest = req.manifest !== undefined ? parseManifest(req.manifest) : undefined;
  const containers = manifest ? manifest.containers : containersOfImages(req.images ?? []);
  const timelines: AdmissionTimeline[] = [];
  const verifier = cachingVerifier(req, timelines);
  const rows = await evaluateAdmission(policies, containers, { verifier, defaultTrust: req.trustedRoot, noMatchPolicy: req.noMatchPolicy, ...(manifest ? { kinds: manifest.kinds } : {}) });
  return {
    containers: containers.map((container) => ({ container, status: overallStatus(rows.filter((r) => r.container === container)) })),
    rows,
    timelines,
    skipped: manifest?.skipped ?? [],
    policies: {
      kyverno: policies.kyverno.map((p) => `${p.kind}/${p.name}`),
      policyController: policies.policyController.map((p) => `ClusterImagePolicy/${p.name}`),
      trustRoots: policies.trustRoots.map((t) => `TrustRoot/${t.name}`),
    },
    noMatchPolicy: req.noMatchPolicy,
    trust: req.trustedRoot.source,
    verifierOptions: { thresholds: req.thresholds ?? {}, useSignedTimestamps: req.useSignedTimestamps ?? false },
    startedAt: new Date(started).toISOString(),
    totalMs: Math.round((performance.now() - t0) * 1000) / 1000,
  };
}

// The image side for the pure evaluation: each tag resolved once, each image verified once per distinct ask, against
// the digest it resolved to (so every decision about one container rests on the same manifest).
function cachingVerifier(req: AdmissionRequest, timelines: AdmissionTimeline[]): AdmissionVerifier {
  const resolved = new Map<string, Promise<ResolvedImage & { reference?: string }>>();
  const verified = new Map<string, Promise<ImageEvidence>>();
  const resolve = (image: string) => {
    let p = resolved.get(image);
    if (!p) {
      p = (async () => {
        try {
          const ref = parseImageReference(image);
          req.onProgress?.(`Resolving ${ref.canonical}`);
          const found = await req.client.resolve(ref);
          return { digest: found.digest, reference: `${ref.registry}/${ref.repository}@${found.digest}` };
        } catch (err) {
          const e = toVerifyError(err);
          return { digest: null, failure: { id: 'image.resolve' as const, summary: e.message, code: e.code } };
        }
      })();
      resolved.set(image, p);
    }
    return p;
  };
  return {
    resolve: async (image) => {
      const { digest, failure } = await resolve(image);
      return { digest, ...(failure ? { failure } : {}) };
    },
    verify: (image, ask) => {
      const key = `${image}\n${ask.key}`;
      let p = verified.get(key);
      if (!p) {
        p = (async () => {
          const target = await resolve(image);
          req.onProgress?.(`Verifying ${image} (${ask.label})`);
          const thresholds = { ...req.thresholds, ...ask.thresholds };
          const result = await verifyImage({
            reference: target.reference ?? image,
            client: req.client,
            policy: ask.policy,
            trustedRoot: ask.trust ?? req.trustedRoot,
            thresholds,
            ...(req.useSignedTimestamps ? { useSignedTimestamps: true } : {}),
          });
          const timeline = timelines.push({ image, label: ask.label, result }) - 1;
          const failed = result.steps.find((s) => s.status === 'fail');
          return {
            timeline,
            digest: result.digest,
            ...(failed ? { failure: { id: failed.id, summary: failed.summary, ...(failed.code ? { code: failed.code } : {}) } } : {}),
            signatures: result.signatures.map((s) => ({ format: s.format, where: s.where, result: s.result })),
          };
        })();
        verified.set(key, p);
      }
      return p;
    },
  };
}
