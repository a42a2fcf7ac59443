// The reference for `signet` start-up: a cold Node script that verifies the production bundle with @sigstore/verify
// (public-good root from @sigstore/tuf's seed, identity policy, in-toto subject = the image digest), exit 0 when verified.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';

const [bundlePath, identity, issuer, digest] = process.argv.slice(2);
const seeds = createRequire(import.meta.url)('@sigstore/tuf/seeds.json');
const rootJson = JSON.parse(Buffer.from(seeds['https://tuf-repo-cdn.sigstore.dev'].targets['trusted_root.json'], 'base64').toString('utf8'));
const bundle = bundleFromJSON(JSON.parse(readFileSync(bundlePath, 'utf8')));
const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(rootJson)));
verifier.verify(toSignedEntity(bundle), { subjectAlternativeName: identity, extensions: { issuer } });
const statement = JSON.parse(Buffer.from(bundle.content.dsseEnvelope.payload).toString('utf8'));
if (!statement.subject.some((s) => `sha256:${s.digest.sha256}` === digest)) throw new Error('subject digest mismatch');
