// Verification of an RFC 3161 timestamp against the timestamp authorities of the trusted root.
import { VerifyError } from '../errors';
import { bytesEqual, readTlv, toHex } from '../encoding';
import { digest } from '../crypto';
import { isWithin, type CertificateAuthority } from '../trust/types';
import type { Evidence } from '../evidence';
import { formatName } from '../x509/names';
import type { Certificate } from '../x509/certificate';
import { authorityCertificates, verifyWithKey } from './authority';
import { serialHex } from './der-fields';
import { OID_TST_INFO } from './parse-timestamp';
import type { SignerIdentifier, TimestampResult, TimestampToken } from './types';

const OID_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

// Verify a parsed token over signedBytes (the bundle's signature bytes): imprint, CMS binding, trust, time, signature.
export async function verifyTimestamp(token: TimestampToken, signedBytes: Uint8Array, authorities: CertificateAuthority[]): Promise<TimestampResult> {
  const { signer, where } = token;
  await verifyImprint(token, signedBytes);
  await verifyContentBinding(token);
  const candidates = authorities.filter((ca) => signerMatches(authorityCertificates(ca)?.[0], signer.sid));
  if (candidates.length === 0) {
    throw new VerifyError('TSA_UNTRUSTED', 'the timestamp was signed by an authority the trusted root does not list', {
      where: `${where}.signedData.signerInfos[0].sid`,
      expected: `one of: ${authorities.map(describeAuthority).join('; ') || 'no timestamp authority in the trusted root'}`,
      found: describeSid(signer.sid),
    });
  }
  let firstError: unknown;
  for (const authority of candidates) {
    try {
      return await verifyWithAuthority(token, authority);
    } catch (err) {
      firstError ??= err;
    }
  }
  throw firstError;
}

// RFC 3161 §2.4.2: messageImprint = hash of the timestamped data, with the hash it names.
async function verifyImprint({ tstInfo, where }: TimestampToken, signedBytes: Uint8Array): Promise<void> {
  const { hashAlgorithm, hashedMessage } = tstInfo.messageImprint;
  const computed = await digest(hashAlgorithm, signedBytes);
  if (!bytesEqual(computed, hashedMessage)) {
    throw new VerifyError('TSA_IMPRINT_MISMATCH', 'the timestamp covers different bytes than the bundle signature', {
      where: `${where}.TSTInfo.messageImprint`,
      expected: `${hashAlgorithm} ${toHex(computed)}`,
      found: `${hashAlgorithm} ${toHex(hashedMessage)}`,
    });
  }
}

// RFC 5652 §5.4, §11.1, §11.2: the signed attributes name id-ct-TSTInfo and carry the digest of the TSTInfo bytes.
async function verifyContentBinding({ tstInfo, signer, where }: TimestampToken): Promise<void> {
  if (signer.contentType !== OID_TST_INFO) {
    throw new VerifyError('TSA_SIGNATURE_INVALID', 'the signed content-type attribute does not name a TSTInfo', {
      where: `${where}.signedData.signerInfos[0].signedAttrs.contentType`,
      expected: OID_TST_INFO,
      found: signer.contentType,
    });
  }
  const computed = await digest(signer.digestAlgorithm, tstInfo.der);
  if (!bytesEqual(computed, signer.messageDigest)) {
    throw new VerifyError('TSA_SIGNATURE_INVALID', 'the signed message-digest attribute does not match the TSTInfo', {
      where: `${where}.signedData.signerInfos[0].signedAttrs.messageDigest`,
      expected: `${signer.digestAlgorithm} ${toHex(computed)}`,
      found: toHex(signer.messageDigest),
    });
  }
}

// Whether a trusted leaf is the certificate the SignerIdentifier names (RFC 5652 §5.3).
function signerMatches(leaf: Certificate | undefined, sid: SignerIdentifier): boolean {
  if (!leaf) return false;
  if (sid.kind === 'issuerAndSerialNumber') return bytesEqual(leaf.rawIssuer, sid.issuer) && leaf.serialNumber === serialHex(sid.serialNumber);
  return leaf.subjectKeyId === toHex(sid.keyId);
}

