// Images carrying attestations in both formats cosign and GitHub write: legacy `.att` DSSE layers (with the
// predicateType annotation) and v0.3 Sigstore-bundle referrers (with dev.sigstore.bundle.* annotations),
// plus a cosign v3 signature bundle and an SBOM attached with `cosign attach sbom`.
import { githubWorkflowIdentity, inTotoStatement, type SigningIdentity, type TestInstance } from '../sigstore';
import { ANNOTATIONS, DSSE_LAYER_MEDIA_TYPE, evidenceAnnotations } from '../sigstore/cosign-legacy';
import { envelopeJson } from '../sigstore/dsse';
import { generatedCycloneDx, githubProvenance, npmSbom, openVexDocument, SOURCE, trivyVuln } from '../attestations/predicates';
import { buildImage, buildIndex } from './image-builders';
import { buildManifest, describeBytes, jsonBytes, type BuiltManifest, type Bytes } from './descriptor';
import { OCI_CONFIG, OCI_MANIFEST } from './media-types';
import { pushClient } from './push';
import { buildBundleReferrer } from './signature-builders';

/** The identity every attestation here is signed with: a GitHub Actions release workflow of SOURCE. */
export const ATTESTER: SigningIdentity = githubWorkflowIdentity(SOURCE);
export const ATTESTER_SAN = (ATTESTER.san as { uri: string }).uri;

export const PREDICATE = {
  spdx: 'https://spdx.dev/Document',
  cyclonedx: 'https://cyclonedx.org/bom',
  slsa1: 'https://slsa.dev/provenance/v1',
  openvex: 'https://openvex.dev/ns/v0.2.0',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  sign: 'https://sigstore.dev/cosign/sign/v1',
} as const;

export interface AttestedImages {
  /** `attested`: every kind, in both formats. */
  attested: string;
  /** `forked`: a provenance naming another source repository than its certificate. */
  forked: string;
  /** `big-sbom`: a CycloneDX SBOM of 20,000 generated components, as a referrer. */
  bigSbom: string;
  /** `multi-attested`: an index signed by a v3 bundle whose linux/amd64 manifest carries its own SBOM (referrer) and provenance (`.att`). */
  multi: { index: string; amd64: string; arm64: string };
}

const bytes = (s: string) => new TextEncoder().encode(s) as Bytes;

// Push the attested images to `<registry>/<repo>`.
export async function pushAttestedImages(registryUrl: string, registryHost: string, instance: TestInstance, repo = 'attested'): Promise<AttestedImages> {
  const push = pushClient(registryUrl);
  const name = `${registryHost}/${repo}`;
  const statementFor = (digest: string, type: string, predicate: unknown) => inTotoStatement([{ name, digest: { sha256: digest.slice(7) } }], type, predicate as Record<string, unknown>);
  const sign = (statement: Record<string, unknown>) => instance.signDsse(statement, { identity: ATTESTER, tsa: true });

  // A `.att` layer as cosign attest writes it: the envelope as the blob, an empty signature annotation, predicateType.
  const attLayer = (statement: Record<string, unknown>) => {
    const signed = instance.signDsse(statement, { identity: ATTESTER, bundleVersion: '0.1', material: 'chain', entryKind: 'intoto' });
    return { mediaType: DSSE_LAYER_MEDIA_TYPE, bytes: bytes(envelopeJson(signed.bundle.dsseEnvelope!)), annotations: { [ANNOTATIONS.signature]: '', predicateType: statement.predicateType as string, ...evidenceAnnotations(signed.bundle) } };
  };
  // A v0.3 bundle referrer as cosign v3 / actions/attest write it, found through the referrers tag schema.
  const referrer = async (subject: BuiltManifest, statement: Record<string, unknown>) => {
    const annotations = { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': statement.predicateType as string, 'org.opencontainers.image.created': '2026-11-30T12:00:00Z' };
    const built = buildBundleReferrer(subject.descriptor, bytes(JSON.stringify(sign(statement).bundle)), annotations);
    await push.push(repo, built);
    await push.pushReferrerViaTagSchema(repo, subject.digest, built.descriptor);
  };
  const image = async (tag: string) => {
    const built = buildImage({ os: 'linux', architecture: 'amd64' }, bytes(`layer of ${repo}:${tag}`));
    await push.push(repo, built, tag);
    return built;
  };

  const attested = await image('attested');
  const d = attested.digest;
  await push.pushCosignTag(repo, d, 'att', [attLayer(statementFor(d, PREDICATE.spdx, npmSbom('spdx'))), attLayer(statementFor(d, PREDICATE.openvex, openVexDocument(`pkg:oci/attested@${d}`))), attLayer(statementFor(d, PREDICATE.vuln, trivyVuln()))]);
  await referrer(attested, statementFor(d, PREDICATE.cyclonedx, npmSbom('cyclonedx')));
  await referrer(attested, statementFor(d, PREDICATE.slsa1, githubProvenance()));
  await referrer(attested, statementFor(d, PREDICATE.sign, {}));
  await pushAttachedSbom(push, repo, d, bytes(JSON.stringify(npmSbom('spdx'))));

  const forked = await image('forked');
  await referrer(forked, statementFor(forked.digest, PREDICATE.slsa1, githubProvenance({ ...SOURCE, repository: 'mallory/octo-app' })));

  const big = await image('big-sbom');
  await referrer(big, statementFor(big.digest, PREDICATE.cyclonedx, generatedCycloneDx(20_000)));

  const amd64 = buildImage({ os: 'linux', architecture: 'amd64' }, bytes(`amd64 layer of ${repo}:multi-attested`));
  const arm64 = buildImage({ os: 'linux', architecture: 'arm64', variant: 'v8' }, bytes(`arm64 layer of ${repo}:multi-attested`));
  const index = buildIndex([amd64, arm64]);
  await push.push(repo, index, 'multi-attested');
  await referrer(index, statementFor(index.digest, PREDICATE.sign, {}));
  await referrer(amd64, statementFor(amd64.digest, PREDICATE.spdx, npmSbom('spdx')));
  await push.pushCosignTag(repo, amd64.digest, 'att', [attLayer(statementFor(amd64.digest, PREDICATE.slsa1, githubProvenance()))]);

  return { attested: d, forked: forked.digest, bigSbom: big.digest, multi: { index: index.digest, amd64: amd64.digest, arm64: arm64.digest } };
}

// `cosign attach sbom --type spdx --input-format json`: one layer of media type text/spdx+json at `sha256-<hex>.sbom`.
async function pushAttachedSbom(push: ReturnType<typeof pushClient>, repo: string, subjectDigest: string, sbom: Bytes): Promise<void> {
  const config = jsonBytes({ architecture: '', os: '', rootfs: { type: 'layers', diff_ids: [] }, config: {} });
  const layer = describeBytes('text/spdx+json', sbom);
  const manifest = buildManifest(OCI_MANIFEST, { schemaVersion: 2, mediaType: OCI_MANIFEST, config: describeBytes(OCI_CONFIG, config), layers: [layer] }, [config, sbom]);
  await push.push(repo, manifest, `${subjectDigest.replace(':', '-')}.sbom`);
}
