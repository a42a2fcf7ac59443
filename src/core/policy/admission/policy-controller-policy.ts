// Sigstore policy-controller ClusterImagePolicy (policy.sigstore.dev/v1beta1, v1alpha1) and TrustRoot (v1alpha1) as a
// typed model. Field names from policy-controller pkg/apis/policy/v1beta1 (ClusterImagePolicySpec, Authority, KeyRef,
// KeylessRef, Identity, StaticRef, TLog, CTLog, RFC3161Timestamp, Attestation) and v1alpha1 TrustRoot (SigstoreKeys).
import { fromBase64, fromUtf8, type JsonObject, type JsonValue } from '../../encoding';
import { resolvePredicateType } from '../../attest';
import { FieldReader, unreadKeys } from './fields';
import { compileGlob, type CompiledGlob } from './glob';
import type { PemPart, TrustParts } from './trust-material';

const f = new FieldReader('ADMISSION_POLICY_INVALID');
const MAX_LIST = 64;

export interface PcIdentity {
  issuer?: string;
  subject?: string;
  issuerRegExp?: string;
  subjectRegExp?: string;
}

export interface PcAttestation {
  name: string;
  /** The predicate type URI (cosign aliases resolved). */
  predicateType: string;
  /** cue / rego: cannot run here. */
  policyType?: string;
}

export type PcAuthority = {
  name: string;
  /** `ctlog.trustRootRef` / `keyless.trustRootRef` / `rfc3161timestamp.trustRootRef`, resolved against the TrustRoots given. */
  trustRootRefs: string[];
  /** keyless.ca-cert.data: a CA chain replacing Fulcio's. */
  caCert?: string;
  insecureIgnoreSCT: boolean;
  /** `signatureFormat`: bundle (Sigstore bundles only) or legacy (cosign .sig/.att only); absent: both. */
  signatureFormat?: 'bundle' | 'legacy';
  attestations: PcAttestation[];
  notes: string[];
} & (
  | { kind: 'static'; action: 'pass' | 'fail'; message?: string }
  | { kind: 'key'; data: string; hashAlgorithm: string }
  | { kind: 'keyless'; url?: string; identities: PcIdentity[] }
  | { kind: 'not-evaluable'; reason: string }
);

export interface PcPolicy {
  controller: 'policy-controller';
  name: string;
  globs: CompiledGlob[];
  authorities: PcAuthority[];
  mode: 'enforce' | 'warn';
  /** spec.policy (a CIP-level CUE or Rego policy): when set the policy cannot be decided here. */
  policyType?: string;
  notes: string[];
}

export interface PcTrustRoot {
  name: string;
  /** The parts a sigstoreKeys TrustRoot carries; undefined for remote/repository roots, which need TUF. */
  parts?: TrustParts;
  reason?: string;
}

// A field that holds PEM either directly or base64-encoded (TrustRoot sigstoreKeys encode their PEM in base64).
function pemText(v: JsonValue | undefined, where: string): string {
  const s = f.string(v, where);
  if (s.includes('-----BEGIN')) return s;
  return fromUtf8(fromBase64(s.replace(/\s+/g, ''), where), where);
}