// The checks that depend on the authority: validity windows, chain, EKU, ESSCertID and the CMS signature.
async function verifyWithAuthority(token: TimestampToken, authority: CertificateAuthority): Promise<TimestampResult> {
  const { tstInfo, signer, where } = token;
  const certs = authorityCertificates(authority)!;
  const leaf = certs[0]!;
  const time = tstInfo.genTime;
  const at = new Date(time).toISOString();
  if (!isWithin(authority.validFor, time)) {
    throw new VerifyError('TSA_NOT_VALID_AT_TIME', 'the trusted root does not trust this timestamp authority at the time it gave', {
      where: `${authority.where}.validFor`,
      expected: describePeriod(authority.validFor),
      found: at,
    });
  }
  for (const [i, cert] of certs.entries()) {
    if (time < cert.notBefore || time > cert.notAfter) {
      throw new VerifyError('TSA_NOT_VALID_AT_TIME', `the TSA certificate ${cert.subject} was not valid at the timestamp's time`, {
        where: `${authority.where}.certChain.certificates[${i}]`,
        expected: `${new Date(cert.notBefore).toISOString()} to ${new Date(cert.notAfter).toISOString()}`,
        found: at,
      });
    }
  }
  const chainError = await verifyChainSignatures(authority);
  if (chainError) throw chainError;
  // RFC 3161 §2.3: the TSA's certificate carries the id-kp-timeStamping extended key usage.
  if (!leaf.extKeyUsage.includes(OID_TIME_STAMPING)) {
    throw new VerifyError('TSA_UNTRUSTED', 'the TSA certificate is not for timestamping', {
      where: `${authority.where}.certChain.certificates[0]`,
      expected: `extended key usage ${OID_TIME_STAMPING} (timeStamping)`,
      found: leaf.extKeyUsage.join(', ') || 'no extended key usage',
    });
  }
  await verifySigningCertificateRef(token, leaf, authority);
  const verified = await verifyWithKey(leaf.publicKey, signer.signatureAlgorithm, signer.digestAlgorithm, signer.signature, signer.signedAttrs);
  if (!verified) {
    throw new VerifyError('TSA_SIGNATURE_INVALID', 'the timestamp signature does not verify with the TSA certificate key', {
      where: `${where}.signedData.signerInfos[0].signature`,
      expected: `a ${signer.signatureAlgorithm.scheme} signature by ${leaf.subject} (${leaf.publicKey.description})`,
      found: toHex(signer.signature),
    });
  }
  return {
    time,
    authority,
    serialNumber: serialHex(tstInfo.serialNumber),
    policy: tstInfo.policy,
    hashAlgorithm: tstInfo.messageImprint.hashAlgorithm,
    messageImprint: toHex(tstInfo.messageImprint.hashedMessage),
    evidence: evidenceFor(token, authority, certs),
  };
}

const chainChecks = new WeakMap<CertificateAuthority, Promise<VerifyError | null>>();

// Each certificate of the authority's chain is issued and signed by the next (RFC 5280 §6.1.3); computed once.
function verifyChainSignatures(authority: CertificateAuthority): Promise<VerifyError | null> {
  let check = chainChecks.get(authority);
  if (!check) {
    check = (async () => {
      const certs = authorityCertificates(authority)!;
      for (let i = 0; i + 1 < certs.length; i++) {
        const [cert, issuer] = [certs[i]!, certs[i + 1]!];
        const named = bytesEqual(cert.rawIssuer, issuer.rawSubject);
        const signed = named && issuer.isCA && (await verifyWithKey(issuer.publicKey, cert.signatureAlgorithm, cert.signatureAlgorithm.hash, cert.signatureValue, cert.tbs));
        if (!signed) {
          return new VerifyError('TSA_UNTRUSTED', `the TSA certificate ${cert.subject} is not issued by the next certificate of the chain`, {
            where: `${authority.where}.certChain.certificates[${i}]`,
            expected: `issued and signed by the CA ${issuer.subject}`,
            found: !named ? `issuer ${cert.issuer}` : !issuer.isCA ? `${issuer.subject} is not a CA` : 'a signature that does not verify',
          });
        }
      }
      return null;
    })();
    chainChecks.set(authority, check);
  }
  return check;
}

