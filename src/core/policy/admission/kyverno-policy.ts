// Kyverno ClusterPolicy / Policy (kyverno.io/v1) `verifyImages` rules as a typed model; fields Signet cannot evaluate
// are kept as notes so the decision says so. Field names from Kyverno's API (api/kyverno/v1 ImageVerification,
// Attestor, KeylessAttestor, StaticKeyAttestor, CertificateAttestor, Rekor, CTLog, Attestation).
import type { JsonObject, JsonValue } from '../../encoding';
import { FieldReader, unreadKeys } from './fields';
import type { Condition, ConditionBlock } from './kyverno-conditions';

const f = new FieldReader('ADMISSION_POLICY_INVALID');
const MAX_LIST = 64;

export interface RekorOptions {
  url?: string;
  pubkey?: string;
  ignoreTlog: boolean;
}

export interface CtlogOptions {
  pubkey?: string;
  ignoreSCT: boolean;
}

export type AttestorEntry =
  | {
      kind: 'keyless';
      path: string;
      subject?: string;
      issuer?: string;
      subjectRegExp?: string;
      issuerRegExp?: string;
      roots?: string;
      additionalExtensions: Record<string, string>;
      rekor: RekorOptions;
      ctlog: CtlogOptions;
    }
  | { kind: 'keys'; path: string; publicKeys: string; signatureAlgorithm: string; rekor: RekorOptions; ctlog: CtlogOptions }
  | { kind: 'certificates'; path: string; cert?: string; certChain?: string; rekor: RekorOptions; ctlog: CtlogOptions }
  /** An entry that needs the cluster or a service (a Secret, KMS, a nested attestor): not evaluated. */
  | { kind: 'not-evaluable'; path: string; reason: string };

export interface AttestorSet {
  /** Entries that must pass; absent: all of them. */
  count?: number;
  entries: AttestorEntry[];
}

export interface KyvernoAttestation {
  path: string;
  predicateType: string;
  attestors: AttestorSet[];
  conditions: ConditionBlock[];
}

export interface KyvernoImageVerification {
  path: string;
  type: string;
  imageReferences: string[];
  skipImageReferences: string[];
  attestors: AttestorSet[];
  attestations: KyvernoAttestation[];
  required: boolean;
  verifyDigest: boolean;
  mutateDigest: boolean;
  /** Enforce denies, Audit admits and reports. */
  failureAction: 'Enforce' | 'Audit';
  notes: string[];
}

export interface KyvernoRule {
  name: string;
  /** `match.any/all[].resources.kinds`; null when the rule names no kinds. */
  kinds: string[] | null;
  verifyImages: KyvernoImageVerification[];
  notes: string[];
}

export interface KyvernoPolicy {
  controller: 'kyverno';
  kind: 'ClusterPolicy' | 'Policy';
  name: string;
  rules: KyvernoRule[];
  notes: string[];
}

// "Enforce"/"enforce" and "Audit"/"audit", as Kyverno accepts them; Kyverno's default is Audit.
function failureAction(v: JsonValue | undefined, where: string, fallback: 'Enforce' | 'Audit'): 'Enforce' | 'Audit' {
  const s = f.optString(v, where);
  if (s === undefined) return fallback;
  if (s.toLowerCase() === 'enforce') return 'Enforce';
  if (s.toLowerCase() === 'audit') return 'Audit';
  return f.fail(where, 'Enforce or Audit', s);
}

// rekor: { url, pubkey, ignoreTlog } (Kyverno api/kyverno/v1 Rekor).
function rekorOf(v: JsonValue | undefined, where: string): RekorOptions {
  const o = f.optObject(v, where) ?? {};
  const url = f.optString(o.url, `${where}.url`);
  const pubkey = f.optString(o.pubkey, `${where}.pubkey`);
  return { ...(url ? { url } : {}), ...(pubkey ? { pubkey } : {}), ignoreTlog: f.optBool(o.ignoreTlog, `${where}.ignoreTlog`, false) };
}

// ctlog: { pubkey, ignoreSCT } (Kyverno api/kyverno/v1 CTLog).
function ctlogOf(v: JsonValue | undefined, where: string): CtlogOptions {
  const o = f.optObject(v, where) ?? {};
  const pubkey = f.optString(o.pubkey, `${where}.pubkey`);
  return { ...(pubkey ? { pubkey } : {}), ignoreSCT: f.optBool(o.ignoreSCT, `${where}.ignoreSCT`, false) };
}

// Split several PEM keys into one entry each, as Kyverno's ExpandStaticKeys does (pkg/engine/internal/imageverifier.go).
function splitPublicKeys(pem: string): string[] {
  const parts = pem.split('-----END PUBLIC KEY-----');
  return parts.slice(0, -1).map((p) => `${p}-----END PUBLIC KEY-----`);
}

