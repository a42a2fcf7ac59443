// Independent judges of the engine's PKI reader: asn1js, pkijs and @peculiar/x509 parse the same certificates, SCT
// lists and RFC 3161 tokens, and every field the engine relies on is compared. A difference names the field and the file.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import { parseCertificate, parseSctList, type Certificate } from '../../src/core/x509';
import { parseTimestampToken } from '../../src/core/tsa';

/** One DER object and where it was first found (file and JSON path), with how many places hold the same bytes. */
export interface Found {
  der: Uint8Array;
  where: string;
  copies: number;
}

export interface PkiMaterial {
  certificates: Found[];
  tokens: Found[];
}

/** How the engine and the libraries judged one object; `differences` is empty when they agree. */
export interface Comparison {
  where: string;
  engine: 'accepted' | 'refused';
  library: 'accepted' | 'refused';
  /** The engine's error code, or the library's message, when refused. */
  refusal?: string;
  differences: { field: string; engine: string; library: string }[];
}

const hex = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');
const ab = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
// An unsigned integer's hex without leading zero bytes, the one form serials and nonces are compared in.
const unsignedHex = (h: string) => h.replace(/^(00)+(?=..)/, '');
const PEM_CERT = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g;

// Every file under the folders, recursively.
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// The JSON documents of a file: the whole text, or one per line (cosign download dumps).
function jsonDocuments(text: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    return text.split('\n').flatMap((line) => {
      try {
        return line.trim().startsWith('{') ? [JSON.parse(line)] : [];
      } catch {
        return [];
      }
    });
  }
}

// Collect the certificates (bundle material, trusted-root chains, PEM anywhere, certificates inside tokens) and RFC 3161
// tokens of the given folders and in-memory documents, each set of identical bytes once.
export function collectPkiMaterial(dirs: string[], documents: { where: string; json: unknown }[] = []): PkiMaterial {
  const certs = new Map<string, Found>();
  const tokens = new Map<string, Found>();
  const add = (into: Map<string, Found>, der: Uint8Array, where: string) => {
    const id = createHash('sha256').update(der).digest('hex');
    const known = into.get(id);
    if (known) known.copies++;
    else into.set(id, { der, where, copies: 1 });
  };
  const pem = (text: string, where: string) => {
    for (const m of text.matchAll(PEM_CERT)) add(certs, new Uint8Array(Buffer.from(m[1]!.replace(/\s/g, ''), 'base64')), `${where} (PEM)`);
  };
  const walk = (v: unknown, where: string, path: string) => {
    if (typeof v === 'string') {
      if (v.includes('-----BEGIN CERTIFICATE-----')) pem(v, `${where} ${path}`);
      else if (/(^|\.)cert$/.test(path) && /^[A-Za-z0-9+/=]+$/.test(v)) pem(Buffer.from(v, 'base64').toString('latin1'), `${where} ${path}`);
      return;
    }
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, where, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      const p = path ? `${path}.${k}` : k;
      if (k === 'rawBytes' && typeof x === 'string' && /certificates?(\[\d+\])?$/.test(path)) add(certs, new Uint8Array(Buffer.from(x, 'base64')), `${where} ${p}`);
      else if (k === 'signedTimestamp' && typeof x === 'string') add(tokens, new Uint8Array(Buffer.from(x, 'base64')), `${where} ${p}`);
      else walk(x, where, p);
    }
  };
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const text = readFileSync(file, 'latin1');
      const where = relative(join(dir, '..'), file);
      const docs = jsonDocuments(text);
      if (docs.length === 0) pem(text, where);
      docs.forEach((d, i) => walk(d, docs.length > 1 ? `${where} line ${i + 1}` : where, ''));
    }
  }
  for (const d of documents) walk(d.json, d.where, '');
  // The certificates a token carries are certificates the engine reads too.
  for (const t of tokens.values()) {
    try {
      parseTimestampToken(t.der, t.where).certificates.forEach((c, i) => add(certs, c, `${t.where} certificates[${i}]`));
    } catch {
      // A token the engine refuses is compared (and reported) on its own.
    }
  }
  return { certificates: [...certs.values()], tokens: [...tokens.values()] };
}

