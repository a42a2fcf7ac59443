// The signing certificate section, read from the certificate the engine decoded (not from display labels).
import type { VerificationResult } from '../../core';
import { leafCertificate } from '../../lib/read-result';
import { field } from './markdown';

// "## Certificate": SANs, OIDC issuer, issuing CA, serial, validity and every Fulcio claim by its name and OID.
export function certificateSection(result: VerificationResult): string {
  const cert = leafCertificate(result);
  if (!cert) {
    return '## Certificate\n\nNo certificate could be read from this result: the signature is key-based, or the run stopped before the certificate was decoded.';
  }
  const claims = cert.claims.map((c) => `  ${field(`${c.name} (${c.oid})`, c.value)}`);
  const lines = [
    ...cert.subjectAltNames.map((san) => field(`Subject alternative name (${san.type})`, san.value)),
    field('OIDC issuer', cert.oidcIssuer ?? 'none'),
    field('Issued by', cert.issuer),
    field('Serial number', cert.serialNumber),
    field('Valid from', cert.notBefore),
    field('Valid until', cert.notAfter),
    claims.length === 0 ? field('Fulcio claims', 'none') : `- **Fulcio claims**:\n${claims.join('\n')}`,
  ];
  return `## Certificate\n\n${lines.join('\n')}`;
}
