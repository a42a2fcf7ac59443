// A Sigstore policy-controller ClusterImagePolicy (policy.sigstore.dev/v1beta1) admitting exactly the pinned signer.
import { anchoredLiteral } from './anchored-regexp';
import { yamlDocument, type YamlMapping } from './yaml';
import { POLICY_NAME, PUBLIC_GOOD, type PinOptions } from './pin-options';
import type { PinnedSigner } from './pinned-signer';

// The policy YAML; the image glob defaults to "**" (every image). Identities carry no workflow claims in this API.
export function policyControllerPolicy(signer: PinnedSigner, opts: PinOptions): string {
  const identity: YamlMapping =
    opts.form === 'regexp'
      ? { issuerRegExp: anchoredLiteral(signer.issuer), subjectRegExp: anchoredLiteral(signer.subject) }
      : { issuer: signer.issuer, subject: signer.subject };
  const attestations: YamlMapping = signer.predicateType === undefined ? {} : { attestations: [{ name: 'pinned-predicate-type', predicateType: signer.predicateType }] };
  return yamlDocument({
    apiVersion: 'policy.sigstore.dev/v1beta1',
    kind: 'ClusterImagePolicy',
    metadata: { name: POLICY_NAME },
    spec: {
      images: [{ glob: opts.image ?? '**' }],
      authorities: [{ keyless: { url: PUBLIC_GOOD.fulcio, identities: [identity] }, ctlog: { url: PUBLIC_GOOD.rekor }, ...attestations }],
    },
  });
}
