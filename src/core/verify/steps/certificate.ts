// cert.decode, cert.chain and cert.sct: the leaf, its path to a trusted Fulcio CA, and its CT log promises.
import { VerifyError } from '../../errors';
import { bytesEqual } from '../../encoding';
import { oidcIssuer, parseCertificate, verifyCertificateChain, verifyEmbeddedScts, verifyLeafProfile, verifySctThreshold, isSelfSigned, type Certificate } from '../../x509';
import { hexEvidence, type Evidence } from '../../evidence';
import type { VerifyContext } from '../context';
import type { StepOutcome } from '../step-recorder';
import { StepFailure } from '../step-failure';

// Decode the leaf (and any chain the bundle carries) and check the Fulcio leaf profile.
export function decodeCertificate(ctx: VerifyContext): StepOutcome {
  const material = ctx.bundle.material;
  if (material.kind !== 'certificate') throw new VerifyError('INTERNAL', 'decodeCertificate called without a certificate');
  const where = material.form === 'certificate' ? 'verificationMaterial.certificate' : 'verificationMaterial.x509CertificateChain.certificates';
  const certs = material.chain.map((der, i) => parseCertificate(der, material.form === 'certificate' ? where : `${where}[${i}]`));
  const leaf = certs[0]!;
  ctx.leaf = leaf;
  // With --key the key the user gave must have signed; policy.identity then compares it with the leaf's.
  if (ctx.req.policy.kind !== 'key') {
    ctx.signingKey = leaf.publicKey;
    ctx.signingKeySource = `the certificate for ${sanOrSubject(leaf)}`;
  }
  // A chain that carries its own root asks to be trusted on its own say-so (Sigstore client spec: trust comes only from the root).
  const selfSigned = certs.findIndex((c) => isSelfSigned(c));
  if (selfSigned >= 0) {
    throw new VerifyError('CHAIN_CONTAINS_ROOT', `the bundle's certificate chain carries a self-signed root (${certs[selfSigned]!.subject})`, {
      where: material.form === 'certificate' ? where : `${where}[${selfSigned}]`,
      expected: 'a leaf (and intermediates) only; roots come from the trusted root',
      found: certs[selfSigned]!.subject,
    });
  }
  verifyLeafProfile(leaf);
  return {
    summary: `Code-signing leaf for ${sanOrSubject(leaf)}, issued by ${leaf.issuer}, valid ${new Date(leaf.notBefore).toISOString()} to ${new Date(leaf.notAfter).toISOString()}.`,
    evidence: certificateEvidence(leaf),
  };
}

// How a leaf is named to people: Fulcio leaves have an empty subject and say who they are in the SAN.
function sanOrSubject(cert: Certificate): string {
  return cert.subjectAltNames.map((s) => s.value).join(', ') || cert.subject;
}

// The named values the certificate view shows.
export function certificateEvidence(cert: Certificate): Evidence[] {
  const issuer = oidcIssuer(cert);
  return [
    ...cert.subjectAltNames.map((s): Evidence => ({ kind: 'text', label: `SAN (${s.type})`, value: s.value })),
    ...(issuer ? [{ kind: 'text', label: 'OIDC issuer', value: issuer } as Evidence] : []),
    ...(cert.subject ? [{ kind: 'text', label: 'subject', value: cert.subject } as Evidence] : []),
    { kind: 'text', label: 'issuer', value: cert.issuer },
    { kind: 'text', label: 'serial number', value: cert.serialNumber },
    { kind: 'time', label: 'not before', value: new Date(cert.notBefore).toISOString() },
    { kind: 'time', label: 'not after', value: new Date(cert.notAfter).toISOString() },
    { kind: 'text', label: 'public key', value: cert.publicKey.description },
    { kind: 'text', label: 'signature algorithm', value: cert.signatureAlgorithm.name },
    ...Object.entries(cert.fulcio).map(([name, value]): Evidence => ({ kind: 'text', label: `Fulcio ${name}`, value: String(value) })),
    hexEvidence({ key: 'certificate.der', label: 'certificate (DER)' }, cert.der),
  ];
}

// Path from the leaf to a trusted Fulcio CA, every CA valid when it issued the leaf; the leaf's own
// validity at the verified times is time.validity's check.
export async function verifyChain(ctx: VerifyContext): Promise<StepOutcome> {
  const leaf = ctx.leaf!;
  const chain = await verifyCertificateChain(leaf, ctx.trust.certificateAuthorities, leaf.notBefore);
  ctx.chain = chain;
  const extra = ctx.bundle.material.kind === 'certificate' ? ctx.bundle.material.chain.slice(1) : [];
  const unused = extra.filter((der) => !chain.path.some((c) => bytesEqual(c.der, der))).length;
  return {
    summary: `${chain.path.map((c, i) => (i === 0 ? sanOrSubject(c) : c.subject)).join(' → ')} (trusted CA ${chain.authority.uri || chain.authority.subject.commonName}, ${chain.authority.where}).`,
    evidence: [
      ...chain.path.map((c, i): Evidence => ({ kind: 'text', label: i === 0 ? 'leaf' : i === chain.path.length - 1 ? 'root' : 'intermediate', value: `${i === 0 ? sanOrSubject(c) : c.subject} (serial ${c.serialNumber})` })),
      ...chain.path.slice(1).map((c) => hexEvidence({ key: 'chain.der', label: `certificate (DER): ${c.subject}` }, c.der)),
      { kind: 'time', label: 'checked at (issuance)', value: new Date(leaf.notBefore).toISOString() },
      ...(unused > 0 ? [{ kind: 'text', label: 'ignored', value: `${unused} certificate(s) from the bundle not in the trusted root` } as Evidence] : []),
    ],
  };
}

// Embedded SCTs from CT logs of the trusted root, verified over the reconstructed precertificate.
export async function verifyScts(ctx: VerifyContext): Promise<StepOutcome> {
  if (ctx.thresholds.sct === 0) {
    return {
      waived: true,
      summary: 'Not checked: no SCT was required (--insecure-ignore-sct or --ctlog-threshold 0), so nothing shows the certificate was publicly logged in Certificate Transparency.',
      evidence: [{ kind: 'text', label: 'SCTs required', value: '0 (waived by the verifier options)' }],
    };
  }
  const results = await verifyEmbeddedScts(ctx.leaf!, ctx.chain!.issuer, ctx.trust.ctlogs);
  const evidence: Evidence[] = results.map((r, i) => ({
    kind: 'text',
    label: `SCT ${i + 1}`,
    value: `${r.verified ? 'verified' : `not verified (${r.code ?? 'unknown'})`}: log ${r.logBaseUrl ?? r.logId}, ${new Date(r.timestamp).toISOString()}`,
  }));
  try {
    verifySctThreshold(results, ctx.thresholds.sct);
  } catch (err) {
    throw StepFailure.of(err, evidence);
  }
  const ok = results.filter((r) => r.verified);
  return { summary: `${ok.length} SCT${ok.length === 1 ? '' : 's'} verified, from ${[...new Set(ok.map((r) => r.logBaseUrl ?? r.logId))].join(', ')}.`, evidence };
}
