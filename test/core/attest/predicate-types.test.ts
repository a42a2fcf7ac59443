// cosign's --type names, the URI rule for other values, and the no-match wording.
import { describe, expect, it } from 'vitest';
import { aliasOf, isSignaturePredicate, noMatchMessage, PREDICATE_TYPE_ALIASES, resolvePredicateType } from '../../../src/core';
import { codeOf } from '../../support/error-code';

describe('predicate types', () => {
  it('maps every cosign alias to its URI, value for value', () => {
    expect(PREDICATE_TYPE_ALIASES).toEqual({
      custom: 'https://cosign.sigstore.dev/attestation/v1',
      slsaprovenance: 'https://slsa.dev/provenance/v0.2',
      slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
      slsaprovenance1: 'https://slsa.dev/provenance/v1',
      spdx: 'https://spdx.dev/Document',
      spdxjson: 'https://spdx.dev/Document',
      cyclonedx: 'https://cyclonedx.org/bom',
      link: 'https://in-toto.io/Link/v1',
      vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
      openvex: 'https://openvex.dev/ns',
    });
  });

  it('defaults to custom; takes other URIs as they are; refuses what is neither', () => {
    expect(resolvePredicateType(undefined)).toEqual({ given: 'custom', uri: 'https://cosign.sigstore.dev/attestation/v1' });
    expect(resolvePredicateType('slsaprovenance1').uri).toBe('https://slsa.dev/provenance/v1');
    expect(resolvePredicateType('https://example.com/p/v1')).toEqual({ given: 'https://example.com/p/v1', uri: 'https://example.com/p/v1' });
    expect(resolvePredicateType('urn:example:thing').uri).toBe('urn:example:thing');
    for (const bad of ['sbom', 'SPDX', 'has space:x', 'toString', '__proto__', `https://${'a'.repeat(5000)}`]) {
      expect(codeOf(() => resolvePredicateType(bad))).toBe('POLICY_INVALID');
    }
  });

  it('names the value as given and every type found, as cosign does', () => {
    const msg = noMatchMessage(resolvePredicateType('slsaprovenance'), ['https://slsa.dev/provenance/v1', 'https://spdx.dev/Document', 'https://slsa.dev/provenance/v1']);
    expect(msg).toBe('none of the attestations matched the predicate type: slsaprovenance, found: https://slsa.dev/provenance/v1, https://spdx.dev/Document');
  });

  it('knows the aliases of URIs and that cosign sign/v1 is a signature', () => {
    expect(aliasOf('https://spdx.dev/Document')).toBe('spdx');
    expect(aliasOf('https://example.com')).toBeUndefined();
    expect(isSignaturePredicate('https://sigstore.dev/cosign/sign/v1')).toBe(true);
    expect(isSignaturePredicate('https://slsa.dev/provenance/v1')).toBe(false);
  });
});
