// The Kyverno keyless example policy the Chromium Policy-mode tests evaluate: the shared test policy with the test
// instance's workflow identities under `issuer`.
import { keylessEntries, kyvernoKeylessPolicy as policyText } from '../../test/support/kyverno-policy';

// A ClusterPolicy that admits images matching `imageReferences` when signed keyless by the test instance's workflow
// identities under `issuer`.
export function kyvernoKeylessPolicy(imageReferences: string, issuer: string): string {
  return policyText({ imageReferences, attestors: keylessEntries('https://github.com/signet-test/*', issuer) });
}
