// Test-only loading of conformance cases: bundle timestamps, the signed bytes and the trusted root's TSAs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CertificateAuthority } from '../../../src/core/trust/types';

export const SHARED = resolve(process.cwd(), '../shared');
export const CASES = resolve(SHARED, 'conformance/bundle-verify');
export const PRODUCTION_ROOT = resolve(SHARED, 'conformance/_roots/production_trusted_root.json');
export const DOCKER_BUNDLE = resolve(SHARED, 'fixtures/dockerhub-buildkittest/bundle.sigstore.json');

const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

interface BundleJson {
  verificationMaterial: {
    timestampVerificationData?: { rfc3161Timestamps?: { signedTimestamp: string }[] };
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: { rawBytes: string }[] };
  };
  messageSignature?: { signature: string };
  dsseEnvelope?: { signatures: { sig: string }[] };
}

// The first timestamp's DER, the bytes it must cover and the bundle's leaf certificate.
export function loadBundle(path: string): { timestamp: Uint8Array; signedBytes: Uint8Array; leaf?: Uint8Array } {
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as BundleJson;
  const ts = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.[0];
  if (!ts) throw new Error(`${path} has no RFC 3161 timestamp`);
  const sig = bundle.messageSignature?.signature ?? bundle.dsseEnvelope?.signatures[0]?.sig;
  if (!sig) throw new Error(`${path} has no signature`);
  const vm = bundle.verificationMaterial;
  const cert = vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates[0]?.rawBytes;
  return { timestamp: b64(ts.signedTimestamp), signedBytes: b64(sig), ...(cert && { leaf: b64(cert) }) };
}

interface RootJson {
  timestampAuthorities?: {
    subject?: { organization?: string; commonName?: string };
    uri?: string;
    certChain: { certificates: { rawBytes: string }[] };
    validFor: { start?: string; end?: string };
  }[];
}

// The timestampAuthorities of a trusted_root.json as CertificateAuthority objects.
export function loadAuthorities(path: string): CertificateAuthority[] {
  const root = JSON.parse(readFileSync(path, 'utf8')) as RootJson;
  return (root.timestampAuthorities ?? []).map((t, i) => ({
    subject: { organization: t.subject?.organization ?? '', commonName: t.subject?.commonName ?? '' },
    uri: t.uri ?? '',
    certChain: t.certChain.certificates.map((c) => b64(c.rawBytes)),
    validFor: {
      ...(t.validFor.start && { start: Date.parse(t.validFor.start) }),
      ...(t.validFor.end && { end: Date.parse(t.validFor.end) }),
    },
    where: `timestampAuthorities[${i}]`,
  }));
}

// A conformance case by directory name: its bundle and its own trusted root.
export function loadCase(name: string) {
  return { ...loadBundle(resolve(CASES, name, 'bundle.sigstore.json')), authorities: loadAuthorities(resolve(CASES, name, 'trusted_root.json')) };
}

// Where a view returned by the parser sits inside the bytes it was parsed from.
export function offsetIn(whole: Uint8Array, view: Uint8Array): number {
  const offset = view.byteOffset - whole.byteOffset;
  if (view.buffer !== whole.buffer || offset < 0 || offset + view.length > whole.length) throw new Error('not a view into these bytes');
  return offset;
}

// A copy with one byte XOR-ed.
export function flip(bytes: Uint8Array, at: number, mask = 0x01): Uint8Array {
  const out = bytes.slice();
  out[at]! ^= mask;
  return out;
}
