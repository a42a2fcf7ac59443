import { describe, expect, it } from 'vitest';
import { createShareLink, MAX_FRAGMENT, readShareLink } from '../../src/features/share/share-link';
import { EMPTY_FORM, type VerifyForm } from '../../src/lib/verify-form';

const form: VerifyForm = {
  ...EMPTY_FORM,
  bundleText: JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', padding: 'x'.repeat(2000) }),
  artifact: { kind: 'digest', text: 'sha256:' + 'ab'.repeat(32) },
  identity: 'https://github.com/acme/app/.*',
  identityIsRegexp: true,
  issuer: 'https://token.actions.githubusercontent.com',
  claims: { githubWorkflowRepository: 'acme/app' },
  predicateType: 'https://slsa.dev/provenance/v1',
};

describe('share links', () => {
  it('round-trip inputs and policy through the fragment only', async () => {
    const link = await createShareLink(form, null, 'https://signet.example/app?x=1#old');
    expect(link.url.startsWith('https://signet.example/app?x=1#v1=')).toBe(true);
    expect(link.leftOut).toEqual([]);
    const back = await readShareLink(new URL(link.url).hash);
    expect(back!.form).toEqual({ ...form, bundleName: 'from the shared link' });
  });

  it('leave out what does not fit or is local, and say so', async () => {
    const random = Array.from({ length: 60_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
    const big = { ...form, bundleText: random, trust: { kind: 'custom' as const, name: 'root.json', text: '{}' } };
    const link = await createShareLink(big, null, 'https://signet.example/');
    expect(new URL(link.url).hash.length).toBeLessThanOrEqual(MAX_FRAGMENT + 4);
    expect(link.leftOut.some((s) => s.startsWith('the bundle'))).toBe(true);
    expect(link.leftOut.some((s) => s.includes('root.json'))).toBe(true);
    const back = await readShareLink(new URL(link.url).hash);
    expect(back!.complete).toBe(false);
    expect(back!.form.identity).toBe(form.identity);
  });

  it('carry an image reference but never registry credentials', async () => {
    const image = { ...form, source: 'image' as const, imageRef: 'ghcr.io/acme/app:v1', registryUsername: 'me', registryPassword: 'secret-token' };
    const link = await createShareLink(image, null, 'https://signet.example/');
    expect(link.leftOut).toEqual(['the registry credentials (never put in links)']);
    const back = await readShareLink(new URL(link.url).hash);
    expect(back).toMatchObject({ complete: true, form: { source: 'image', imageRef: 'ghcr.io/acme/app:v1', registryUsername: '', registryPassword: '' } });
    // What the link itself holds, decoded independently of the reader (which would ignore a password anyway).
    const raw = Buffer.from(new URL(link.url).hash.slice('#v1='.length), 'base64url');
    const state = await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
    expect(JSON.parse(state).image).toBe('ghcr.io/acme/app:v1');
    expect(state).not.toContain('secret-token');
    expect(state).not.toContain('"me"');
  });

  it('carry the Trust choices, and fall back to the defaults for values out of range', async () => {
    const weakened = { ...form, weakening: { tlog: 0, sct: 0, timestamps: 2, useSignedTimestamps: true } };
    const back = await readShareLink(new URL((await createShareLink(weakened, null, 'https://signet.example/')).url).hash);
    expect(back!.form.weakening).toEqual(weakened.weakening);
    const odd = { ...form, weakening: { tlog: 17, sct: -1, timestamps: 1.5, useSignedTimestamps: 'yes' } } as unknown as VerifyForm;
    const fallback = await readShareLink(new URL((await createShareLink(odd, null, 'https://signet.example/')).url).hash);
    expect(fallback!.form.weakening).toEqual(EMPTY_FORM.weakening);
  });

  it('ignore garbage fragments and unknown values', async () => {
    expect(await readShareLink('#v1=%%%')).toBeNull();
    expect(await readShareLink('#v1=AAAA')).toBeNull();
    expect(await readShareLink('#other')).toBeNull();
  });
});
