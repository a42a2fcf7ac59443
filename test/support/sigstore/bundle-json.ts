// Sigstore bundle JSON (protobuf-specs sigstore_bundle.proto, v0.1–v0.3) in the field order
// and spelling real clients write.
import type { DsseEnvelopeJson } from './dsse.ts';
import { b64 } from './keys.ts';
import type { TlogEntryJson } from './transparency-log.ts';

export type BundleVersion = '0.1' | '0.2' | '0.3';

export type VerificationMaterialKind =
  | { readonly kind: 'certificate'; readonly certificate: Uint8Array }
  | { readonly kind: 'chain'; readonly certificates: readonly Uint8Array[] }
  | { readonly kind: 'publicKey'; readonly hint: string };

export interface MessageSignatureJson {
  messageDigest: { algorithm: string; digest: string };
  signature: string;
}

export type BundleContent = { readonly messageSignature: MessageSignatureJson } | { readonly dsseEnvelope: DsseEnvelopeJson };

export interface BundleJson {
  mediaType: string;
  verificationMaterial: {
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: { rawBytes: string }[] };
    publicKey?: { hint: string };
    tlogEntries: TlogEntryJson[];
    timestampVerificationData?: { rfc3161Timestamps: { signedTimestamp: string }[] };
  };
  messageSignature?: MessageSignatureJson;
  dsseEnvelope?: DsseEnvelopeJson;
}

// Media type for a bundle version; v0.3 in the current spelling unless `legacySpelling`.
export function bundleMediaType(version: BundleVersion, legacySpelling = false): string {
  if (version === '0.3' && !legacySpelling) return 'application/vnd.dev.sigstore.bundle.v0.3+json';
  return `application/vnd.dev.sigstore.bundle+json;version=${version}`;
}

// Assembles a bundle: media type, verification material, tlog entries, timestamps, then content.
export function buildBundle(args: {
  readonly version: BundleVersion;
  readonly legacyMediaType?: boolean;
  readonly material: VerificationMaterialKind;
  readonly tlogEntries: readonly TlogEntryJson[];
  readonly timestamps: readonly Uint8Array[];
  readonly content: BundleContent;
}): BundleJson {
  const material = args.material;
  const verificationMaterial: BundleJson['verificationMaterial'] = {
    ...(material.kind === 'certificate' ? { certificate: { rawBytes: b64(material.certificate) } } : {}),
    ...(material.kind === 'chain'
      ? { x509CertificateChain: { certificates: material.certificates.map((c) => ({ rawBytes: b64(c) })) } }
      : {}),
    ...(material.kind === 'publicKey' ? { publicKey: { hint: material.hint } } : {}),
    tlogEntries: [...args.tlogEntries],
    ...(args.timestamps.length > 0
      ? { timestampVerificationData: { rfc3161Timestamps: args.timestamps.map((t) => ({ signedTimestamp: b64(t) })) } }
      : {}),
  };
  return {
    mediaType: bundleMediaType(args.version, args.legacyMediaType),
    verificationMaterial,
    ...args.content,
  } as BundleJson;
}