// One attestor entry; keys with several PEMs become several entries.
function entriesOf(v: JsonValue, path: string): AttestorEntry[] {
  const e = f.object(v, path);
  const common = (sub: JsonObject, at: string) => ({ rekor: rekorOf(sub.rekor, `${at}.rekor`), ctlog: ctlogOf(sub.ctlog, `${at}.ctlog`) });
  if (e.attestor !== undefined) return [{ kind: 'not-evaluable', path: `${path}.attestor`, reason: 'nested attestor sets are not evaluated' }];
  if (e.keys !== undefined) {
    const at = `${path}.keys`;
    const k = f.object(e.keys, at);
    if (k.secret !== undefined) return [{ kind: 'not-evaluable', path: at, reason: 'keys.secret names a Kubernetes Secret, which cannot be read outside the cluster' }];
    if (k.kms !== undefined) return [{ kind: 'not-evaluable', path: at, reason: 'keys.kms names a KMS key, which cannot be read here' }];
    const pem = f.string(k.publicKeys, `${at}.publicKeys`);
    const signatureAlgorithm = f.optString(k.signatureAlgorithm, `${at}.signatureAlgorithm`) ?? 'sha256';
    const keys = splitPublicKeys(pem);
    if (keys.length === 0) f.fail(`${at}.publicKeys`, 'PEM public keys', pem.slice(0, 40));
    return keys.map((publicKeys) => ({ kind: 'keys' as const, path: at, publicKeys, signatureAlgorithm, ...common(k, at) }));
  }
  if (e.certificates !== undefined) {
    const at = `${path}.certificates`;
    const c = f.object(e.certificates, at);
    const cert = f.optString(c.cert, `${at}.cert`);
    const certChain = f.optString(c.certChain, `${at}.certChain`);
    return [{ kind: 'certificates', path: at, ...(cert ? { cert } : {}), ...(certChain ? { certChain } : {}), ...common(c, at) }];
  }
  // An empty entry (Kyverno adds one for attestations without attestors) checks signatures against the default roots.
  const at = `${path}.keyless`;
  const k = f.optObject(e.keyless, at) ?? {};
  const opt = (name: string) => f.optString(k[name], `${at}.${name}`);
  const fields = { subject: opt('subject'), issuer: opt('issuer'), subjectRegExp: opt('subjectRegExp'), issuerRegExp: opt('issuerRegExp'), roots: opt('roots') };
  return [
    {
      kind: 'keyless',
      path: at,
      ...Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined)),
      additionalExtensions: f.stringMap(k.additionalExtensions, `${at}.additionalExtensions`),
      ...common(k, at),
    },
  ];
}

// attestors: [{ count, entries: [...] }].
function attestorSets(v: JsonValue | undefined, path: string): AttestorSet[] {
  return f.optArray(v, path, MAX_LIST).map((s, i) => {
    const at = `${path}[${i}]`;
    const set = f.object(s, at);
    const count = f.optInt(set.count, `${at}.count`);
    const entries = f.array(set.entries, `${at}.entries`, MAX_LIST).flatMap((e, j) => entriesOf(e, `${at}.entries[${j}]`));
    return { ...(count !== undefined && count > 0 ? { count } : {}), entries };
  });
}

// conditions: [{ all: [...], any: [...] }].
function conditionBlocks(v: JsonValue | undefined, path: string): ConditionBlock[] {
  const condition = (c: JsonValue, at: string): Condition => {
    const o = f.object(c, at);
    const message = f.optString(o.message, `${at}.message`);
    return { key: o.key ?? null, operator: f.string(o.operator, `${at}.operator`), value: o.value ?? null, ...(message ? { message } : {}) };
  };
  return f.optArray(v, path, MAX_LIST).map((b, i) => {
    const at = `${path}[${i}]`;
    const block = f.object(b, at);
    return {
      all: f.optArray(block.all, `${at}.all`, MAX_LIST).map((c, j) => condition(c, `${at}.all[${j}]`)),
      any: f.optArray(block.any, `${at}.any`, MAX_LIST).map((c, j) => condition(c, `${at}.any[${j}]`)),
    };
  });
}

const READ_VERIFY_IMAGES = ['type', 'imageReferences', 'image', 'skipImageReferences', 'attestors', 'attestations', 'required', 'verifyDigest', 'mutateDigest', 'failureAction', 'roots', 'useCache', 'imageRegistryCredentials', 'webhookTimeoutSeconds'];

