// Test-only certificate factory built on @peculiar/x509 (Node WebCrypto), for profiles real data cannot show.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface Issued {
  der: Uint8Array;
  keys: CryptoKeyPair;
  name: x509.JsonName | string;
}

export interface CertOptions {
  name: x509.JsonName | string;
  issuer?: Issued;
  ca?: boolean;
  pathLength?: number;
  keyUsage?: number;
  eku?: string[];
  san?: x509.JsonGeneralName[];
  extra?: x509.Extension[];
  notBefore?: Date;
  notAfter?: Date;
  /** Leave out the authority key identifier (default: present when there is an issuer). */
  noAuthorityKeyId?: boolean;
}

// One certificate, self-signed unless an issuer is given; keys are fresh P-256 pairs.
export async function makeCert(o: CertOptions): Promise<Issued> {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const extensions: x509.Extension[] = [await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)];
  if (o.ca !== undefined) extensions.push(new x509.BasicConstraintsExtension(o.ca, o.pathLength, true));
  if (o.keyUsage !== undefined) extensions.push(new x509.KeyUsagesExtension(o.keyUsage, true));
  if (o.eku) extensions.push(new x509.ExtendedKeyUsageExtension(o.eku));
  if (o.san) extensions.push(new x509.SubjectAlternativeNameExtension(o.san, true));
  if (o.issuer && !o.noAuthorityKeyId) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(o.issuer.keys.publicKey));
  extensions.push(...(o.extra ?? []));
  const base = {
    serialNumber: '01' + Math.floor(Math.random() * 1e8).toString(16),
    notBefore: o.notBefore ?? new Date('2024-01-01T00:00:00Z'),
    notAfter: o.notAfter ?? new Date('2034-01-01T00:00:00Z'),
    signingAlgorithm: SIGNING,
    extensions,
  };
  const cert = o.issuer
    ? await x509.X509CertificateGenerator.create({ ...base, subject: o.name, issuer: o.issuer.name, publicKey: keys.publicKey, signingKey: o.issuer.keys.privateKey })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...base, name: o.name, keys });
  return { der: new Uint8Array(cert.rawData), keys, name: o.name };
}

export const KU = x509.KeyUsageFlags;
export const CODE_SIGNING = '1.3.6.1.5.5.7.3.3';

// A raw extension with the given OID and DER value.
export function rawExtension(oid: string, value: Uint8Array, critical = false): x509.Extension {
  return new x509.Extension(oid, critical, new Uint8Array(value));
}

// A trusted-root certificate authority over the given DER chain (issuing certificate first).
export function authority(chain: Uint8Array[], validFor: { start?: number; end?: number } = {}, where = 'certificateAuthorities[0]') {
  return { subject: { organization: 'Signet', commonName: 'test' }, uri: 'https://ca.test', certChain: chain, validFor, where };
}
