// Certificate paths from a leaf to a certificate authority of the trusted root (RFC 5280 §6.1, Sigstore client spec §4).
import { VerifyError, toVerifyError } from '../errors';
import { LIMITS } from '../limits';
import { verifySignature, type PublicKey } from '../crypto';
import { bytesEqual } from '../encoding';
import { isWithin, type CertificateAuthority } from '../trust/types';
import { parseCertificate, type Certificate } from './certificate';
import type { SignatureScheme } from './algorithms';
import { OID } from './extensions';
import { formatTime } from './time';

export interface ChainResult {
  authority: CertificateAuthority;
  /** Leaf first, the authority's root (its last certificate) last. */
  path: Certificate[];
  /** The leaf's direct issuer, whose key SCTs are bound to. */
  issuer: Certificate;
}

const trustedCache = new WeakMap<CertificateAuthority, Certificate[]>();

// The authority's certificates, parsed once per CertificateAuthority object; TRUST_ROOT_INVALID when unusable.
function trustedCertificates(authority: CertificateAuthority): Certificate[] {
  const cached = trustedCache.get(authority);
  if (cached) return cached;
  const chain = authority.certChain;
  if (chain.length === 0 || chain.length > LIMITS.chainLength) {
    throw new VerifyError('TRUST_ROOT_INVALID', `${authority.where} has ${chain.length} certificates`, {
      where: `${authority.where}.certChain`,
      expected: `1 to ${LIMITS.chainLength} certificates`,
      found: String(chain.length),
    });
  }
  let certs: Certificate[];
  try {
    certs = chain.map((der, i) => parseCertificate(der, `${authority.where}.certChain[${i}]`));
  } catch (err) {
    const e = toVerifyError(err);
    throw new VerifyError('TRUST_ROOT_INVALID', `a trusted certificate authority is unusable: ${e.message}`, e.detail);
  }
  trustedCache.set(authority, certs);
  return certs;
}

const KEY_KIND: Record<SignatureScheme, PublicKey['kind']> = { ecdsa: 'ec', 'rsa-pkcs1': 'rsa', 'rsa-pss': 'rsa', ed25519: 'ed25519' };
const signatureCache = new WeakMap<Certificate, Map<Certificate, Promise<boolean>>>();

// Whether the issuer's key made the child's signature over its original TBS bytes; memoised per pair.
export function isSignedBy(child: Certificate, issuer: Certificate): Promise<boolean> {
  let perChild = signatureCache.get(child);
  if (!perChild) signatureCache.set(child, (perChild = new Map()));
  let result = perChild.get(issuer);
  if (!result) {
    const { hash, scheme } = child.signatureAlgorithm;
    result =
      KEY_KIND[scheme] !== issuer.publicKey.kind
        ? Promise.resolve(false)
        : verifySignature(issuer.publicKey, child.signatureValue, child.tbs, {
            hash,
            ...(scheme === 'rsa-pss' ? { rsaScheme: 'pss' as const } : scheme === 'rsa-pkcs1' ? { rsaScheme: 'pkcs1' as const } : {}),
          }).catch(() => false);
    perChild.set(issuer, result);
  }
  return result;
}

// Whether a candidate could have issued a certificate: names equal byte for byte, key identifiers (when both exist) equal.
function couldIssue(candidate: Certificate, cert: Certificate): boolean {
  if (!bytesEqual(candidate.rawSubject, cert.rawIssuer)) return false;
  return cert.authorityKeyId === undefined || candidate.subjectKeyId === undefined || cert.authorityKeyId === candidate.subjectKeyId;
}

// Self-issued under its own key identifier: the shape of a root certificate (RFC 5280 §3.2).
export function isSelfSigned(cert: Certificate): boolean {
  return couldIssue(cert, cert);
}

// Depth-first search for a path whose every signature verifies, ending at the authority's last certificate.
// undefined: nothing in this authority names the leaf's issuer.
async function findPath(leaf: Certificate, trusted: Certificate[]): Promise<Certificate[] | VerifyError | undefined> {
  const anchor = trusted[trusted.length - 1]!;
  const visited = new Set<Certificate>();
  let matched = false;
  let badSignature: VerifyError | undefined;
  const walk = async (path: Certificate[]): Promise<Certificate[] | undefined> => {
    const cert = path[path.length - 1]!;
    for (const candidate of trusted) {
      if (visited.has(candidate) || !couldIssue(candidate, cert)) continue;
      matched = true;
      if (!(await isSignedBy(cert, candidate))) {
        badSignature ??= signatureError(cert, candidate);
        continue;
      }
      visited.add(candidate);
      if (candidate === anchor) return [...path, candidate];
      const found = await walk([...path, candidate]);
      if (found) return found;
    }
    return undefined;
  };
  const path = await walk([leaf]);
  if (path) return path;
  if (!matched) return undefined;
  return badSignature ?? new VerifyError('CHAIN_UNTRUSTED', `no path from ${leaf.where} reaches the root of the authority`, {
    where: leaf.where,
    expected: `a path ending at ${anchor.subject} (${anchor.where})`,
    found: `issuer ${leaf.issuer} with no verified path onward`,
  });
}

