// The attestation a DSSE bundle carries, read once into its view, and the provenance-versus-certificate
// agreement that policy.attestation reports (a mismatch is a warning naming both values).
import { readAttestation, type AttestationView, type ProvenanceView } from '../../attest';
import { IN_TOTO_PAYLOAD_TYPE } from '../../dsse';
import type { VerifyContext } from '../context';
import type { StepOutcome } from '../step-recorder';

// The bundle's in-toto statement as a view, or undefined (no statement, or not one that parses).
export function attestationView(ctx: VerifyContext): AttestationView | undefined {
  if (ctx.attestation === undefined) {
    const content = ctx.bundle.content;
    let view: AttestationView | null = null;
    if (content.kind === 'dsse' && content.payloadType === IN_TOTO_PAYLOAD_TYPE) {
      try {
        view = readAttestation(content.payload, ctx.leaf?.fulcio);
      } catch {
        // Not a statement: artifact.bind already failed with the reason.
      }
    }
    ctx.attestation = view;
  }
  return ctx.attestation ?? undefined;
}

// The provenance view of the bundle when there is one with claims to compare.
function provenanceOf(ctx: VerifyContext): ProvenanceView | undefined {
  const view = attestationView(ctx)?.view;
  return view?.kind === 'provenance' && view.agreement.length > 0 ? view : undefined;
}

// Whether the bundle holds a provenance that states something the certificate also claims.
export function hasProvenanceClaims(ctx: VerifyContext): boolean {
  return provenanceOf(ctx) !== undefined;
}

// Compare the provenance's source repository, commit, ref and workflow with the certificate's Fulcio claims.
export function checkProvenanceAgreement(ctx: VerifyContext): StepOutcome {
  const p = provenanceOf(ctx);
  if (!p) return { summary: 'No provenance field to compare with the certificate.' };
  const differ = p.agreement.filter((a) => !a.agrees);
  const evidence = p.agreement.map((a) => ({ kind: 'text' as const, label: `${a.field} (${a.agrees ? 'agrees' : 'differs'})`, value: `provenance: ${a.provenance} · certificate ${a.claim}: ${a.certificate}` }));
  if (differ.length > 0) {
    return {
      status: 'warn',
      summary: `The provenance disagrees with the signing certificate: ${differ.map((a) => `${a.field} is ${a.provenance.slice(0, 200)} in the provenance but ${a.certificate.slice(0, 200)} in the certificate (${a.claim})`).join('; ')}.`,
      evidence,
    };
  }
  return { summary: `The provenance agrees with the signing certificate on ${p.agreement.map((a) => a.field).join(', ')}.`, evidence };
}