// Judge one object: each side parses; when both accept, the named fields are compared.
function judge<E, L>(where: string, engineParse: () => E, libraryParse: () => L, fields: (e: E, l: L) => [string, string, string][]): Comparison & { engineResult?: E; libraryResult?: L } {
  let e: E | undefined;
  let l: L | undefined;
  let refusal: string | undefined;
  try {
    e = engineParse();
  } catch (err) {
    refusal = `engine ${(err as { code?: string }).code ?? (err as Error).message}`;
  }
  try {
    l = libraryParse();
  } catch (err) {
    refusal = `${refusal ? `${refusal}; ` : ''}library ${(err as Error).message.slice(0, 160)}`;
  }
  const out = { where, engine: e === undefined ? ('refused' as const) : ('accepted' as const), library: l === undefined ? ('refused' as const) : ('accepted' as const), differences: [] as Comparison['differences'], ...(refusal && { refusal }) };
  if (e === undefined || l === undefined) return out;
  for (const [field, engine, library] of fields(e, l)) if (engine !== library) out.differences.push({ field, engine, library });
  return { ...out, engineResult: e, libraryResult: l };
}

// Parse BER with asn1js, refusing anything left over or unparsed, as a judge must.
export function asn1Of(der: Uint8Array): asn1js.AsnType {
  const r = asn1js.fromBER(ab(der));
  if (r.offset === -1 || r.offset !== der.length) throw new Error(`asn1js: ${r.result.error || 'trailing bytes'}`);
  return r.result;
}

// The content bytes of a DER TLV (after its tag and definite length).
function contentHex(bytes: Uint8Array): string {
  const first = bytes[1]!;
  return hex(bytes.subarray(first < 0x80 ? 2 : 2 + (first & 0x7f)));
}

// A Name's content bytes exactly as the input encoded them.
function nameContent(n: pkijs.RelativeDistinguishedNames): string {
  return contentHex(new Uint8Array(n.valueBeforeDecode));
}

// SANs as "type:value", from pkijs' GeneralNames: rfc822Name, dNSName, URI and Fulcio's otherName (username, UTF8String).
function librarySans(cert: pkijs.Certificate): string[] {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.17');
  if (!ext) return [];
  const names = new pkijs.AltName({ schema: asn1Of(ext.extnValue.valueBlock.valueHexView) }).altNames;
  return names.flatMap((n) => {
    if (n.type === 1) return [`email:${n.value as string}`];
    if (n.type === 2) return [`dns:${n.value as string}`];
    if (n.type === 6) return [`uri:${n.value as string}`];
    if (n.type === 0) {
      const seq = n.value as asn1js.Sequence;
      const [typeId, wrapped] = (seq.valueBlock as unknown as { value: asn1js.AsnType[] }).value as [asn1js.ObjectIdentifier, asn1js.Constructed];
      const inner = wrapped?.valueBlock.value[0] as asn1js.Utf8String | undefined;
      return typeId?.valueBlock.toString() === '1.3.6.1.4.1.57264.1.7' && inner instanceof asn1js.Utf8String ? [`otherName:${inner.valueBlock.value}`] : [];
    }
    return [];
  });
}

/** The certificate as both libraries read it. */
export interface LibraryCertificate {
  pkijs: pkijs.Certificate;
  peculiar: x509.X509Certificate;
  basic?: pkijs.BasicConstraints;
  sans: string[];
}

