// Image references: Docker's normalisation and the distribution reference grammar, valid and invalid.
import { describe, expect, it } from 'vitest';
import { isLoopbackRegistry, parseImageReference, registryApiBase } from '../../src/oci';
import { codeOf } from '../support/error-code';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseImageReference', () => {
  it.each([
    ['ubuntu', 'docker.io', 'library/ubuntu', 'latest', undefined, 'docker.io/library/ubuntu:latest'],
    ['user/app', 'docker.io', 'user/app', 'latest', undefined, 'docker.io/user/app:latest'],
    ['docker.io/ubuntu:22.04', 'docker.io', 'library/ubuntu', '22.04', undefined, 'docker.io/library/ubuntu:22.04'],
    ['index.docker.io/user/app', 'docker.io', 'user/app', 'latest', undefined, 'docker.io/user/app:latest'],
    ['ghcr.io/org/team/app:v1', 'ghcr.io', 'org/team/app', 'v1', undefined, 'ghcr.io/org/team/app:v1'],
    ['localhost/app', 'localhost', 'app', 'latest', undefined, 'localhost/app:latest'],
    ['localhost:5000/app:dev', 'localhost:5000', 'app', 'dev', undefined, 'localhost:5000/app:dev'],
    ['[::1]:5000/app', '[::1]:5000', 'app', 'latest', undefined, '[::1]:5000/app:latest'],
    ['192.168.1.10:443/a/b', '192.168.1.10:443', 'a/b', 'latest', undefined, '192.168.1.10:443/a/b:latest'],
    ['Registry/app', 'Registry', 'app', 'latest', undefined, 'Registry/app:latest'],
    [`app@${DIGEST}`, 'docker.io', 'library/app', undefined, DIGEST, `docker.io/library/app@${DIGEST}`],
    [`app:v1@${DIGEST}`, 'docker.io', 'library/app', 'v1', DIGEST, `docker.io/library/app:v1@${DIGEST}`],
    ['  a.b/c__d.e-f--g:_T.a-g  ', 'a.b', 'c__d.e-f--g', '_T.a-g', undefined, 'a.b/c__d.e-f--g:_T.a-g'],
    ['localhost:5000', 'docker.io', 'library/localhost', '5000', undefined, 'docker.io/library/localhost:5000'],
  ])('%s', (text, registry, repository, tag, digest, canonical) => {
    const ref = parseImageReference(text);
    expect(ref).toEqual({ registry, repository, canonical, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) });
  });

  it.each([
    ['empty', ''],
    ['upper-case repository', 'Ubuntu'],
    ['upper-case repository under a registry', 'docker.io/User/app'],
    ['empty repository', 'ghcr.io/'],
    ['empty tag', 'app:'],
    ['tag starting with a dash', 'app:-v1'],
    ['129-character tag', `app:${'t'.repeat(129)}`],
    ['short digest', 'app@sha256:abc'],
    ['upper-case digest', `app@sha256:${'AB'.repeat(32)}`],
    ['digest algorithm other than sha256', `app@sha512:${'ab'.repeat(64)}`],
    ['two digests', `app@${DIGEST}@${DIGEST}`],
    ['empty domain component', 'a..b/app'],
    ['domain component starting with a dash', '-a.io/app'],
    ['port out of range', 'host:99999/app'],
    ['unclosed IPv6 bracket', '[::1/app'],
    ['empty path component', 'ghcr.io/a//b'],
    ['trailing separator', 'ghcr.io/a/b_'],
    ['three underscores', 'ghcr.io/a/b___c'],
    ['two separators', 'ghcr.io/a/b._c'],
    ['space', 'ghcr.io/a b'],
    ['image ID', 'ab'.repeat(32)],
    ['300-character name', `ghcr.io/${'a'.repeat(300)}`],
    ['name over 255 once normalised', `${'a'.repeat(250)}/b`],
    ['text over the reference cap', 'x'.repeat(600)],
  ])('refuses %s', (_label, text) => {
    expect(codeOf(() => parseImageReference(text))).toBe('OCI_REFERENCE_INVALID');
  });

  it('accepts a name of exactly 255 characters', () => {
    const repository = 'a'.repeat(255 - 'ghcr.io/'.length);
    expect(parseImageReference(`ghcr.io/${repository}`).repository).toBe(repository);
  });
});

describe('registryApiBase', () => {
  it('maps docker.io to its API host, loopback to http, everything else to https', () => {
    expect(registryApiBase('docker.io', isLoopbackRegistry)).toBe('https://registry-1.docker.io');
    expect(registryApiBase('ghcr.io', isLoopbackRegistry)).toBe('https://ghcr.io');
    expect(registryApiBase('localhost:5000', isLoopbackRegistry)).toBe('http://localhost:5000');
    expect(registryApiBase('127.0.0.1:5000', isLoopbackRegistry)).toBe('http://127.0.0.1:5000');
    expect(registryApiBase('[::1]:5000', isLoopbackRegistry)).toBe('http://[::1]:5000');
    expect(registryApiBase('registry.lan', (r) => r === 'registry.lan')).toBe('http://registry.lan');
    expect(isLoopbackRegistry('localhost.example.com')).toBe(false);
    expect(isLoopbackRegistry('[::2]:5000')).toBe(false);
  });
});