// The CHAIN_SIGNATURE_INVALID error for a certificate its candidate issuer did not sign.
function signatureError(cert: Certificate, issuer: Certificate): VerifyError {
  const alg = cert.signatureAlgorithm;
  const keyFits = KEY_KIND[alg.scheme] === issuer.publicKey.kind;
  return new VerifyError('CHAIN_SIGNATURE_INVALID', `the signature on ${cert.where} does not verify with the key of ${issuer.subject}`, {
    where: `${cert.where}.signatureValue`,
    expected: `a ${alg.name} signature by ${issuer.subject} (${issuer.where}, ${issuer.publicKey.description})`,
    found: keyFits ? 'a signature that does not verify over the TBSCertificate' : `an ${alg.name} signature, but the issuer key is ${issuer.publicKey.description}`,
  });
}

// Extensions whose meaning is enforced here or by the leaf profile (RFC 5280 §4.2: unknown critical ones reject).
const HANDLED_CRITICAL = new Set<string>([OID.basicConstraints, OID.keyUsage, OID.extKeyUsage, OID.subjectAltName, OID.subjectKeyId, OID.authorityKeyId]);

// The checks on a signature-verified path: CA constraints, critical extensions, validity at the given time.
function checkPath(path: Certificate[], authority: CertificateAuthority, at: number): void {
  for (let i = 1; i < path.length; i++) {
    const ca = path[i]!;
    if (!ca.isCA) {
      throw new VerifyError('CHAIN_UNTRUSTED', `${ca.subject} issued a certificate but is not a CA`, { where: `${ca.where} basicConstraints`, expected: 'cA=TRUE', found: 'cA absent or FALSE' });
    }
    if (!ca.keyUsage.includes('keyCertSign')) {
      throw new VerifyError('CERT_KEY_USAGE', `${ca.subject} may not sign certificates`, { where: `${ca.where} keyUsage`, expected: 'keyUsage including keyCertSign', found: ca.keyUsage.join(', ') || 'no keyUsage' });
    }
    if (ca.pathLenConstraint !== undefined && ca.pathLenConstraint < i - 1) {
      throw new VerifyError('CHAIN_UNTRUSTED', `${ca.subject} allows a shorter path`, { where: `${ca.where} basicConstraints`, expected: `at most ${ca.pathLenConstraint} intermediate certificates below`, found: String(i - 1) });
    }
  }
  for (const cert of path.slice(0, -1)) {
    const unknown = cert.extensions.find((e) => e.critical && !HANDLED_CRITICAL.has(e.oid));
    if (unknown) {
      throw new VerifyError('CERT_EXTENSION_INVALID', `${cert.where} has a critical extension Signet cannot enforce`, { where: `${cert.where} extensions`, expected: 'no unrecognised critical extension', found: unknown.name ? `${unknown.name} (${unknown.oid})` : unknown.oid });
    }
  }
  path.forEach((cert, i) => {
    if (at >= cert.notBefore && at <= cert.notAfter) return;
    throw new VerifyError(i === 0 ? 'CERT_NOT_VALID_AT_TIME' : 'CHAIN_CA_NOT_VALID_AT_TIME', `${i === 0 ? 'the signing certificate' : cert.subject} was not valid at ${formatTime(at)}`, {
      where: `${cert.where}.tbsCertificate.validity`,
      expected: `a time from ${formatTime(cert.notBefore)} to ${formatTime(cert.notAfter)}`,
      found: formatTime(at),
    });
  });
  if (!isWithin(authority.validFor, at)) {
    throw new VerifyError('CHAIN_CA_NOT_VALID_AT_TIME', `the trusted root does not trust ${authority.subject.commonName} at ${formatTime(at)}`, {
      where: `${authority.where}.validFor`,
      expected: `a time from ${formatTime(authority.validFor.start)} to ${formatTime(authority.validFor.end)}`,
      found: formatTime(at),
    });
  }
}

const RANK: Partial<Record<VerifyError['code'], number>> = { CHAIN_UNTRUSTED: 0, CHAIN_SIGNATURE_INVALID: 1 };

// Build and check the path leaf → … → root through every authority that could issue the leaf; only trusted-root
// certificates are used (Sigstore clients ignore chain certificates carried in the bundle).
export async function verifyCertificateChain(leaf: Certificate, authorities: CertificateAuthority[], at: number): Promise<ChainResult> {
  let best: { error: VerifyError; rank: number } | undefined;
  const consider = (error: VerifyError, rank: number) => {
    if (!best || rank > best.rank) best = { error, rank };
  };
  for (const authority of authorities) {
    const found = await findPath(leaf, trustedCertificates(authority));
    if (found === undefined) continue;
    if (found instanceof VerifyError) {
      consider(found, RANK[found.code] ?? 0);
      continue;
    }
    try {
      checkPath(found, authority, at);
      return { authority, path: found, issuer: found[1]! };
    } catch (err) {
      if (!(err instanceof VerifyError)) throw err;
      consider(err, 2);
    }
  }
  if (best) throw best.error;
  const subjects = [...new Set(authorities.flatMap((a) => trustedCertificates(a).map((c) => c.subject)))];
  throw new VerifyError('CHAIN_UNTRUSTED', `no certificate authority of the trusted root issued ${leaf.where}`, {
    where: `${leaf.where} issuer`,
    expected: subjects.length > 0 ? `a certificate issued by one of: ${subjects.join('; ')}` : 'a certificate authority in the trusted root',
    found: `${leaf.issuer}${leaf.authorityKeyId ? ` (authority key id ${leaf.authorityKeyId})` : ''}`,
  });
}
