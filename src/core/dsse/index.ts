// DSSE envelopes and the in-toto statements they carry.
export * from './in-toto';
export { preAuthEncoding } from '../encoding/dsse-pae';
