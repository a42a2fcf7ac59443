// cosign flags Signet does not support, each with the reason: a pipeline that passes one learns it at once
// (exit 2) instead of getting a verdict that silently ignored what it asked for.

const CREDENTIALS = 'registry credentials never go on the command line, where other users can read them; set SIGNET_REGISTRY_USERNAME and SIGNET_REGISTRY_PASSWORD';
const TRUST_FROM_ROOT =
  'Signet takes certificate authorities, logs and timestamp authorities only from a trusted root, so one file says what is trusted; put a private CA in a trusted_root.json and pass --trusted-root';
const CLIENT_TLS = 'Signet does not present client certificates or custom CAs to registries';

const REFUSED: Record<string, string> = {
  sk: 'hardware security keys are not read; export the public key (cosign public-key --sk) and pass the PEM file with --key',
  slot: 'hardware security keys are not read; export the public key (cosign public-key --sk) and pass the PEM file with --key',
  'rekor-url':
    'Signet verifies the log entry carried with the signature offline, against the log keys of the trusted root; it never looks entries up, so a log URL would change nothing (a private log belongs in --trusted-root)',
  'ca-roots': TRUST_FROM_ROOT,
  'ca-intermediates': TRUST_FROM_ROOT,
  'certificate-chain': TRUST_FROM_ROOT,
  'timestamp-certificate-chain': TRUST_FROM_ROOT,
  'allow-insecure-registry': 'Signet always checks registry TLS certificates; only loopback registries are reached over plain HTTP, as Docker does',
  'allow-http-registry': 'Signet reaches only loopback registries over plain HTTP, as Docker does; every other registry over HTTPS',
  'registry-username': CREDENTIALS,
  'registry-password': CREDENTIALS,
  'registry-token': CREDENTIALS,
  'registry-cacert': CLIENT_TLS,
  'registry-client-cert': CLIENT_TLS,
  'registry-client-key': CLIENT_TLS,
  'registry-server-name': CLIENT_TLS,
  'k8s-keychain': 'Signet does not read Kubernetes image pull secrets; set SIGNET_REGISTRY_USERNAME and SIGNET_REGISTRY_PASSWORD',
  attachment: 'cosign attachments (a deprecated cosign feature) are not verified; verify an attestation instead',
  'attachment-tag-prefix': 'cosign attachments (a deprecated cosign feature) are not verified',
  'local-image': 'images are read from registries only; OCI layout directories are not supported',
  payload: 'a detached payload file is not supported: Signet verifies the payload stored with the signature',
  annotations: 'checking signature annotations is not supported, and a verdict that skipped them would claim more than was checked',
  sct: 'a detached SCT is not supported; Signet verifies the SCT embedded in the certificate',
  'rfc3161-timestamp': 'a detached timestamp file is not supported; give a Sigstore bundle (--bundle), which carries its timestamps',
  'signature-digest-algorithm': 'Signet uses the digest algorithm the signature and key declare; choosing another is not supported',
  'max-workers': 'use --concurrency N to bound how many images are verified at once',
  'certificate-email': 'cosign renamed this flag; use --certificate-identity',
  'cert-email': 'cosign renamed this flag; use --certificate-identity',
  policy: 'CUE and Rego policies are not evaluated; Signet checks the predicate type (--type) and the signer',
};

// Why Signet refuses the cosign flag `name`, or undefined when it is not a known cosign flag.
export function refusedFlag(name: string): string | undefined {
  return Object.hasOwn(REFUSED, name) ? REFUSED[name] : undefined;
}

const KEY_SCHEMES: [RegExp, string][] = [
  [/^(awskms|gcpkms|azurekms|hashivault):\/\//i, 'keys held in a KMS are not fetched; export the public key (cosign public-key --key URI) and pass the PEM file'],
  [/^k8s:\/\//i, 'keys in Kubernetes secrets are not read; export the public key and pass the PEM file'],
  [/^gitlab:\/\//i, 'keys stored in GitLab are not read; export the public key and pass the PEM file'],
  [/^pkcs11:/i, 'PKCS#11 tokens are not read; export the public key and pass the PEM file'],
  [/^env:\/\//i, 'keys are read from files only; write the PEM to a file and pass its path'],
  [/^https?:\/\//i, 'keys are not downloaded; fetch the PEM yourself (so you decide whom to trust) and pass the file'],
];

// Why a --key value is refused (a KMS or other remote key reference), or undefined for a file path.
export function refusedKeyReference(value: string): string | undefined {
  return KEY_SCHEMES.find(([re]) => re.test(value))?.[1];
}