// One verifyImages entry.
function imageVerification(v: JsonValue, path: string, specAction: 'Enforce' | 'Audit'): KyvernoImageVerification {
  const o = f.object(v, path);
  const notes = unreadKeys(o, READ_VERIFY_IMAGES).map((k) => `${path}.${k} is not evaluated`);
  if (o.imageRegistryCredentials !== undefined) notes.push(`${path}.imageRegistryCredentials: the registry is reached with the credentials you gave Signet, not the cluster's`);
  const legacy = f.optString(o.image, `${path}.image`);
  const imageReferences = [...f.stringList(o.imageReferences, `${path}.imageReferences`, MAX_LIST), ...(legacy ? [legacy] : [])];
  const attestations = f.optArray(o.attestations, `${path}.attestations`, MAX_LIST).map((a, i) => {
    const at = `${path}.attestations[${i}]`;
    const att = f.object(a, at);
    const predicateType = f.optString(att.type, `${at}.type`) ?? f.optString(att.predicateType, `${at}.predicateType`) ?? '';
    return { path: `.attestations[${i}]`, predicateType, attestors: attestorSets(att.attestors, `.attestations[${i}].attestors`), conditions: conditionBlocks(att.conditions, `${at}.conditions`) };
  });
  return {
    path,
    type: f.optString(o.type, `${path}.type`) ?? 'Cosign',
    imageReferences: imageReferences.length > 0 ? imageReferences : ['*'],
    skipImageReferences: f.stringList(o.skipImageReferences, `${path}.skipImageReferences`, MAX_LIST),
    attestors: attestorSets(o.attestors, '.attestors'),
    attestations,
    required: f.optBool(o.required, `${path}.required`, true),
    verifyDigest: f.optBool(o.verifyDigest, `${path}.verifyDigest`, true),
    mutateDigest: f.optBool(o.mutateDigest, `${path}.mutateDigest`, true),
    failureAction: failureAction(o.failureAction, `${path}.failureAction`, specAction),
    notes,
  };
}

// The kinds a rule matches, from match.any / match.all / match.resources; other match criteria are noted.
function matchKinds(rule: JsonObject, where: string, notes: string[]): string[] | null {
  const match = f.optObject(rule.match, `${where}.match`);
  if (!match) return null;
  const filters = [...f.optArray(match.any, `${where}.match.any`, MAX_LIST), ...f.optArray(match.all, `${where}.match.all`, MAX_LIST), ...(match.resources ? [{ resources: match.resources }] : [])];
  const kinds: string[] = [];
  for (const [i, filter] of filters.entries()) {
    const resources = f.optObject(f.object(filter, `${where}.match[${i}]`).resources, `${where}.match[${i}].resources`) ?? {};
    kinds.push(...f.stringList(resources.kinds, `${where}.match[${i}].resources.kinds`, MAX_LIST));
    const other = unreadKeys(resources, ['kinds']);
    if (other.length > 0) notes.push(`${where}.match: ${other.join(', ')} need the cluster; the rule is evaluated as if they matched`);
  }
  if (rule.exclude !== undefined) notes.push(`${where}.exclude needs the cluster; nothing is excluded here`);
  return kinds.length > 0 ? kinds : null;
}

// A ClusterPolicy or Policy document; only rules with verifyImages are kept.
export function parseKyvernoPolicy(doc: JsonObject, where: string): KyvernoPolicy {
  const kind = f.string(doc.kind, `${where}.kind`) as 'ClusterPolicy' | 'Policy';
  const name = f.optString(f.optObject(doc.metadata, `${where}.metadata`)?.name, `${where}.metadata.name`) ?? '(unnamed)';
  const spec = f.object(doc.spec, `${name}: spec`);
  const specAction = failureAction(spec.validationFailureAction, `${name}: spec.validationFailureAction`, 'Audit');
  const notes: string[] = [];
  const rules = f.optArray(spec.rules, `${name}: spec.rules`, MAX_LIST).flatMap((r, i) => {
    const at = `spec.rules[${i}]`;
    const rule = f.object(r, `${name}: ${at}`);
    if (rule.verifyImages === undefined) return [];
    const ruleNotes: string[] = [];
    const kinds = matchKinds(rule, at, ruleNotes);
    if (rule.preconditions !== undefined) ruleNotes.push(`${at}.preconditions need the admission request; the rule is evaluated as if they held`);
    return [
      {
        name: f.optString(rule.name, `${name}: ${at}.name`) ?? `rule-${i}`,
        kinds,
        verifyImages: f.array(rule.verifyImages, `${name}: ${at}.verifyImages`, MAX_LIST).map((v, j) => imageVerification(v, `${at}.verifyImages[${j}]`, specAction)),
        notes: ruleNotes,
      },
    ];
  });
  if (rules.length === 0) notes.push(`${kind}/${name} has no verifyImages rule; it decides nothing about images`);
  return { controller: 'kyverno', kind, name, rules, notes };
}