// A TrustRoot resource: sigstoreKeys become trust parts; remote and repository roots are refused as not evaluable.
export function parseTrustRoot(doc: JsonObject, where: string): PcTrustRoot {
  const name = f.string(f.object(doc.metadata, `${where}.metadata`).name, `${where}.metadata.name`);
  const spec = f.object(doc.spec, `TrustRoot/${name}: spec`);
  if (spec.sigstoreKeys === undefined) {
    const how = spec.remote !== undefined ? 'remote (a TUF mirror)' : spec.repository !== undefined ? 'repository (a serialised TUF repository)' : 'no sigstoreKeys';
    return { name, reason: `TrustRoot/${name} uses ${how}; Signet does not fetch or unpack it here: load its trusted_root.json with --trusted-root instead` };
  }
  const keys = f.object(spec.sigstoreKeys, `TrustRoot/${name}: spec.sigstoreKeys`);
  const list = (field: string, pemField: 'certChain' | 'publicKey', urlField: string): PemPart[] | undefined => {
    if (keys[field] === undefined) return undefined;
    return f.array(keys[field], `TrustRoot/${name}: spec.sigstoreKeys.${field}`, MAX_LIST).map((e, i) => {
      const at = `TrustRoot/${name}: spec.sigstoreKeys.${field}[${i}]`;
      const o = f.object(e, at);
      const url = f.optString(o[urlField], `${at}.${urlField}`);
      return { pem: pemText(o[pemField], `${at}.${pemField}`), where: `${at}.${pemField}`, ...(url ? { url } : {}) };
    });
  };
  const parts: TrustParts = {};
  const cas = list('certificateAuthorities', 'certChain', 'uri');
  const tlogs = list('tLogs', 'publicKey', 'baseURL');
  const ctlogs = list('ctLogs', 'publicKey', 'baseURL');
  const tsas = list('timestampAuthorities', 'certChain', 'uri');
  if (cas) parts.certificateAuthorities = cas;
  if (tlogs) parts.tlogs = tlogs;
  if (ctlogs) parts.ctlogs = ctlogs;
  if (tsas) parts.timestampAuthorities = tsas;
  return { name, parts };
}

// keyless.identities: issuer/subject exact or RegExp (cosign Identity).
function identitiesOf(v: JsonValue | undefined, where: string): PcIdentity[] {
  return f.optArray(v, where, MAX_LIST).map((e, i) => {
    const o = f.object(e, `${where}[${i}]`);
    const pick = (k: keyof PcIdentity) => f.optString(o[k], `${where}[${i}].${k}`);
    const id: PcIdentity = Object.fromEntries((['issuer', 'subject', 'issuerRegExp', 'subjectRegExp'] as const).map((k) => [k, pick(k)]).filter(([, x]) => x !== undefined));
    if (Object.keys(id).length === 0) f.fail(`${where}[${i}]`, 'issuer/subject or issuerRegExp/subjectRegExp', o);
    return id;
  });
}

// attestations: [{ name, predicateType, policy: { type, data | url | configMapRef } }].
function attestationsOf(v: JsonValue | undefined, where: string): PcAttestation[] {
  return f.optArray(v, where, MAX_LIST).map((e, i) => {
    const at = `${where}[${i}]`;
    const o = f.object(e, at);
    const policy = f.optObject(o.policy, `${at}.policy`);
    const policyType = policy ? (f.optString(policy.type, `${at}.policy.type`) ?? 'cue') : undefined;
    return { name: f.optString(o.name, `${at}.name`) ?? `attestation-${i}`, predicateType: resolvePredicateType(f.string(o.predicateType, `${at}.predicateType`)).uri, ...(policyType ? { policyType } : {}) };
  });
}

const READ_AUTHORITY = ['name', 'key', 'keyless', 'static', 'ctlog', 'rfc3161timestamp', 'attestations', 'signatureFormat', 'source'];

