// The Kyverno docs' keyless verifyImages example (verify-images: check-image-keyless), pointed at a test registry's
// images: one ClusterPolicy text for the Node admission tests and the Chromium Policy-mode tests.

export interface KyvernoKeylessPolicy {
  /** The rule's imageReferences pattern. */
  imageReferences: string;
  /** The attestor set, as written after `attestors: - ` (`entries:` with keyless entries, `count:`…). */
  attestors: string;
  /** Lines of the verifyImages entry written before its attestors (skipImageReferences, say). */
  extra?: string;
  action?: 'Enforce' | 'Audit';
}

// The ClusterPolicy for these images and attestors.
export function kyvernoKeylessPolicy({ imageReferences, attestors, extra = '', action = 'Enforce' }: KyvernoKeylessPolicy): string {
  return `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: check-image-keyless
spec:
  validationFailureAction: ${action}
  webhookTimeoutSeconds: 30
  rules:
    - name: check-image-keyless
      match:
        any:
          - resources:
              kinds: [Pod]
      verifyImages:
        - imageReferences: ["${imageReferences}"]
${extra}          attestors:
            - ${attestors}
`;
}

// One keyless attestor entry for a subject and issuer, with the docs' Rekor URL when `rekor` is set.
export function keylessEntry(subject: string, issuer: string, rekor = false): string {
  return `keyless:
                    subject: "${subject}"
                    issuer: "${issuer}"${rekor ? '\n                    rekor:\n                      url: https://rekor.sigstore.dev' : ''}`;
}

// The attestor set of one keyless entry.
export function keylessEntries(subject: string, issuer: string, rekor = false): string {
  return `entries:\n                - ${keylessEntry(subject, issuer, rekor)}`;
}
