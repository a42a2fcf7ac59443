// policy.identity and policy.attestation: who signed, and what kind of statement they made.
import { VerifyError } from '../../errors';
import { bytesEqual, toHex } from '../../encoding';
import { sha256 } from '../../crypto';
import { IN_TOTO_PAYLOAD_TYPE, parseInTotoStatement } from '../../dsse';
import { matchesPredicateType, noMatchMessage, resolvePredicateType } from '../../attest';
import { broadMatchers, describeBroadMatchers, evaluateIdentityPolicy, REGEXP_SEMANTICS, WORKFLOW_CLAIMS, type WorkflowClaim } from '../../policy';
import { oidcIssuer } from '../../x509';
import type { VerifyContext } from '../context';
import type { StepOutcome } from '../step-recorder';
import { checkProvenanceAgreement, hasProvenanceClaims } from './attestation-view';

// Check the signer against the policy: the certificate identity, or the key the user gave.
export async function checkIdentity(ctx: VerifyContext): Promise<StepOutcome> {
  const policy = ctx.req.policy;
  if (policy.kind === 'inspect') {
    const sans = ctx.leaf?.subjectAltNames.map((s) => s.value).join(', ');
    return { status: 'warn', summary: `Identity was not checked (inspect only)${sans ? `: the certificate says ${sans}` : ''}. Anyone with a Sigstore account can produce a bundle that passes every other check.` };
  }
  if (policy.kind === 'key') {
    if (!ctx.signingKey) throw new VerifyError('KEY_MISSING', 'the public key you gave could not be read, so no signer can be confirmed', { where: 'the given public key', expected: 'a PEM PUBLIC KEY' });
    const fingerprint = `SHA256:${toHex(await sha256(ctx.signingKey!.spki))}`;
    if (ctx.leaf && !bytesEqual(ctx.leaf.spki, ctx.signingKey!.spki)) {
      throw new VerifyError('KEY_MISMATCH', 'the certificate key is not the key you gave', { where: 'certificate subjectPublicKeyInfo', expected: fingerprint, found: `SHA256:${toHex(await sha256(ctx.leaf.spki))}` });
    }
    return { summary: `Signed by the key you gave (${ctx.signingKey!.description}, ${fingerprint}).`, evidence: [{ kind: 'text', label: 'key fingerprint', value: fingerprint }] };
  }
  if (!ctx.leaf) {
    throw new VerifyError('KEY_MISSING', 'the bundle is signed with a key, not a certificate, so an identity policy cannot apply; give the public key instead', {
      where: 'verificationMaterial.publicKey',
      expected: 'a certificate naming the identity',
      found: 'a public-key hint',
    });
  }
  const claims = Object.fromEntries(
    (Object.keys(WORKFLOW_CLAIMS) as WorkflowClaim[]).map((c) => [c, ctx.leaf!.fulcio[c]]).filter(([, v]) => typeof v === 'string'),
  ) as Partial<Record<WorkflowClaim, string>>;
  const match = await evaluateIdentityPolicy(policy.identity, { sans: ctx.leaf.subjectAltNames.map((s) => s.value), issuer: oidcIssuer(ctx.leaf), claims });
  const broad = await broadMatchers(policy.identity);
  return {
    // A policy that accepts anyone is no identity check: a warn step, so the verdict is at most incomplete, as with --inspect.
    ...(broad.length > 0 ? { status: 'warn' as const } : {}),
    summary: broad.length > 0 ? `Signed by ${match.identity}, authenticated by ${match.issuer}, but ${describeBroadMatchers(broad)}` : `Signed by ${match.identity}, authenticated by ${match.issuer}${Object.keys(match.claims).length ? `, with ${Object.keys(match.claims).length} pinned workflow claim(s)` : ''}.`,
    evidence: [
      { kind: 'text', label: 'identity', value: match.identity },
      { kind: 'text', label: 'OIDC issuer', value: match.issuer },
      ...Object.entries(match.claims).map(([k, v]) => ({ kind: 'text' as const, label: k, value: v })),
      ...(policy.identity.identity.regexp !== undefined || policy.identity.issuer.regexp !== undefined ? [{ kind: 'text' as const, label: 'regular expressions', value: REGEXP_SEMANTICS }] : []),
    ],
  };
}

// The attestation's predicate type is the one the policy asks for (a cosign `--type` alias or a URI).
export function checkAttestation(ctx: VerifyContext): StepOutcome {
  const content = ctx.bundle.content;
  const choice = resolvePredicateType(ctx.req.policy.predicateType);
  const asked = choice.given === choice.uri ? choice.uri : `${choice.given} (${choice.uri})`;
  if (content.kind !== 'dsse' || content.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new VerifyError('POLICY_PREDICATE_MISMATCH', `an attestation of type ${asked} was required, but the bundle signs ${content.kind === 'dsse' ? `a ${content.payloadType.slice(0, 100)} payload` : 'an artifact directly'}`, {
      where: content.kind === 'dsse' ? 'dsseEnvelope.payloadType' : 'messageSignature',
      expected: choice.uri,
      found: content.kind === 'dsse' ? content.payloadType.slice(0, 300) : 'a message signature',
    });
  }
  const statement = parseInTotoStatement(content.payload);
  if (!matchesPredicateType(choice, statement.predicateType)) {
    throw new VerifyError('POLICY_PREDICATE_MISMATCH', noMatchMessage(choice, [statement.predicateType]), { where: 'statement.predicateType', expected: choice.uri, found: statement.predicateType.slice(0, 300) });
  }
  const typed: StepOutcome = {
    summary: `The statement's predicate type is ${statement.predicateType.slice(0, 200)}, as ${choice.given === choice.uri ? 'asked' : `--type ${choice.given} asks`}.`,
    evidence: [
      { kind: 'text', label: 'predicate type', value: statement.predicateType },
      ...(choice.given === choice.uri ? [] : [{ kind: 'text' as const, label: 'asked as', value: choice.given }]),
    ],
  };
  if (!hasProvenanceClaims(ctx)) return typed;
  const agreement = checkProvenanceAgreement(ctx);
  return { ...agreement, summary: `${typed.summary} ${agreement.summary}`, evidence: [...typed.evidence!, ...(agreement.evidence ?? [])] };
}
