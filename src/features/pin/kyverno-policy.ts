// A Kyverno ClusterPolicy (kyverno.io/v1) whose verifyImages rule admits images signed by exactly the pinned signer.
import { anchoredLiteral } from './anchored-regexp';
import { yamlDocument, type YamlMapping } from './yaml';
import { POLICY_NAME, PUBLIC_GOOD, type PinOptions } from './pin-options';
import type { PinnedSigner } from './pinned-signer';

/** Characters some Kyverno versions read as wildcards in `subject`. */
const KYVERNO_WILDCARD = /[*?]/;

// The keyless attestor: exact subject/issuer, or anchored expressions; a subject with wildcard characters is always pinned as an expression.
function keyless(signer: PinnedSigner, opts: PinOptions): YamlMapping {
  const regexp = opts.form === 'regexp';
  const subject: YamlMapping = regexp || KYVERNO_WILDCARD.test(signer.subject) ? { subjectRegExp: anchoredLiteral(signer.subject) } : { subject: signer.subject };
  const issuer: YamlMapping = regexp ? { issuerRegExp: anchoredLiteral(signer.issuer) } : { issuer: signer.issuer };
  const extensions: YamlMapping = signer.claims.length === 0 ? {} : { additionalExtensions: Object.fromEntries(signer.claims.map((c) => [c.claim, c.value])) };
  return { ...subject, ...issuer, rekor: { url: PUBLIC_GOOD.rekor }, ...extensions };
}

// The policy YAML; imageReferences defaults to "*" (every image) for the user to narrow.
export function kyvernoPolicy(signer: PinnedSigner, opts: PinOptions): string {
  const attestors = [{ entries: [{ keyless: keyless(signer, opts) }] }];
  const verification: YamlMapping = signer.predicateType === undefined ? { attestors } : { attestations: [{ type: signer.predicateType, attestors }] };
  return yamlDocument({
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: POLICY_NAME },
    spec: {
      validationFailureAction: 'Enforce',
      webhookTimeoutSeconds: 30,
      rules: [
        {
          name: 'verify-signer',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          verifyImages: [{ imageReferences: [opts.image ?? '*'], ...verification }],
        },
      ],
    },
  });
}
