// `signet tree IMAGE`: what `cosign tree` shows — signatures, attestations, SBOMs and referrers with their
// digests and where each was found — plus each attestation's predicate type (as claimed: nothing is verified).
import { COSIGN_SIGN_PREDICATE } from '../core/attest/predicate-types';
import { parseImageReference, type DiscoveredSignature, type SignatureDiscovery } from '../oci';
import { claimedPredicateType } from '../image/attestations';
import { sanitize } from './print-timeline';
import { registryClientFromEnv } from './registry-client';
import { EXIT, type Verb } from './verb';

// A signature rather than an attestation, by how it is stored (cosign v3 signatures are sign/v1 DSSE bundles).
function isSignature(s: DiscoveredSignature): boolean {
  return s.format === 'cosign-simplesigning' || s.predicateTypeHint === COSIGN_SIGN_PREDICATE || (s.format === 'sigstore-bundle' && s.contentHint === 'message-signature');
}

// The tree as text lines.
export function formatTree(reference: string, digest: string, found: SignatureDiscovery): string {
  const lines = [`Supply chain artifacts for ${sanitize(reference)}@${digest} (listed, not verified)`];
  const entry = (s: DiscoveredSignature) => {
    const type = isSignature(s) ? (s.predicateTypeHint ?? '') : (claimedPredicateType(s) ?? 'unknown predicate type');
    return `   └── ${s.layer.digest}${type ? `  ${sanitize(type)}` : ''}\n         found at ${sanitize(s.where)}`;
  };
  const section = (title: string, items: string[]) => {
    lines.push(`└── ${title} (${items.length})`);
    lines.push(...(items.length > 0 ? items : ['   └── none']));
  };
  section('Signatures', found.signatures.filter(isSignature).map(entry));
  section('Attestations', found.signatures.filter((s) => !isSignature(s)).map(entry));
  section('SBOMs (cosign attach sbom)', found.sboms.map((s) => `   └── ${s.layer.digest}  ${sanitize(s.layer.mediaType)} (${s.layer.size} bytes)\n         found at ${sanitize(s.where)}`));
  section('Referrers', found.referrers.map((r) => `   └── ${r.digest}  ${sanitize(r.artifactType ?? r.mediaType)}${r.annotations['dev.sigstore.bundle.predicateType'] ? `  ${sanitize(r.annotations['dev.sigstore.bundle.predicateType'])}` : ''}\n         via the ${r.source === 'referrers-api' ? 'referrers API' : 'referrers tag schema'}`));
  lines.push('', 'Searched:', ...found.searched.map((s) => `   ${sanitize(s.where)}: ${sanitize(s.outcome)}`));
  return lines.join('\n');
}

export const treeVerb: Verb = {
  name: 'tree',
  summary: 'list the signatures, attestations, SBOMs and referrers stored for an image, as cosign tree does',
  synopsis: 'IMAGE [--json]',
  operands: { name: 'IMAGE', min: 1, max: 1 },
  flags: [{ name: 'json', help: 'print the listing as JSON' }],
  notes: ['Nothing is verified: predicate types are what the storage and the unverified statements claim. Use verify-attestation to verify.'],
  async run(args, io) {
    const ref = parseImageReference(args.operands[0]!);
    const client = registryClientFromEnv(io);
    const image = await client.resolve(ref);
    const found = await client.listSignatures({ registry: ref.registry, repository: ref.repository }, image.digest);
    if (args.boolean('json')) {
      const entries = found.signatures.map((s) => ({ source: s.source, format: s.format, where: s.where, digest: s.layer.digest, size: s.layer.size, predicateType: claimedPredicateType(s) ?? null }));
      io.stdout(`${JSON.stringify({ reference: ref.canonical, digest: image.digest, entries, sboms: found.sboms.map(({ where, layer }) => ({ where, ...layer })), referrers: found.referrers, searched: found.searched }, null, 2)}\n`);
    } else {
      io.stdout(`${formatTree(ref.canonical, image.digest, found)}\n`);
    }
    return EXIT.verified;
  },
};