// Read a certificate with pkijs (over asn1js) and @peculiar/x509, its basic constraints and SANs by pkijs; throws
// when either library refuses any of it.
export function libraryCertificate(der: Uint8Array): LibraryCertificate {
  const p = new pkijs.Certificate({ schema: asn1Of(der) });
  const bc = p.extensions?.find((x) => x.extnID === '2.5.29.19');
  return {
    pkijs: p,
    peculiar: new x509.X509Certificate(new Uint8Array(der)),
    ...(bc && { basic: new pkijs.BasicConstraints({ schema: asn1Of(bc.extnValue.valueBlock.valueHexView) }) }),
    sans: librarySans(p),
  };
}

// The fields the engine relies on, as [field, engine, library]: serial, validity, SPKI, TBS, signature, issuer and
// subject (DER), every extension (OID, critical, value bytes), basic constraints and SANs.
export function certificateFields(e: Certificate, { pkijs: p, peculiar: c, basic, sans }: LibraryCertificate): [string, string, string][] {
  const engineExts = e.extensions.map((x) => `${x.oid} ${x.critical} ${x.valueHex}`);
  const libraryExts = (p.extensions ?? []).map((x) => `${x.extnID} ${x.critical} ${hex(x.extnValue.valueBlock.valueHexView)}`);
  return [
    ['serial', unsignedHex(e.serialNumber), unsignedHex(hex(p.serialNumber.valueBlock.valueHexView))],
    ['serial (@peculiar/x509)', unsignedHex(e.serialNumber), unsignedHex(c.serialNumber.toLowerCase())],
    ['notBefore', String(e.notBefore), String(p.notBefore.value.getTime())],
    ['notAfter', String(e.notAfter), String(p.notAfter.value.getTime())],
    ['notAfter (@peculiar/x509)', String(e.notAfter), String(c.notAfter.getTime())],
    ['spki', hex(e.spki), hex(c.publicKey.rawData)],
    ['tbs', hex(e.tbs), hex(p.tbsView)],
    ['signatureAlgorithm', e.signatureAlgorithm.oid, p.signatureAlgorithm.algorithmId],
    ['signatureValue', hex(e.signatureValue), hex(p.signatureValue.valueBlock.valueHexView)],
    ['issuer', hex(e.rawIssuer), nameContent(p.issuer)],
    ['subject', hex(e.rawSubject), nameContent(p.subject)],
    ['extensions', engineExts.join('\n'), libraryExts.join('\n')],
    ['basicConstraints.cA', String(e.isCA), String(basic?.cA ?? false)],
    ['basicConstraints.pathLenConstraint', String(e.pathLenConstraint), String(basic?.pathLenConstraint === undefined ? undefined : Number(basic.pathLenConstraint))],
    ['subjectAltNames', e.subjectAltNames.filter((s) => s.type !== 'ip').map((s) => `${s.type}:${s.value}`).join('\n'), sans.join('\n')],
  ];
}

// A certificate through the engine and through pkijs + @peculiar/x509.
export function compareCertificate(der: Uint8Array, where: string): Comparison & { engineResult?: Certificate; libraryResult?: LibraryCertificate } {
  return judge(where, () => parseCertificate(der, where), () => libraryCertificate(der), certificateFields);
}

const TLS_HASH: Record<number, string> = { 4: 'sha256', 5: 'sha384', 6: 'sha512' };
const TLS_SIGNATURE: Record<number, string> = { 1: 'rsa', 3: 'ecdsa' };

