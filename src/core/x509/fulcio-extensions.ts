// Fulcio certificate extensions (OID arc 1.3.6.1.4.1.57264.1, Fulcio docs/oid-info.md) and the claims they carry.
import { VerifyError } from '../errors';
import { fromUtf8, readTlv } from '../encoding';

/** How an extension's value is encoded: raw UTF-8 (.1.1–.1.6), a DER UTF8String (.1.8 on), or a SAN otherName type-id (.1.7). */
export type FulcioEncoding = 'raw' | 'utf8String' | 'otherName';

export interface FulcioExtension {
  oid: string;
  key: string;
  name: string;
  encoding: FulcioEncoding;
  deprecated?: boolean;
}

const ARC = '1.3.6.1.4.1.57264.1';

// The extensions Fulcio may set, by OID, with the names the UI shows.
export const FULCIO_EXTENSIONS = [
  { oid: `${ARC}.1`, key: 'issuerV1', name: 'Issuer (V1)', encoding: 'raw', deprecated: true },
  { oid: `${ARC}.2`, key: 'githubWorkflowTrigger', name: 'GitHub Workflow Trigger', encoding: 'raw', deprecated: true },
  { oid: `${ARC}.3`, key: 'githubWorkflowSha', name: 'GitHub Workflow SHA', encoding: 'raw', deprecated: true },
  { oid: `${ARC}.4`, key: 'githubWorkflowName', name: 'GitHub Workflow Name', encoding: 'raw', deprecated: true },
  { oid: `${ARC}.5`, key: 'githubWorkflowRepository', name: 'GitHub Workflow Repository', encoding: 'raw', deprecated: true },
  { oid: `${ARC}.6`, key: 'githubWorkflowRef', name: 'GitHub Workflow Ref', encoding: 'raw', deprecated: true },
  { oid: `${ARC}.7`, key: 'otherNameSan', name: 'OtherName SAN', encoding: 'otherName' },
  { oid: `${ARC}.8`, key: 'issuerV2', name: 'Issuer (V2)', encoding: 'utf8String' },
  { oid: `${ARC}.9`, key: 'buildSignerUri', name: 'Build Signer URI', encoding: 'utf8String' },
  { oid: `${ARC}.10`, key: 'buildSignerDigest', name: 'Build Signer Digest', encoding: 'utf8String' },
  { oid: `${ARC}.11`, key: 'runnerEnvironment', name: 'Runner Environment', encoding: 'utf8String' },
  { oid: `${ARC}.12`, key: 'sourceRepositoryUri', name: 'Source Repository URI', encoding: 'utf8String' },
  { oid: `${ARC}.13`, key: 'sourceRepositoryDigest', name: 'Source Repository Digest', encoding: 'utf8String' },
  { oid: `${ARC}.14`, key: 'sourceRepositoryRef', name: 'Source Repository Ref', encoding: 'utf8String' },
  { oid: `${ARC}.15`, key: 'sourceRepositoryIdentifier', name: 'Source Repository Identifier', encoding: 'utf8String' },
  { oid: `${ARC}.16`, key: 'sourceRepositoryOwnerUri', name: 'Source Repository Owner URI', encoding: 'utf8String' },
  { oid: `${ARC}.17`, key: 'sourceRepositoryOwnerIdentifier', name: 'Source Repository Owner Identifier', encoding: 'utf8String' },
  { oid: `${ARC}.18`, key: 'buildConfigUri', name: 'Build Config URI', encoding: 'utf8String' },
  { oid: `${ARC}.19`, key: 'buildConfigDigest', name: 'Build Config Digest', encoding: 'utf8String' },
  { oid: `${ARC}.20`, key: 'buildTrigger', name: 'Build Trigger', encoding: 'utf8String' },
  { oid: `${ARC}.21`, key: 'runInvocationUri', name: 'Run Invocation URI', encoding: 'utf8String' },
  { oid: `${ARC}.22`, key: 'sourceRepositoryVisibilityAtSigning', name: 'Source Repository Visibility At Signing', encoding: 'utf8String' },
  { oid: `${ARC}.23`, key: 'deploymentEnvironment', name: 'Deployment Environment', encoding: 'utf8String' },
  { oid: `${ARC}.24`, key: 'tokenSubject', name: 'Token Subject', encoding: 'utf8String' },
] as const satisfies readonly FulcioExtension[];

/** The otherName type-id Fulcio uses for a username SAN (a UTF8String). */
export const OID_FULCIO_OTHERNAME_SAN = `${ARC}.7`;

export type FulcioClaimKey = Exclude<(typeof FULCIO_EXTENSIONS)[number]['key'], 'otherNameSan'>;

/** The Fulcio claims present in a certificate, by camelCase name. */
export type FulcioClaims = Partial<Record<FulcioClaimKey, string>>;

const BY_OID = new Map<string, FulcioExtension>(FULCIO_EXTENSIONS.map((e) => [e.oid, e]));

// The table entry for an OID, if it is a Fulcio extension.
export function fulcioExtension(oid: string): FulcioExtension | undefined {
  return BY_OID.get(oid);
}

// Decode one Fulcio extension value into the claims; DER_INVALID or UTF8_INVALID when the encoding is wrong.
export function addFulcioClaim(claims: FulcioClaims, oid: string, value: Uint8Array, where: string): void {
  const ext = BY_OID.get(oid);
  if (!ext || ext.encoding === 'otherName') return;
  let bytes = value;
  if (ext.encoding === 'utf8String') {
    const tlv = readTlv(value, 0, where);
    if (tlv.tag !== 0x0c || tlv.end !== value.length) {
      throw new VerifyError('DER_INVALID', `${where}: ${ext.name} is not a single DER UTF8String`, { where, expected: 'a DER UTF8String', found: `tag 0x${tlv.tag.toString(16)}` });
    }
    bytes = tlv.value;
  }
  claims[ext.key as FulcioClaimKey] = fromUtf8(bytes, where);
}

// The OIDC issuer of a Fulcio certificate: extension .1.8, else the deprecated .1.1 (Sigstore client spec §4).
export function oidcIssuer(cert: { fulcio: FulcioClaims }): string | undefined {
  return cert.fulcio.issuerV2 ?? cert.fulcio.issuerV1;
}
