// A Rekor entry's body as a view model: the fields each kind records (hashedrekord, dsse, intoto, rekord), named
// and decoded for display, or an honest "not decoded" for kinds Signet does not read. Never throws.
import { sha256 } from '../core/crypto/digest';
import { fromBase64 } from '../core/encoding/base64';
import { fromUtf8 } from '../core/encoding/bytes';
import { toHex } from '../core/encoding/hex';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/encoding/json';
import { parsePem } from '../core/encoding/pem';
import { parseCertificate } from '../core/x509/certificate';
import { oidcIssuer } from '../core/x509/fulcio-extensions';
import { parseRekorBody, type LoggedVerifier, type RekorLogEntry } from '../core/tlog';

/** One decoded value of the body. */
export interface EntryBodyField {
  label: string;
  value: string;
  /** Hex, base64 and digests are shown in monospace. */
  mono: boolean;
  /** Where in the body it was read (a JSON path). */
  path: string;
}

/** The body of an entry, decoded for display. */
export interface EntryBodyView {
  kind: string;
  apiVersion: string;
  decoded: boolean;
  /** Why the body is not decoded, when it is not. */
  notDecoded?: string;
  fields: EntryBodyField[];
}

const field = (label: string, value: string, path: string, mono = true): EntryBodyField => ({ label, value, path, mono });

// A string at a path of nested objects, or undefined.
function stringAt(json: JsonValue | undefined, path: string[]): string | undefined {
  let at: JsonValue | undefined = json;
  for (const key of path) at = isJsonObject(at) ? at[key] : undefined;
  return typeof at === 'string' ? at : undefined;
}

// What a logged certificate or key says about the signer: its SHA-256 fingerprint, and a certificate's SAN and issuer.
async function verifierFields(v: LoggedVerifier, label: string): Promise<EntryBodyField[]> {
  const fingerprint = `sha256:${toHex(await sha256(v.der))}`;
  if (v.form === 'publicKey') return [field(`${label}: public key`, fingerprint, v.path)];
  const fields = [field(`${label}: certificate`, fingerprint, v.path)];
  try {
    const cert = parseCertificate(v.der, `body ${v.path}`);
    const san = cert.subjectAltNames.map((s) => s.value).join(', ');
    if (san) fields.push(field(`${label}: certificate identity (SAN)`, san, v.path, false));
    const issuer = oidcIssuer(cert);
    if (issuer) fields.push(field(`${label}: OIDC issuer`, issuer, v.path, false));
    fields.push(field(`${label}: certificate valid`, `${new Date(cert.notBefore).toISOString()} to ${new Date(cert.notAfter).toISOString()}`, v.path, false));
  } catch (err) {
    fields.push(field(`${label}: certificate`, `not decoded: ${err instanceof Error ? err.message : String(err)}`, v.path, false));
  }
  return fields;
}

// The kinds core reads (hashedrekord, dsse, intoto): digest, signatures and verifiers, and the fields only the view needs.
async function readKnownKind(found: RekorLogEntry, json: JsonObject): Promise<EntryBodyField[]> {
  const body = parseRekorBody(found.entry);
  const digestLabel = body.kind === 'hashedrekord' ? 'signed artifact digest' : 'payload digest';
  const fields = [field(digestLabel, `${body.digest.algorithm.replace('SHA-', 'sha')}:${toHex(body.digest.value)}`, body.digest.path)];
  const envelopeHash = stringAt(json, ['spec', 'envelopeHash', 'value']) ?? stringAt(json, ['spec', 'content', 'hash', 'value']);
  if (envelopeHash) fields.push(field('envelope digest', envelopeHash, body.kind === 'dsse' ? 'spec.envelopeHash.value' : 'spec.content.hash.value'));
  const payloadType = stringAt(json, ['spec', 'content', 'envelope', 'payloadType']);
  if (payloadType) fields.push(field('payload type', payloadType, 'spec.content.envelope.payloadType', false));
  if (found.attestation) fields.push(field('payload stored by the log', `${found.attestation.length} bytes (LogEntry.attestation), checked against the payload digest when verified`, 'attestation.data', false));
  for (const [i, s] of body.signatures.entries()) {
    const label = body.signatures.length > 1 ? `signature ${i + 1}` : 'signature';
    if (s.signature) fields.push(field(label, toHex(s.signature), s.path));
    fields.push(...(await verifierFields(s.verifier, body.signatures.length > 1 ? `signer ${i + 1}` : 'signer')));
  }
  return fields;
}

// rekord 0.0.1 (Rekor pkg/types/rekord): the artifact's hash, the signature's format and bytes, and its key.
async function readRekord(json: JsonObject): Promise<EntryBodyField[]> {
  const algorithm = stringAt(json, ['spec', 'data', 'hash', 'algorithm']);
  const value = stringAt(json, ['spec', 'data', 'hash', 'value']);
  const format = stringAt(json, ['spec', 'signature', 'format']);
  const content = stringAt(json, ['spec', 'signature', 'content']);
  const key = stringAt(json, ['spec', 'signature', 'publicKey', 'content']);
  if (!algorithm || !value || !format || !content || !key) throw new Error('a rekord body has spec.data.hash, spec.signature.format, .content and .publicKey.content');
  const fields = [
    field('signed artifact digest', `${algorithm}:${value}`, 'spec.data.hash.value'),
    field('signature format', format, 'spec.signature.format', false),
    field('signature', toHex(fromBase64(content, 'spec.signature.content')), 'spec.signature.content'),
  ];
  const keyBytes = fromBase64(key, 'spec.signature.publicKey.content');
  if (format !== 'x509') return [...fields, field(`signer: ${format} key`, `sha256:${toHex(await sha256(keyBytes))}`, 'spec.signature.publicKey.content')];
  const block = parsePem(fromUtf8(keyBytes, 'spec.signature.publicKey.content'), 'spec.signature.publicKey.content')[0]!;
  const form = block.label === 'CERTIFICATE' ? 'certificate' : 'publicKey';
  return [...fields, ...(await verifierFields({ form, der: block.der, path: 'spec.signature.publicKey.content' }, 'signer'))];
}

// The body of an entry for display.
export async function describeEntryBody(found: RekorLogEntry): Promise<EntryBodyView> {
  const json = isJsonObject(found.body) ? found.body : {};
  const base = { kind: found.entry.kind, apiVersion: found.entry.version };
  const known = ['hashedrekord/0.0.1', 'dsse/0.0.1', 'intoto/0.0.1', 'intoto/0.0.2'].includes(`${base.kind}/${base.apiVersion}`);
  const rekord = `${base.kind}/${base.apiVersion}` === 'rekord/0.0.1';
  if (!known && !rekord) {
    return { ...base, decoded: false, notDecoded: `Signet does not decode ${base.kind} ${base.apiVersion} entries; the body is shown below as the log stored it.`, fields: [] };
  }
  try {
    return { ...base, decoded: true, fields: known ? await readKnownKind(found, json) : await readRekord(json) };
  } catch (err) {
    return { ...base, decoded: false, notDecoded: `The ${base.kind} ${base.apiVersion} body could not be decoded: ${err instanceof Error ? err.message : String(err)}`.slice(0, 400), fields: [] };
  }
}
