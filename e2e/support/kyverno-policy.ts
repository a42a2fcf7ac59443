// The Kyverno docs' keyless verifyImages example (check-image-keyless), pointed at a test registry's images.

// A ClusterPolicy that admits images matching `imageReferences` when signed keyless by the test instance's workflow
// identities under `issuer`.
export function kyvernoKeylessPolicy(imageReferences: string, issuer: string): string {
  return `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: check-image-keyless
spec:
  validationFailureAction: Enforce
  rules:
    - name: check-image-keyless
      match:
        any:
          - resources:
              kinds: [Pod]
      verifyImages:
        - imageReferences: ["${imageReferences}"]
          attestors:
            - entries:
                - keyless:
                    subject: "https://github.com/signet-test/*"
                    issuer: "${issuer}"
`;
}