// The certificate's embedded SCT list (RFC 6962 §3.3) through the engine and through pkijs: per SCT the version,
// log id, timestamp, extensions, hash and signature algorithms and the signature bytes.
export function compareSctList(cert: Certificate, where: string): Comparison | undefined {
  if (!cert.sctList) return undefined;
  const ext = cert.extensions.find((x) => x.oid === '1.3.6.1.4.1.11129.2.4.2')!;
  return judge(
    `${where} SCT list`,
    () => parseSctList(cert.sctList!, where),
    () => new pkijs.SignedCertificateTimestampList({ schema: asn1Of(Buffer.from(ext.valueHex, 'hex')) }).timestamps,
    (e, l) => [
      ['count', String(e.length), String(l.length)],
      ...e.flatMap((s, i): [string, string, string][] => {
        const t = l[i];
        if (!t) return [];
        return [
          [`[${i}].version`, '0', String(t.version)],
          [`[${i}].logId`, hex(s.logId), hex(t.logID)],
          [`[${i}].timestamp`, String(s.timestamp), String(t.timestamp.getTime())],
          [`[${i}].extensions`, hex(s.extensions), hex(t.extensions)],
          [`[${i}].hashAlgorithm`, TLS_HASH[s.hashAlgorithm] ?? `code ${s.hashAlgorithm}`, t.hashAlgorithm],
          [`[${i}].signatureAlgorithm`, TLS_SIGNATURE[s.signatureAlgorithm] ?? `code ${s.signatureAlgorithm}`, t.signatureAlgorithm],
          [`[${i}].signature`, hex(s.signature), hex(t.signature)],
        ];
      }),
    ],
  );
}

/** A token as pkijs reads it. */
interface LibraryToken {
  signed: pkijs.SignedData;
  /** The SignedData as asn1js decoded it, original encodings included. */
  signedSchema: asn1js.Sequence;
  tst: pkijs.TSTInfo;
}

// The certificates [0] IMPLICIT SET OF of a SignedData, each exactly as the input encoded it (asn1js keeps them).
function encodedCertificates(signedData: asn1js.Sequence): string[] {
  const set = signedData.valueBlock.value.find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 0) as asn1js.Constructed | undefined;
  return (set?.valueBlock.value ?? []).map((c) => hex(c.valueBeforeDecodeView));
}

// The token's SignedData: a bare ContentInfo, or the timeStampToken of a TimeStampResp (RFC 3161 §2.4.2).
function librarySignedData(der: Uint8Array): { signed: pkijs.SignedData; signedSchema: asn1js.Sequence } {
  const schema = asn1Of(der);
  let info: pkijs.ContentInfo;
  try {
    info = new pkijs.ContentInfo({ schema });
  } catch {
    const resp = new pkijs.TimeStampResp({ schema });
    if (!resp.timeStampToken) throw new Error('TimeStampResp without a token');
    info = resp.timeStampToken;
  }
  if (info.contentType !== '1.2.840.113549.1.7.2') throw new Error(`content type ${info.contentType} is not SignedData`);
  return { signed: new pkijs.SignedData({ schema: info.content }), signedSchema: info.content as asn1js.Sequence };
}

