// Test-only loaders for conformance bundles and trusted roots (read-only data under ../shared).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePublicKey, type PublicKey } from '../../../src/core/crypto';
import { fromBase64 } from '../../../src/core/encoding';
import type { CertificateAuthority, TransparencyLogInstance, ValidityPeriod } from '../../../src/core/trust/types';

export const SHARED = resolve(process.cwd(), '../shared');
export const CASES = resolve(SHARED, 'conformance/bundle-verify');
export const PRODUCTION_ROOT = resolve(SHARED, 'conformance/_roots/production_trusted_root.json');

type Json = Record<string, any>;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

// The leaf certificate DER of a bundle (v0.1/v0.2 chain or v0.3 single certificate) and the rest of its chain.
export function bundleCertificates(path: string): Uint8Array[] {
  const vm = readJson(path).verificationMaterial as Json;
  const certs: Json[] = vm.certificate ? [vm.certificate] : vm.x509CertificateChain.certificates;
  return certs.map((c) => fromBase64(c.rawBytes as string));
}

// The leaf of a conformance case's bundle.
export function caseLeaf(name: string): Uint8Array {
  return bundleCertificates(resolve(CASES, name, 'bundle.sigstore.json'))[0]!;
}

function validity(v: Json | undefined): ValidityPeriod {
  const out: ValidityPeriod = {};
  if (v?.start) out.start = Date.parse(v.start as string);
  if (v?.end) out.end = Date.parse(v.end as string);
  return out;
}

export interface TestRoot {
  certificateAuthorities: CertificateAuthority[];
  ctlogs: TransparencyLogInstance[];
}

// The CAs and CT logs of a protobuf-JSON trusted_root.json.
export function loadRoot(path: string): TestRoot {
  const root = readJson(path);
  return {
    certificateAuthorities: (root.certificateAuthorities as Json[]).map((ca, i) => ({
      subject: ca.subject,
      uri: ca.uri,
      certChain: (ca.certChain.certificates as Json[]).map((c) => fromBase64(c.rawBytes as string)),
      validFor: validity(ca.validFor),
      where: `certificateAuthorities[${i}]`,
    })),
    // Staging roots list one CT log key as a bare PKCS#1 RSAPublicKey, not an SPKI: such entries are left out.
    ctlogs: (root.ctlogs as Json[]).flatMap((log, i) => {
      let publicKey: PublicKey;
      try {
        publicKey = parsePublicKey(fromBase64(log.publicKey.rawBytes as string), `ctlogs[${i}]`);
      } catch {
        return [];
      }
      const entry: TransparencyLogInstance = {
        baseUrl: log.baseUrl,
        hashAlgorithm: 'SHA-256',
        publicKey,
        keyDetails: log.publicKey.keyDetails,
        validFor: validity(log.publicKey.validFor),
        logId: fromBase64(log.logId.keyId as string),
        where: `ctlogs[${i}]`,
      };
      return [entry];
    }),
  };
}

// A case's own trusted root when it has one, else the production root.
export function caseRoot(name: string): TestRoot {
  const own = resolve(CASES, name, 'trusted_root.json');
  return loadRoot(existsSync(own) ? own : PRODUCTION_ROOT);
}
