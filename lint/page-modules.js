// What the page (src/features, src/app, src/components, src/lib) may run of the engine, and which modules are the
// workers' own: the lists the layer zones and the app-size bench share.

// The modules that run in a Web Worker: worker entry files (`*-worker.ts`), a feature's `worker/` folder, and the
// helpers only workers import. They may use the whole engine; the page may import only their types.
export const WORKER_MODULES = ['src/features/*/*-worker', 'src/features/*/worker', 'src/lib/read-artifact', 'src/lib/proxy-fetch', 'src/lib/trusted-root-choice', 'src/lib/named-digests', 'src/lib/trust-summary', 'src/lib/trust-summary-worker'];

// What of the engine the page may run: encoders (hex, base64, UTF-8, the DSSE PAE the DSSE view draws from the
// result's signed payload), JSON guards, limits, constant tables, helpers over the record and
// its view models, and the reader of a digest the user types (sha256:…).
// Everything else of src/core decodes or checks input and runs in the worker: x509 (DER certificates, SCTs),
// encoding/der, encoding/pem, encoding/json-fields, tlog (entry bodies, checkpoints, proofs),
// bundle, dsse, attest readers (SPDX, CycloneDX, SLSA, OpenVEX, vuln, purl), tsa, trust (roots, TUF), policy,
// crypto, verify and the view builders in views; and all of oci, image and audit.
export const PAGE_SAFE_CORE = [
  'src/core/public-constants',
  'src/core/limits',
  'src/core/errors',
  'src/core/evidence',
  'src/core/encoding/hex',
  'src/core/encoding/base64',
  'src/core/encoding/bytes',
  'src/core/encoding/dsse-pae',
  'src/core/encoding/json',
  'src/core/encoding/quote',
  'src/core/policy/workflow-claims',
  'src/core/verify/thresholds',
  'src/core/verify/waived-steps',
  'src/core/crypto/digest-label',
  'src/core/crypto/hash-algorithms',
  'src/core/attest/predicate-types',
  'src/core/attest/view-model',
  'src/core/attest/sbom-summary',
  'src/core/attest/bounded',
  'src/core/views/view-model',
];
