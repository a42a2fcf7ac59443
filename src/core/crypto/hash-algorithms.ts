// The SHA-2 algorithms a Sigstore bundle can name and their digest lengths (a table the page may import).

export type HashAlg = 'SHA-256' | 'SHA-384' | 'SHA-512';

export const HASH_LENGTH: Record<HashAlg, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
