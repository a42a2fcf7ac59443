// "Pin this identity": policies that accept exactly the signer a verification saw.
export { pinIdentity, type PinnedPolicies } from './pin-identity';
export type { PinForm, PinOptions } from './pin-options';
export { shellQuote } from './shell-quote';
export { anchoredLiteral } from './anchored-regexp';
export { yamlString, yamlDocument } from './yaml';
export { evidenceByKey, leafCertificate } from '../../lib/read-result';
export { PinIdentityPanel } from './pin-identity-panel';