// One authority; default names are authority-<index>, as policy-controller gives them.
function authorityOf(v: JsonValue, i: number, where: string): PcAuthority {
  const o = f.object(v, where);
  const name = f.optString(o.name, `${where}.name`) ?? `authority-${i}`;
  const notes = unreadKeys(o, READ_AUTHORITY).map((k) => `${name}.${k} is not evaluated`);
  if (o.source !== undefined) notes.push(`${name}.source: signatures are looked up next to the image, not in another repository`);
  const refs: string[] = [];
  const ctlog = f.optObject(o.ctlog, `${where}.ctlog`);
  const ctlogRef = f.optString(ctlog?.trustRootRef, `${where}.ctlog.trustRootRef`);
  if (ctlogRef) refs.push(ctlogRef);
  const tsaRef = f.optString(f.optObject(o.rfc3161timestamp, `${where}.rfc3161timestamp`)?.trustRootRef, `${where}.rfc3161timestamp.trustRootRef`);
  if (tsaRef) refs.push(tsaRef);
  const format = f.optString(o.signatureFormat, `${where}.signatureFormat`);
  if (format !== undefined && format !== 'bundle' && format !== 'legacy') f.fail(`${where}.signatureFormat`, 'bundle or legacy', format);
  const common = { name, trustRootRefs: refs, insecureIgnoreSCT: false, attestations: attestationsOf(o.attestations, `${where}.attestations`), notes, ...(format ? { signatureFormat: format as 'bundle' | 'legacy' } : {}) };
  if (o.static !== undefined) {
    const s = f.object(o.static, `${where}.static`);
    const action = f.string(s.action, `${where}.static.action`);
    if (action !== 'pass' && action !== 'fail') f.fail(`${where}.static.action`, 'pass or fail', action);
    const message = f.optString(s.message, `${where}.static.message`);
    return { ...common, kind: 'static', action: action as 'pass' | 'fail', ...(message ? { message } : {}) };
  }
  if (o.key !== undefined) {
    const k = f.object(o.key, `${where}.key`);
    if (k.kms !== undefined) return { ...common, kind: 'not-evaluable', reason: `${name}.key.kms names a KMS key, which cannot be read here` };
    if (k.secretRef !== undefined) return { ...common, kind: 'not-evaluable', reason: `${name}.key.secretRef names a Kubernetes Secret, which cannot be read outside the cluster` };
    return { ...common, kind: 'key', data: f.string(k.data, `${where}.key.data`), hashAlgorithm: f.optString(k.hashAlgorithm, `${where}.key.hashAlgorithm`) ?? 'sha256' };
  }
  if (o.keyless !== undefined) {
    const k = f.object(o.keyless, `${where}.keyless`);
    const ref = f.optString(k.trustRootRef, `${where}.keyless.trustRootRef`);
    if (ref) refs.push(ref);
    const ca = f.optObject(k['ca-cert'], `${where}.keyless.ca-cert`);
    if (ca?.secretRef !== undefined) return { ...common, kind: 'not-evaluable', reason: `${name}.keyless.ca-cert.secretRef names a Kubernetes Secret, which cannot be read outside the cluster` };
    const caCert = f.optString(ca?.data, `${where}.keyless.ca-cert.data`);
    const url = f.optString(k.url, `${where}.keyless.url`);
    return {
      ...common,
      ...(caCert ? { caCert } : {}),
      insecureIgnoreSCT: f.optBool(k.insecureIgnoreSCT, `${where}.keyless.insecureIgnoreSCT`, false),
      kind: 'keyless',
      ...(url ? { url } : {}),
      identities: identitiesOf(k.identities, `${where}.keyless.identities`),
    };
  }
  if (o.rfc3161timestamp !== undefined) return { ...common, kind: 'not-evaluable', reason: `${name} names only an rfc3161timestamp authority, with no key or keyless signer to check` };
  return f.fail(where, 'one of key, keyless or static', o);
}

const READ_SPEC = ['images', 'authorities', 'mode', 'policy', 'match'];

// A ClusterImagePolicy resource.
export function parseClusterImagePolicy(doc: JsonObject, where: string): PcPolicy {
  const name = f.string(f.object(doc.metadata, `${where}.metadata`).name, `${where}.metadata.name`);
  const spec = f.object(doc.spec, `ClusterImagePolicy/${name}: spec`);
  const at = (p: string) => `ClusterImagePolicy/${name}: spec.${p}`;
  const globs = f.array(spec.images, at('images'), MAX_LIST).map((g, i) => compileGlob(f.string(f.object(g, at(`images[${i}]`)).glob, at(`images[${i}].glob`)), at(`images[${i}].glob`)));
  const authorities = f.array(spec.authorities, at('authorities'), MAX_LIST).map((a, i) => authorityOf(a, i, at(`authorities[${i}]`)));
  const mode = f.optString(spec.mode, at('mode')) ?? 'enforce';
  if (mode !== 'enforce' && mode !== 'warn') f.fail(at('mode'), 'enforce or warn', mode);
  const notes = unreadKeys(spec, READ_SPEC).map((k) => `spec.${k} is not evaluated`);
  if (spec.match !== undefined) notes.push('spec.match (resource kinds and labels) needs the admission request; every container is treated as matching');
  const policy = f.optObject(spec.policy, at('policy'));
  const policyType = policy ? (f.optString(policy.type, at('policy.type')) ?? 'cue') : undefined;
  return { controller: 'policy-controller', name, globs, authorities, mode: mode as 'enforce' | 'warn', ...(policyType ? { policyType } : {}), notes };
}
