// From a signed in-toto statement to the view people read: the predicate type picks the reader;
// anything unknown or unreadable falls back to the JSON tree and says why.
import { toVerifyError } from '../errors';
import { LIMITS } from '../limits';
import { isJsonObject, parseJson, type JsonObject, type JsonValue } from '../encoding';
import { parseInTotoStatement, type InTotoStatement } from '../dsse/in-toto';
import type { FulcioClaims } from '../x509/fulcio-extensions';
import { text, VIEW_LIMITS } from './bounded';
import { jsonTree } from './json-tree';
import { OPENVEX_NAMESPACE, readOpenVex } from './openvex';
import { aliasOf, COSIGN_SIGN_PREDICATE, PREDICATE_TYPE_ALIASES } from './predicate-types';
import { compareWithCertificate } from './provenance-agreement';
import { isCycloneDxBom, readCycloneDx } from './sbom-cyclonedx';
import { isSpdxDocument, readSpdx } from './sbom-spdx';
import { readProvenance, SLSA_V02, SLSA_V1 } from './slsa-provenance';
import type { AttestationView, PredicateView } from './view-model';
import { COSIGN_VULN_PREDICATE, readVuln } from './vuln';

const now = (): number => globalThis.performance?.now() ?? Date.now();

// What a predicate type means, for people.
export function predicateTypeName(predicateType: string): string {
  if (predicateType === COSIGN_SIGN_PREDICATE) return 'cosign signature';
  if (predicateType.startsWith(PREDICATE_TYPE_ALIASES.spdx)) return 'SPDX SBOM';
  if (predicateType.startsWith(PREDICATE_TYPE_ALIASES.cyclonedx)) return 'CycloneDX SBOM';
  if (predicateType === SLSA_V1) return 'SLSA provenance v1';
  if (predicateType === SLSA_V02) return 'SLSA provenance v0.2';
  if (predicateType.startsWith(OPENVEX_NAMESPACE)) return 'OpenVEX';
  if (predicateType === COSIGN_VULN_PREDICATE) return 'vulnerability scan';
  if (predicateType === PREDICATE_TYPE_ALIASES.link) return 'in-toto link';
  if (predicateType === PREDICATE_TYPE_ALIASES.custom) return 'cosign custom predicate';
  return 'predicate';
}

// An SBOM predicate: the document itself, or (cosign --type spdx) a JSON string holding it.
function sbomDocument(predicate: JsonValue | undefined, notes: string[]): { doc: JsonObject; embedded: boolean } | undefined {
  if (isJsonObject(predicate)) return { doc: predicate, embedded: false };
  if (typeof predicate !== 'string') return undefined;
  try {
    const inner = parseJson(predicate, 'predicate (a JSON string)', LIMITS.attestationBytes);
    if (isJsonObject(inner)) return { doc: inner, embedded: true };
  } catch (err) {
    notes.push(`The predicate is a string that is not a JSON SBOM (${toVerifyError(err).message.slice(0, 200)}); SPDX tag-value text is not read.`);
  }
  return undefined;
}

// The reader for a statement, or undefined when none applies (the JSON tree then shows it).
function readPredicate(statement: InTotoStatement, claims: FulcioClaims | undefined, notes: string[]): PredicateView | undefined {
  const { predicateType: type, predicate } = statement;
  if (type.startsWith(PREDICATE_TYPE_ALIASES.spdx) || type.startsWith(PREDICATE_TYPE_ALIASES.cyclonedx)) {
    const sbom = sbomDocument(predicate, notes);
    if (!sbom) return undefined;
    if (isSpdxDocument(sbom.doc)) return readSpdx(sbom.doc, sbom.embedded);
    if (isCycloneDxBom(sbom.doc)) return readCycloneDx(sbom.doc, sbom.embedded);
    notes.push('The predicate is neither an SPDX document (no spdxVersion) nor a CycloneDX BOM (no bomFormat).');
    return undefined;
  }
  if (!isJsonObject(predicate)) return undefined;
  if (type === SLSA_V1 || type === SLSA_V02) {
    const view = readProvenance(type, predicate);
    return claims ? { ...view, agreement: compareWithCertificate(view, claims) } : view;
  }
  if (type.startsWith(OPENVEX_NAMESPACE)) return readOpenVex(predicate);
  if (type === COSIGN_VULN_PREDICATE) return readVuln(predicate);
  return undefined;
}

// Read a statement (already parsed, or the DSSE payload) into its view; the certificate's Fulcio claims,
// when given, are compared with a provenance. Throws only when the payload is not an in-toto statement.
export function readAttestation(payload: Uint8Array, claims?: FulcioClaims): AttestationView {
  const started = now();
  const statement = parseInTotoStatement(payload);
  const notes: string[] = [];
  let view: PredicateView | undefined;
  try {
    view = readPredicate(statement, claims, notes);
  } catch (err) {
    notes.push(`The ${predicateTypeName(statement.predicateType)} reader could not read this predicate: ${toVerifyError(err).message.slice(0, 300)}`);
  }
  const alias = aliasOf(statement.predicateType);
  return {
    statementType: statement.type,
    predicateType: statement.predicateType,
    ...(alias === undefined ? {} : { alias }),
    typeName: predicateTypeName(statement.predicateType),
    subjects: statement.subjects.slice(0, VIEW_LIMITS.subjects).map((s) => ({
      name: text(s.name) ?? '',
      digests: Object.entries(s.digest).slice(0, 8).map(([a, d]) => `${text(a, 32)}:${text(d, 256)}`).join(', '),
    })),
    totalSubjects: statement.subjects.length,
    statementBytes: payload.length,
    view: view ?? jsonTree(statement.predicate ?? null, 'predicate', '$.predicate'),
    notes,
    readMs: Math.round((now() - started) * 1000) / 1000,
  };
}

// An SBOM stored as a blob (cosign attach sbom): its JSON read as SPDX or CycloneDX, else shown as a tree.
export function readSbomBlob(bytes: Uint8Array, mediaType: string): PredicateView {
  if (!/json/i.test(mediaType)) {
    return jsonTree(`(${bytes.length} bytes of ${mediaType.slice(0, 100)}: only JSON SBOMs are read)`, 'sbom', '$');
  }
  const doc = parseJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'attached SBOM', LIMITS.attestationBytes);
  if (isJsonObject(doc) && isSpdxDocument(doc)) return readSpdx(doc, false);
  if (isJsonObject(doc) && isCycloneDxBom(doc)) return readCycloneDx(doc, false);
  return jsonTree(doc, 'sbom', '$');
}