// RFC 5816 / RFC 2634 §5.4: the ESSCertID(v2) the TSA signed must name the trusted signing certificate.
async function verifySigningCertificateRef({ signer, where }: TimestampToken, leaf: Certificate, authority: CertificateAuthority): Promise<void> {
  const ref = signer.signingCertificate;
  if (!ref?.hashAlgorithm) return; // absent, or ESSCertID v1 (SHA-1): the signer identifier already named the certificate
  const computed = await digest(ref.hashAlgorithm, leaf.der);
  if (!bytesEqual(computed, ref.certHash)) {
    throw new VerifyError('TSA_UNTRUSTED', 'the timestamp names a different signing certificate than the trusted one', {
      where: `${where}.signedData.signerInfos[0].signedAttrs.signingCertificateV2`,
      expected: `${ref.hashAlgorithm} ${toHex(computed)} (${authority.where}.certChain.certificates[0])`,
      found: toHex(ref.certHash),
    });
  }
}

// What the timeline shows for a verified timestamp.
function evidenceFor({ tstInfo, signer, certificates }: TimestampToken, authority: CertificateAuthority, certs: Certificate[]): Evidence[] {
  const leaf = certs[0]!;
  const identical = certificates.some((c) => bytesEqual(c, leaf.der));
  const embedded =
    certificates.length === 0 ? 'none' : `${certificates.length}, ${identical ? 'one identical to the trusted TSA certificate' : 'not used for trust'}`;
  const evidence: Evidence[] = [
    { kind: 'time', label: 'Timestamp (genTime)', value: new Date(tstInfo.genTime).toISOString() },
    { kind: 'text', label: 'Timestamp authority', value: `${describeAuthority(authority)} (${authority.where})` },
    { kind: 'text', label: 'TSA certificate chain', value: certs.map((c) => c.subject).join(' → ') },
    { kind: 'hex', label: `Message imprint (${tstInfo.messageImprint.hashAlgorithm} of the signature)`, value: toHex(tstInfo.messageImprint.hashedMessage) },
    { kind: 'hex', label: `Signed message digest (${signer.digestAlgorithm} of TSTInfo)`, value: toHex(signer.messageDigest) },
    { kind: 'hex', label: 'Timestamp serial number', value: serialHex(tstInfo.serialNumber) },
    { kind: 'text', label: 'TSA policy', value: tstInfo.policy },
    { kind: 'text', label: 'Certificates embedded in the token', value: embedded },
  ];
  if (tstInfo.accuracy) {
    const { seconds, millis, micros } = tstInfo.accuracy;
    evidence.push({ kind: 'text', label: 'Accuracy', value: `±${seconds}s ${millis}ms ${micros}µs` });
  }
  if (tstInfo.nonce) evidence.push({ kind: 'hex', label: 'Nonce', value: toHex(tstInfo.nonce) });
  const tsaName = tstInfo.tsaName && describeDirectoryName(tstInfo.tsaName);
  if (tsaName) evidence.push({ kind: 'text', label: 'TSA name (as the token states it)', value: tsaName });
  return evidence;
}

// "organization / commonName" of a trusted-root authority entry.
function describeAuthority(ca: CertificateAuthority): string {
  return [ca.subject.organization, ca.subject.commonName].filter(Boolean).join(' / ') || ca.uri || ca.where;
}

// The signer identifier as text, for errors.
function describeSid(sid: SignerIdentifier): string {
  if (sid.kind === 'subjectKeyIdentifier') return `subject key identifier ${toHex(sid.keyId)}`;
  let issuer: string;
  try {
    issuer = formatName(sid.issuer, 'sid.issuer');
  } catch {
    issuer = toHex(sid.issuer);
  }
  return `issuer ${issuer}, serial ${serialHex(sid.serialNumber)}`;
}

// A GeneralName that is a directoryName [4] (RFC 5280 §4.2.1.6) as RFC 4514 text; undefined for other forms.
function describeDirectoryName(generalName: Uint8Array): string | undefined {
  try {
    const gn = readTlv(generalName, 0, 'TSTInfo.tsa');
    return gn.tag === 0xa4 ? formatName(readTlv(gn.value, 0, 'TSTInfo.tsa').value, 'TSTInfo.tsa') : undefined;
  } catch {
    return undefined;
  }
}

// A validity period as text.
function describePeriod(period: CertificateAuthority['validFor']): string {
  const end = period.end === undefined ? 'open-ended' : new Date(period.end).toISOString();
  return `${period.start === undefined ? 'since always' : new Date(period.start).toISOString()} to ${end}, both inclusive`;
}