// An RFC 3161 token through the engine and through pkijs: the signed attributes (their DER as signed, content type,
// message digest), the TSTInfo (policy, message imprint, serial, genTime, accuracy, ordering, nonce, TSA name), the
// signer's digest algorithm, signature and identifier, and the embedded certificates.
export function compareTimestampToken(der: Uint8Array, where: string): Comparison {
  return judge(
    where,
    () => parseTimestampToken(der, where),
    (): LibraryToken => {
      const { signed, signedSchema } = librarySignedData(der);
      const content = signed.encapContentInfo.eContent;
      if (!content) throw new Error('no eContent');
      return { signed, signedSchema, tst: new pkijs.TSTInfo({ schema: asn1Of(content.valueBlock.valueHexView) }) };
    },
    (e, { signed, signedSchema, tst }) => {
      const si = signed.signerInfos[0]!;
      const attr = (oid: string) => si.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
      const contentType = attr('1.2.840.113549.1.9.3') as asn1js.ObjectIdentifier | undefined;
      const digest = attr('1.2.840.113549.1.9.4') as asn1js.OctetString | undefined;
      // RFC 5652 §5.4: the signature covers the attributes' original bytes with the [0] IMPLICIT tag replaced by SET OF.
      const attrsDer = si.signedAttrs ? `31${hex(si.signedAttrs.encodedValue).slice(2)}` : '';
      const acc = tst.accuracy;
      const sid = si.sid instanceof pkijs.IssuerAndSerialNumber ? `issuerAndSerialNumber ${unsignedHex(hex(si.sid.serialNumber.valueBlock.valueHexView))}` : `subjectKeyIdentifier ${hex((si.sid as asn1js.OctetString).valueBlock.valueHexView)}`;
      const engineSid = e.signer.sid.kind === 'issuerAndSerialNumber' ? `issuerAndSerialNumber ${unsignedHex(hex(e.signer.sid.serialNumber))}` : `subjectKeyIdentifier ${hex(e.signer.sid.keyId)}`;
      return [
        ['eContentType', e.eContentType, signed.encapContentInfo.eContentType],
        ['tstInfo.der', hex(e.tstInfo.der), hex(signed.encapContentInfo.eContent!.valueBlock.valueHexView)],
        ['tstInfo.policy', e.tstInfo.policy, tst.policy],
        ['tstInfo.messageImprint.hashAlgorithm', e.tstInfo.messageImprint.hashAlgorithm, { '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512' }[tst.messageImprint.hashAlgorithm.algorithmId] ?? tst.messageImprint.hashAlgorithm.algorithmId],
        ['tstInfo.messageImprint.hashedMessage', hex(e.tstInfo.messageImprint.hashedMessage), hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView)],
        ['tstInfo.serialNumber', unsignedHex(hex(e.tstInfo.serialNumber)), unsignedHex(hex(tst.serialNumber.valueBlock.valueHexView))],
        // pkijs keeps whole milliseconds, as the engine does.
        ['tstInfo.genTime', String(e.tstInfo.genTime), String(tst.genTime.getTime())],
        ['tstInfo.accuracy', e.tstInfo.accuracy ? `${e.tstInfo.accuracy.seconds}s ${e.tstInfo.accuracy.millis}ms ${e.tstInfo.accuracy.micros}µs` : 'none', acc ? `${acc.seconds ?? 0}s ${acc.millis ?? 0}ms ${acc.micros ?? 0}µs` : 'none'],
        ['tstInfo.ordering', String(e.tstInfo.ordering), String(tst.ordering ?? false)],
        ['tstInfo.nonce', e.tstInfo.nonce ? unsignedHex(hex(e.tstInfo.nonce)) : 'none', tst.nonce ? unsignedHex(hex(tst.nonce.valueBlock.valueHexView)) : 'none'],
        ['tstInfo.tsa', e.tstInfo.tsaName ? hex(e.tstInfo.tsaName) : 'none', tst.tsa ? hex((tst.tsa.toSchema() as asn1js.BaseBlock).toBER()) : 'none'],
        ['signerInfos', '1', String(signed.signerInfos.length)],
        ['signer.sid', engineSid, sid],
        ['signer.digestAlgorithm', e.signer.digestAlgorithm, { '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512' }[si.digestAlgorithm.algorithmId] ?? si.digestAlgorithm.algorithmId],
        ['signer.signatureAlgorithm', e.signer.signatureAlgorithm.oid, si.signatureAlgorithm.algorithmId],
        ['signer.signature', hex(e.signer.signature), hex(si.signature.valueBlock.valueHexView)],
        ['signer.signedAttrs', hex(e.signer.signedAttrs), attrsDer],
        ['signer.signedAttrs.contentType', e.signer.contentType, contentType?.valueBlock.toString() ?? 'none'],
        ['signer.signedAttrs.messageDigest', hex(e.signer.messageDigest), digest ? hex(digest.valueBlock.valueHexView) : 'none'],
        // The engine keeps each certificate's bytes (read strictly when the chain is built): compare them as encoded.
        ['certificates', e.certificates.map((c) => hex(c)).join(' '), encodedCertificates(signedSchema).join(' ')],
      ];
    },
  );
}
