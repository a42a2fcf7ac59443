// Policies applied after the cryptography: who signed, and what they attested.
export * from './identity-policy';
export * from './broad-matchers';
export * from './admission';
