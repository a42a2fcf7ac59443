// Whatever a user pastes or drops: a Sigstore bundle, `cosign download signature` output (one JSON
// object a line, or a JSON array), or a `cosign sign-blob --bundle` file; each becomes a Bundle.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { isJsonObject, parseJson, type JsonObject, type JsonValue } from '../encoding';
import { normalizeDownloadedSignature, normalizeSignBlobBundle } from './cosign-legacy';
import { parseBundleJson } from './parse-bundle';
import type { Bundle } from './types';

export type SignatureInputForm = 'sigstore-bundle' | 'cosign-download' | 'cosign-sign-blob';

// Whether any of the named fields is present and not null.
const has = (obj: JsonObject, ...names: string[]): boolean => names.some((n) => Object.prototype.hasOwnProperty.call(obj, n) && obj[n] !== null);

/** One input form: how it is recognised from the fields only it has, and how it becomes a Bundle. */
interface SignatureForm {
  form: SignatureInputForm;
  detect: (json: JsonObject) => boolean;
  normalize: (json: JsonObject, where: string) => Bundle;
}

// Every form Signet reads, tried in order; a new form is one entry.
const FORMS: readonly SignatureForm[] = [
  {
    form: 'sigstore-bundle',
    detect: (json) => has(json, 'verificationMaterial') || (typeof json.mediaType === 'string' && json.mediaType.startsWith('application/vnd.dev.sigstore.bundle')),
    normalize: (json) => parseBundleJson(json),
  },
  { form: 'cosign-download', detect: (json) => has(json, 'Base64Signature', 'base64Signature') && has(json, 'Payload', 'payload'), normalize: normalizeDownloadedSignature },
  { form: 'cosign-sign-blob', detect: (json) => has(json, 'Base64Signature', 'base64Signature'), normalize: normalizeSignBlobBundle },
];

// The form entry one JSON value matches, if any.
function formOf(json: JsonValue): SignatureForm | undefined {
  return isJsonObject(json) ? FORMS.find((f) => f.detect(json)) : undefined;
}

// Which form one JSON object is, from the fields only that form has.
export function signatureFormOf(json: JsonValue): SignatureInputForm | undefined {
  return formOf(json)?.form;
}

// One JSON object, by its form; `where` names it in errors (a line or array index).
function normalizeOne(json: JsonValue, where: string): Bundle {
  const form = formOf(json);
  if (form) return form.normalize(json as JsonObject, where);
  throw new VerifyError('COSIGN_FORMAT_INVALID', `${where || 'the input'} is neither a Sigstore bundle nor a cosign signature`, {
    where: where || 'input',
    expected: 'a Sigstore bundle (mediaType, verificationMaterial), cosign download output (Base64Signature, Payload) or a sign-blob bundle (base64Signature, cert, rekorBundle)',
    found: isJsonObject(json) ? `an object with ${Object.keys(json).slice(0, 8).join(', ') || 'no fields'}` : Array.isArray(json) ? 'an array' : typeof json,
  });
}

// Too many signatures in one input is refused, not truncated.
function assertCount(count: number): void {
  if (count > LIMITS.signaturesPerInput) {
    throw new VerifyError('LIMIT_EXCEEDED', `the input holds ${count} signatures`, { where: 'input', expected: `at most ${LIMITS.signaturesPerInput}`, found: String(count) });
  }
}

// Detect the form and normalise: one JSON document (object or array), else JSON lines.
export function parseAnySignatureInput(text: string): Bundle[] {
  if (text.length > LIMITS.bundleBytes) {
    throw new VerifyError('INPUT_TOO_LARGE', `the input is ${text.length} characters`, { where: 'input', expected: `at most ${LIMITS.bundleBytes}`, found: String(text.length) });
  }
  if (text.trim() === '') throw new VerifyError('COSIGN_FORMAT_INVALID', 'the input is empty', { where: 'input', expected: 'a bundle or cosign signature JSON' });
  let whole: JsonValue;
  try {
    whole = parseJson(text, 'input');
  } catch (err) {
    // JSON lines are not one JSON document; anything else that fails to parse is reported line by line below.
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    if (!(err instanceof VerifyError) || err.code !== 'JSON_INVALID' || lines.length === 1) throw err;
    assertCount(lines.length);
    return lines.map((line, i) => normalizeOne(parseJson(line, `line ${i + 1}`), `line ${i + 1}`));
  }
  if (!Array.isArray(whole)) return [normalizeOne(whole, '')];
  assertCount(whole.length);
  return whole.map((item, i) => normalizeOne(item, `[${i}]`));
}

// The bundles of an input holding more than one signature; null for one signature, or for input that
// does not parse (verifyBundle then reports it as a failed bundle.parse step).
export function severalSignatures(text: string): Bundle[] | null {
  try {
    const bundles = parseAnySignatureInput(text);
    return bundles.length > 1 ? bundles : null;
  } catch {
    return null;
  }
}
