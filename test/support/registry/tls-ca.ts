// A throwaway TLS certificate authority and a server certificate for 127.0.0.1 and localhost, so a test registry
// speaks HTTPS that only the test itself trusts (RFC 5280 profile: CA:TRUE root, serverAuth leaf with SANs).
import { Agent, fetch as undiciFetch } from 'undici';
import { generateKey, toPem } from '../sigstore/keys';
import { createRootCa } from '../sigstore/ca';
import { ctxPrim, seq } from '../sigstore/der';
import { authorityKeyId, extKeyUsage, issueCertificate, keyUsage, OID, randomSerial, subjectKeyId, type Extension } from '../sigstore/x509';

export interface TestTls {
  /** The CA certificate to trust, PEM. */
  caPem: string;
  /** The server certificate, PEM. */
  certificatePem: string;
  /** The server's private key, PKCS #8 PEM. */
  keyPem: string;
}

// id-kp-serverAuth (RFC 5280 §4.2.1.12).
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const DIGITAL_SIGNATURE = 0;
const DAY_MS = 24 * 60 * 60 * 1000;

// subjectAltName with dNSName [2] localhost and iPAddress [7] 127.0.0.1 (RFC 5280 §4.2.1.6).
function loopbackNames(): Extension {
  return { oid: OID.subjectAltName, critical: false, value: seq(ctxPrim(2, new TextEncoder().encode('localhost')), ctxPrim(7, Uint8Array.of(127, 0, 0, 1))) };
}

// A new CA and a server certificate it issued, valid from yesterday for a week.
export function createTestTls(): TestTls {
  const notBefore = new Date(Date.now() - DAY_MS);
  const notAfter = new Date(Date.now() + 7 * DAY_MS);
  const ca = createRootCa('ecdsa-p256', { organization: 'Signet tests', commonName: 'Signet test TLS CA' }, notBefore, notAfter);
  const key = generateKey('ecdsa-p256');
  const certificate = issueCertificate(
    {
      serial: randomSerial(),
      issuer: ca.name,
      subject: { organization: 'Signet tests', commonName: 'localhost' },
      notBefore,
      notAfter,
      spki: key.spki,
      extensions: [keyUsage([DIGITAL_SIGNATURE]), extKeyUsage([SERVER_AUTH]), loopbackNames(), subjectKeyId(key.spki), authorityKeyId(ca.key.spki)],
    },
    ca.key,
  );
  return {
    caPem: toPem('CERTIFICATE', ca.certificate),
    certificatePem: toPem('CERTIFICATE', certificate),
    keyPem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

// A fetch that trusts only the given CA for HTTPS, over pooled keep-alive connections; close() ends them.
export function fetchTrusting(caPem: string): { fetch: typeof fetch; close(): Promise<void> } {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  const trusting = (input: string | URL | Request, init: RequestInit = {}) => undiciFetch(input as string, { ...(init as object), dispatcher });
  return { fetch: trusting as unknown as typeof fetch, close: () => dispatcher.close() };
}
