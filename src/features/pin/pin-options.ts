// What the user chose for a pinned policy, and the endpoints it names.

export type PinForm = 'exact' | 'regexp';

export interface PinOptions {
  /** exact: the values as they are; regexp: anchored expressions matching only those values (a start to edit). */
  form: PinForm;
  /** Image reference (cosign) or image pattern (admission policies); a placeholder when absent. */
  image?: string;
}

/** The Sigstore public-good endpoints the admission policies name; a private instance has its own. */
export const PUBLIC_GOOD = {
  fulcio: 'https://fulcio.sigstore.dev',
  rekor: 'https://rekor.sigstore.dev',
} as const;

/** The policy name both admission policies use. */
export const POLICY_NAME = 'pin-signer';
