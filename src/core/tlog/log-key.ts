// Signatures made by a transparency log's own key (SETs and checkpoints), and how a log is named.
import { verifySignature, type HashAlg, type VerifyOptions } from '../crypto';
import type { TransparencyLogInstance } from '../trust/types';

const KEY_DETAILS_HASH: Record<string, HashAlg> = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' };

// The hash and RSA padding a protobuf-specs PublicKeyDetails name fixes (e.g. PKIX_RSA_PKCS1V15_2048_SHA256).
function optionsFor(keyDetails: string): VerifyOptions {
  const opts: VerifyOptions = {};
  const hash = /SHA_?(256|384|512)$/.exec(keyDetails)?.[1];
  if (hash) opts.hash = KEY_DETAILS_HASH[hash];
  if (keyDetails.includes('_PSS_')) opts.rsaScheme = 'pss';
  else if (keyDetails.includes('PKCS1')) opts.rsaScheme = 'pkcs1';
  return opts;
}

// Whether the log's key signed data (DER ECDSA, RSA or Ed25519, as the trusted root describes the key).
export function verifyLogSignature(log: TransparencyLogInstance, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  return verifySignature(log.publicKey, signature, data, optionsFor(log.keyDetails));
}

// The name a log signs checkpoints with: the host (and port) of its base URL, e.g. "rekor.sigstore.dev".
export function logName(log: TransparencyLogInstance): string {
  return log.baseUrl.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '').split('/')[0] ?? '';
}
