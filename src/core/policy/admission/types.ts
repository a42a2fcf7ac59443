// The admission dry-run's vocabulary: what is asked of the image verifier, what it answers, and the decisions.
import type { ErrorCode, ErrorDetail } from '../../errors';
import type { TrustedRoot } from '../../trust';
import type { StepId, Thresholds, VerificationPolicy, VerificationResult } from '../../verify';

export type Controller = 'kyverno' | 'policy-controller';

/** One verification an authority or attestor entry needs: which trust, and which engine policy. */
export interface VerificationAsk {
  /** Same key, same verification: the orchestration verifies each image once per key. */
  key: string;
  /** null: the trusted root the user chose (public-good by default). */
  trust: TrustedRoot | null;
  /** `inspect` for keyless entries (the identity is matched here, with the controller's own semantics), `key` for keys. */
  policy: VerificationPolicy;
  /** For people: "keyless, trust from the policy's roots". */
  label: string;
  /** Kyverno rekor.ignoreTlog / ctlog.ignoreSCT, policy-controller insecureIgnoreSCT: those thresholds at 0 (a warn step). */
  thresholds?: Partial<Thresholds>;
}

export type SignatureFormatName = 'sigstore-bundle' | 'cosign-simplesigning' | 'cosign-dsse';

/** One signature the image verification found, with its full engine timeline. */
export interface SignatureEvidence {
  format: SignatureFormatName;
  where: string;
  result: VerificationResult;
}

/** A step of the image verification that failed before any signature (resolve, discover). */
export interface ImageFailure {
  id: StepId;
  summary: string;
  code?: ErrorCode;
}

/** The orchestration's answer to one ask for one image. */
export interface ImageEvidence {
  /** Index of the full image timeline in the report, for the UI to open. */
  timeline: number;
  digest: string | null;
  failure?: ImageFailure;
  signatures: SignatureEvidence[];
}

/** A tag resolved to the digest that would be pulled. */
export interface ResolvedImage {
  digest: string | null;
  failure?: ImageFailure;
}

/** What the pure evaluation needs from the outside world: the image side, injected. */
export interface AdmissionVerifier {
  resolve(image: string): Promise<ResolvedImage>;
  verify(image: string, ask: VerificationAsk): Promise<ImageEvidence>;
}

/** Signet's own account of why a check failed: the step and its evidence. */
export interface SignetFinding {
  step: StepId;
  summary: string;
  code?: ErrorCode;
  detail?: ErrorDetail;
}

export type OutcomeStatus = 'pass' | 'fail' | 'not-evaluated';

/** One attestor entry (Kyverno) or authority (policy-controller) and how it fared. */
export interface AuthorityOutcome {
  /** `.attestors[0].entries[1].keyless`, `authority-0`. */
  path: string;
  status: OutcomeStatus;
  /** In the controller's own words. */
  message: string;
  signet?: SignetFinding;
  /** Image timelines (indices) this outcome was decided on. */
  timelines: number[];
}

export type AdmissionStatus = 'admit' | 'deny' | 'warn' | 'not-evaluated' | 'not-applicable';

/** A container of the input: where it sits and which image it runs. */
export interface ContainerRef {
  /** `Deployment/web` or `image argument 1`. */
  resource: string;
  /** `spec.template.spec.containers[0]`. */
  path: string;
  name: string;
  image: string;
}

/** One container × one policy: the decision, its reason, and the outcomes behind it. */
export interface AdmissionRow {
  container: ContainerRef;
  controller: Controller;
  /** `ClusterPolicy/check-images`, `ClusterImagePolicy/signed`, or `no matching policy`. */
  policy: string;
  status: AdmissionStatus;
  /** The controller's message, in its own words. */
  reason: string;
  /** The Signet step (and its evidence) the decision turned on, when a check failed. */
  signet?: SignetFinding;
  /** The image name the policy's patterns were matched against. */
  matchedAs: string;
  /** The digest the tag resolved to, when it was resolved. */
  digest?: string;
  /** Kyverno mutateDigest: the image the admitted Pod would run. */
  mutatedImage?: string;
  outcomes: AuthorityOutcome[];
  /** Fields of this policy that cannot be evaluated here, and assumptions made. */
  notes: string[];
  timelines: number[];
}

/** How policy-controller treats an image no policy matches (its config-policy-controller no-match-policy). */
export type NoMatchPolicy = 'allow' | 'deny' | 'warn';
