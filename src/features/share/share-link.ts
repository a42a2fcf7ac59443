// Share links: inputs and policy in the URL fragment (never sent to a server), deflated and base64url-encoded.
import { fromBase64, toBase64 } from '../../core/encoding/base64';
import { fromUtf8, utf8 } from '../../core/encoding/bytes';
import { isJsonObject } from '../../core/encoding/json';
import { DEFAULT_WEAKENING, EMPTY_FORM, isThreshold, weakeningFlags, type VerifyForm, type WeakeningForm } from '../../lib/verify-form';

/** Longest fragment we produce; browsers and chat tools truncate far longer URLs unpredictably. */
export const MAX_FRAGMENT = 32 * 1024;
const PREFIX = '#v1=';

interface SharedState {
  /** An image reference: the link verifies the image rather than a bundle. */
  image?: string;
  bundle?: string;
  digest?: string;
  mode: VerifyForm['mode'];
  identity: string;
  identityIsRegexp: boolean;
  issuer: string;
  issuerIsRegexp: boolean;
  claims: VerifyForm['claims'];
  key?: string;
  predicateType: string;
  /** The Trust choices (thresholds, --use-signed-timestamps), only when they differ from the defaults. */
  weakening?: WeakeningForm;
}

export interface ShareLink {
  url: string;
  /** What could not be put in the link, said to the user. */
  leftOut: string[];
}

// Build a link for the form; large or local-only inputs are left out and named.
export async function createShareLink(form: VerifyForm, artifactDigest: string | null, base: string): Promise<ShareLink> {
  const leftOut: string[] = [];
  const state: SharedState = {
    mode: form.mode,
    identity: form.identity,
    identityIsRegexp: form.identityIsRegexp,
    issuer: form.issuer,
    issuerIsRegexp: form.issuerIsRegexp,
    claims: form.claims,
    predicateType: form.predicateType,
    ...(form.mode === 'key' ? { key: form.keyPem } : {}),
    ...(weakeningFlags(form.weakening).length ? { weakening: form.weakening } : {}),
  };
  if (form.source === 'image') {
    if (form.registryUsername) leftOut.push('the registry credentials (never put in links)');
    if (form.trust.kind === 'custom') leftOut.push(`the custom trusted root ${form.trust.name} (load it again after opening the link)`);
    return { url: `${base.split('#')[0]}${PREFIX}${await encode({ ...state, image: form.imageRef.trim() })}`, leftOut };
  }
  const digest = form.artifact.kind === 'digest' ? form.artifact.text.trim() : artifactDigest;
  if (digest) state.digest = digest;
  if (form.artifact.kind === 'file' && form.artifact.file) leftOut.push(`the artifact file ${form.artifact.file.name} (its digest ${digest ?? 'is not known yet'} is used instead)`);
  if (form.trust.kind === 'custom') leftOut.push(`the custom trusted root ${form.trust.name} (load it again after opening the link)`);
  const withBundle = await encode({ ...state, bundle: form.bundleText });
  let fragment = withBundle;
  if (withBundle.length > MAX_FRAGMENT) {
    fragment = await encode(state);
    leftOut.push(`the bundle (${form.bundleText.length} characters is too large for a link; share the file alongside)`);
  }
  return { url: `${base.split('#')[0]}${PREFIX}${fragment}`, leftOut };
}

// Restore a form from a location hash; null when there is no (valid) shared state. `complete` when it
// carries everything needed to verify at once (an image reference, or the bundle itself).
export async function readShareLink(hash: string): Promise<{ form: VerifyForm; complete: boolean } | null> {
  if (!hash.startsWith(PREFIX) || hash.length > MAX_FRAGMENT + PREFIX.length) return null;
  let state: unknown;
  try {
    state = JSON.parse(fromUtf8(await inflate(fromBase64(hash.slice(PREFIX.length), 'share link'))));
  } catch {
    return null;
  }
  if (!isJsonObject(state)) return null;
  const s = state as Partial<SharedState>;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const mode = s.mode === 'key' || s.mode === 'inspect' || s.mode === 'identity' ? s.mode : 'identity';
  const claims = isJsonObject(s.claims) ? Object.fromEntries(Object.entries(s.claims).filter(([, v]) => typeof v === 'string')) : {};
  const form: VerifyForm = {
    ...EMPTY_FORM,
    source: typeof s.image === 'string' ? 'image' : 'bundle',
    imageRef: str(s.image, ''),
    bundleText: str(s.bundle, ''),
    bundleName: s.bundle ? 'from the shared link' : '',
    artifact: typeof s.digest === 'string' ? { kind: 'digest', text: s.digest } : { kind: 'none' },
    mode,
    identity: str(s.identity, ''),
    identityIsRegexp: s.identityIsRegexp === true,
    issuer: str(s.issuer, EMPTY_FORM.issuer),
    issuerIsRegexp: s.issuerIsRegexp === true,
    claims,
    keyPem: str(s.key, ''),
    predicateType: str(s.predicateType, ''),
    weakening: weakeningFromLink(s.weakening),
  };
  return { form, complete: form.source === 'image' ? form.imageRef.length > 0 : form.bundleText.length > 0 };
}

// The Trust choices a link carries; any value that is not a valid count or flag falls back to its default.
function weakeningFromLink(value: unknown): WeakeningForm {
  if (!isJsonObject(value)) return DEFAULT_WEAKENING;
  const count = (name: 'tlog' | 'sct' | 'timestamps') => (isThreshold(value[name]) ? value[name] : DEFAULT_WEAKENING[name]);
  return { tlog: count('tlog'), sct: count('sct'), timestamps: count('timestamps'), useSignedTimestamps: value.useSignedTimestamps === true };
}

async function encode(state: SharedState): Promise<string> {
  return toBase64(await deflate(utf8(JSON.stringify(state)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// deflate-raw through the platform's CompressionStream (browsers and Node ≥ 18).
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('deflate-raw'));
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('deflate-raw'));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  const buf = new Uint8Array(await out.arrayBuffer());
  if (buf.length > 8 * 1024 * 1024) throw new Error('shared state too large');
  return buf;
}
