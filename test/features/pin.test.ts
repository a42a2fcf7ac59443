// "Pin this identity": exact outputs for the production bundle, and quoting that no certificate value can break.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { verifyBundle, publicGoodTrustedRoot, type VerificationResult } from '../../src/core';
import { anchoredLiteral, pinIdentity, PinIdentityPanel, shellQuote, yamlDocument, yamlString } from '../../src/features/pin';
import { githubWorkflowIdentity } from '../support/sigstore';
import { attestationResult, GOOGLE, keyBasedResult, PRODUCTION_SAN, productionResult, signedResult } from './results';

// YAML 1.2 double-quoted escapes this test reads back (§5.7).
const YAML_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\', '/': '/', N: '\x85', L: '\u2028', P: '\u2029' };

// Read one double-quoted YAML scalar that must make up the whole text; throws on anything malformed.
function readYamlScalar(text: string): string {
  expect(text.startsWith('"') && text.endsWith('"')).toBe(true);
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i]!;
    if (ch === '"') throw new Error(`unescaped quote at ${i}`);
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(ch)) throw new Error(`raw control character at ${i}`);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = text[++i]!;
    const hexLength = { x: 2, u: 4, U: 8 }[e];
    if (hexLength) {
      out += String.fromCodePoint(parseInt(text.slice(i + 1, i + 1 + hexLength), 16));
      i += hexLength;
    } else if (e in YAML_ESCAPES) out += YAML_ESCAPES[e];
    else throw new Error(`unknown escape \\${e}`);
  }
  return out;
}

// Every `key: "value"` (or `- key: "value"`) in a document, values read back; also checks every line is well-formed.
function yamlValues(doc: string, key: string): string[] {
  const lines = doc.trimEnd().split('\n');
  for (const line of lines) expect(line).toMatch(/^ *(- )*([A-Za-z]+:( ".*"| \d+)?|".*")$/);
  return lines.flatMap((line) => {
    const m = new RegExp(`^ *(?:- )?${key}: (".*")$`).exec(line);
    return m ? [readYamlScalar(m[1]!)] : [];
  });
}

// The argument vector a POSIX shell builds from a cosign command line, with cosign replaced by a printer.
function shellArgs(command: string): string[] {
  const out = execFileSync('sh', ['-c', `cosign() { printf '%s\\0' "$@"; }\n${command}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const HOSTILE_VALUES = [
  `it's "quoted" \\ back\\slash`,
  'line one\nline two\r\n- injected: true',
  'key: value # comment',
  '- leading dash',
  '<img src=x onerror=alert(1)>',
  "'; rm -rf / #",
  '$(touch /tmp/pwned) `id` ${HOME}',
  'tab\there, nul\0, escape\x1b[31m, del\x7f, next-line\x85, separators\u2028\u2029, bom\ufeff',
  'unicode ✓ café 🚀',
];

describe('pinIdentity on the production bundle', () => {
  it('gives the exact cosign command and both admission policies for the verified signer', async () => {
    const result = await productionResult();
    expect(result.verdict).toBe('verified');
    const pinned = pinIdentity(result, { form: 'exact' });
    expect(pinned?.cosign).toBe(
      ["cosign verify \\", "  --certificate-identity='kasiramkompella@gmail.com' \\", "  --certificate-oidc-issuer='https://accounts.google.com' \\", '  IMAGE', ''].join('\n'),
    );
    expect(pinned?.kyverno).toBe(
      [
        'apiVersion: "kyverno.io/v1"',
        'kind: "ClusterPolicy"',
        'metadata:',
        '  name: "pin-signer"',
        'spec:',
        '  validationFailureAction: "Enforce"',
        '  webhookTimeoutSeconds: 30',
        '  rules:',
        '    - name: "verify-signer"',
        '      match:',
        '        any:',
        '          - resources:',
        '              kinds:',
        '                - "Pod"',
        '      verifyImages:',
        '        - imageReferences:',
        '            - "*"',
        '          attestors:',
        '            - entries:',
        '                - keyless:',
        '                    subject: "kasiramkompella@gmail.com"',
        '                    issuer: "https://accounts.google.com"',
        '                    rekor:',
        '                      url: "https://rekor.sigstore.dev"',
        '',
      ].join('\n'),
    );
    expect(pinned?.policyController).toBe(
      [
        'apiVersion: "policy.sigstore.dev/v1beta1"',
        'kind: "ClusterImagePolicy"',
        'metadata:',
        '  name: "pin-signer"',
        'spec:',
        '  images:',
        '    - glob: "**"',
        '  authorities:',
        '    - keyless:',
        '        url: "https://fulcio.sigstore.dev"',
        '        identities:',
        '          - issuer: "https://accounts.google.com"',
        '            subject: "kasiramkompella@gmail.com"',
        '      ctlog:',
        '        url: "https://rekor.sigstore.dev"',
        '',
      ].join('\n'),
    );
  });

  it('gives anchored, escaped expressions and the given image in regexp form', async () => {
    const pinned = pinIdentity(await productionResult(), { form: 'regexp', image: 'docker.io/kasisubbarayudu/buildkittest' });
    expect(shellArgs(pinned!.cosign)).toEqual([
      'verify',
      '--certificate-identity-regexp=^kasiramkompella@gmail\\.com$',
      '--certificate-oidc-issuer-regexp=^https://accounts\\.google\\.com$',
      'docker.io/kasisubbarayudu/buildkittest',
    ]);
    expect(yamlValues(pinned!.kyverno, 'subjectRegExp')).toEqual(['^kasiramkompella@gmail\\.com$']);
    expect(yamlValues(pinned!.kyverno, 'issuerRegExp')).toEqual(['^https://accounts\\.google\\.com$']);
    expect(yamlValues(pinned!.kyverno, 'subject')).toEqual([]);
    expect(pinned!.kyverno).toContain('            - "docker.io/kasisubbarayudu/buildkittest"\n');
    expect(yamlValues(pinned!.policyController, 'subjectRegExp')).toEqual(['^kasiramkompella@gmail\\.com$']);
    expect(yamlValues(pinned!.policyController, 'glob')).toEqual(['docker.io/kasisubbarayudu/buildkittest']);
  });

  it('still pins the certificate identity of a failed verification (the panel warns)', async () => {
    const failed = await productionResult('someone@example.com');
    expect(failed.verdict).toBe('failed');
    expect(pinIdentity(failed, { form: 'exact' })?.cosign).toContain(`--certificate-identity='${PRODUCTION_SAN}'`);
  });
});

describe('anchoredLiteral', () => {
  it('escapes every metacharacter and anchors both ends', () => {
    expect(anchoredLiteral('a.b+c@x.com')).toBe('^a\\.b\\+c@x\\.com$');
    expect(anchoredLiteral('^$.*+?()[]{}|\\')).toBe('^\\^\\$\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\\\$');
    expect(anchoredLiteral('https://github.com/o/r/.github/workflows/x.yml@refs/tags/v1')).toBe('^https://github\\.com/o/r/\\.github/workflows/x\\.yml@refs/tags/v1$');
  });

  it('matches the literal value and nothing else (ECMAScript u mode, as Signet compiles it)', () => {
    for (const value of ['a.b+c@x.com', ...HOSTILE_VALUES, '(a|b)*[c]{2}?^$']) {
      const re = new RegExp(anchoredLiteral(value), 'u');
      expect(re.test(value)).toBe(true);
      expect(re.test(`${value}x`)).toBe(false);
      expect(re.test(`x${value}`)).toBe(false);
    }
    expect(new RegExp(anchoredLiteral('a.b'), 'u').test('aXb')).toBe(false);
  });
});

describe('shellQuote', () => {
  it('wraps in single quotes and writes embedded quotes as \'\\\'\'', () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('reads back as exactly the value in a real shell, with nothing expanded or run', () => {
    for (const value of HOSTILE_VALUES.map((v) => v.replaceAll('\0', ''))) {
      expect(shellArgs(`cosign ${shellQuote(value)}`)).toEqual([value]);
    }
  });
});

describe('yamlString', () => {
  it('double-quotes and escapes backslash, quote and control characters', () => {
    expect(yamlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(yamlString('x\ny\tz\0')).toBe('"x\\ny\\tz\\0"');
    expect(yamlString('\x1b\x7f\x85\u2028\ufeff')).toBe('"\\e\\x7f\\N\\L\\ufeff"');
    expect(yamlString('key: value # c')).toBe('"key: value # c"');
  });

  it('reads back as exactly the value', () => {
    for (const value of HOSTILE_VALUES) expect(readYamlScalar(yamlString(value))).toBe(value);
  });

  it('keeps a hostile value inside its own line of a document', () => {
    const doc = yamlDocument({ a: { list: HOSTILE_VALUES.map((v) => ({ subject: v })) }, n: 1 });
    expect(yamlValues(doc, 'subject')).toEqual(HOSTILE_VALUES);
    expect(doc.split('\n')).toHaveLength(HOSTILE_VALUES.length + 4);
  });
});

describe('pinIdentity on certificates made for the test', () => {
  const hostileSan = `https://evil.example/a'b"c\\d$(touch /tmp/pwned)\`id\` #x: y <img src=x onerror=alert(1)>`;
  const hostileIssuer = 'https://issuer.example/"\n- injected: true\n# \'; rm -rf /';

  it('carries a hostile SAN and issuer through every output unchanged and inert', async () => {
    const result = await signedResult({ san: { uri: hostileSan }, issuer: hostileIssuer });
    for (const form of ['exact', 'regexp'] as const) {
      const pinned = pinIdentity(result, { form, image: "ghcr.io/o/app'; reboot" })!;
      const regexp = form === 'regexp';
      const subject = regexp ? anchoredLiteral(hostileSan) : hostileSan;
      const issuer = regexp ? anchoredLiteral(hostileIssuer) : hostileIssuer;
      expect(shellArgs(pinned.cosign)).toEqual([
        'verify',
        `--certificate-identity${regexp ? '-regexp' : ''}=${subject}`,
        `--certificate-oidc-issuer${regexp ? '-regexp' : ''}=${issuer}`,
        "ghcr.io/o/app'; reboot",
      ]);
      // No * or ? in this SAN, so Kyverno's exact form stays exact.
      expect(yamlValues(pinned.kyverno, regexp ? 'subjectRegExp' : 'subject')).toEqual([subject]);
      expect(yamlValues(pinned.kyverno, regexp ? 'issuerRegExp' : 'issuer')).toEqual([issuer]);
      expect(yamlValues(pinned.policyController, regexp ? 'subjectRegExp' : 'subject')).toEqual([subject]);
      expect(yamlValues(pinned.policyController, regexp ? 'issuerRegExp' : 'issuer')).toEqual([issuer]);
    }
  });

  it('pins a Kyverno subject containing wildcard characters as an anchored expression', async () => {
    const result = await signedResult({ san: { email: 'a*b?c@example.com' }, issuer: GOOGLE });
    const pinned = pinIdentity(result, { form: 'exact' })!;
    expect(yamlValues(pinned.kyverno, 'subjectRegExp')).toEqual(['^a\\*b\\?c@example\\.com$']);
    expect(yamlValues(pinned.kyverno, 'issuer')).toEqual([GOOGLE]);
    expect(yamlValues(pinned.policyController, 'subject')).toEqual(['a*b?c@example.com']);
  });

  it('pins GitHub workflow claims, but not the commit SHA', async () => {
    const identity = githubWorkflowIdentity({ repository: 'acme/app', workflowPath: '.github/workflows/release.yml', ref: 'refs/tags/v1.0.0', sha: 'a'.repeat(40), trigger: 'push', workflowName: 'Release' });
    const pinned = pinIdentity(await signedResult(identity), { form: 'exact' })!;
    expect(shellArgs(pinned.cosign)).toEqual([
      'verify',
      '--certificate-identity=https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.0.0',
      '--certificate-oidc-issuer=https://token.actions.githubusercontent.com',
      '--certificate-github-workflow-repository=acme/app',
      '--certificate-github-workflow-ref=refs/tags/v1.0.0',
      '--certificate-github-workflow-name=Release',
      '--certificate-github-workflow-trigger=push',
      'IMAGE',
    ]);
    expect(pinned.kyverno).toContain(
      ['additionalExtensions:', '  githubWorkflowRepository: "acme/app"', '  githubWorkflowRef: "refs/tags/v1.0.0"', '  githubWorkflowName: "Release"', '  githubWorkflowTrigger: "push"']
        .map((l) => `                    ${l}`)
        .join('\n'),
    );
    expect(pinned.cosign).not.toContain('aaaa');
    expect(pinned.kyverno).not.toContain('aaaa');
  });

  it('verifies attestations with verify-attestation and the predicate type', async () => {
    const pinned = pinIdentity(await attestationResult({ san: { email: 'dev@example.com' }, issuer: GOOGLE }, 'https://slsa.dev/provenance/v1'), { form: 'exact' })!;
    expect(shellArgs(pinned.cosign).slice(0, 2)).toEqual(['verify-attestation', '--type=https://slsa.dev/provenance/v1']);
    expect(yamlValues(pinned.kyverno, 'type')).toEqual(['https://slsa.dev/provenance/v1']);
    expect(pinned.kyverno).toContain('          attestations:\n            - type: "https://slsa.dev/provenance/v1"\n              attestors:\n');
    expect(yamlValues(pinned.policyController, 'predicateType')).toEqual(['https://slsa.dev/provenance/v1']);
  });

  it('treats the cosign signature predicate as a signature, not an attestation', async () => {
    const pinned = pinIdentity(await attestationResult({ san: { email: 'dev@example.com' }, issuer: GOOGLE }, 'https://sigstore.dev/cosign/sign/v1'), { form: 'exact' })!;
    expect(shellArgs(pinned.cosign)[0]).toBe('verify');
    expect(pinned.kyverno).not.toContain('attestations');
    expect(pinned.policyController).not.toContain('predicateType');
  });

  it('is null without a certificate identity: key-based, or stopped before the certificate', async () => {
    expect(pinIdentity(await keyBasedResult(), { form: 'exact' })).toBeNull();
    const unparsed = await verifyBundle({ bundle: '{"mediaType":"nope"}', artifact: null, policy: { kind: 'inspect' }, trustedRoot: publicGoodTrustedRoot() });
    expect(unparsed.verdict).toBe('failed');
    expect(pinIdentity(unparsed, { form: 'exact' })).toBeNull();
  });
});

describe('PinIdentityPanel', () => {
  const render = (result: VerificationResult) => renderToStaticMarkup(createElement(PinIdentityPanel, { result }));

  it('renders the form, the image field and the three outputs with copy buttons', async () => {
    const html = render(await productionResult());
    expect(html).toContain('Pin this identity');
    expect(html).toContain('Exact values');
    expect(html).toContain('Anchored regular expressions');
    expect(html).toContain('Image reference or pattern');
    for (const label of ['Copy cosign command', 'Copy Kyverno policy', 'Copy policy-controller policy']) expect(html).toContain(`>${label}</button>`);
    expect(html.match(/<pre /g)).toHaveLength(3);
    expect(html).toContain('--certificate-identity=&#x27;kasiramkompella@gmail.com&#x27;');
    expect(html).not.toContain('role="alert"');
  });

  it('warns when the verification failed', async () => {
    const html = render(await productionResult('someone@example.com'));
    expect(html).toContain('role="alert"');
    expect(html).toContain('pin an identity that did not verify');
  });

  it('renders a hostile SAN as text, never as markup', async () => {
    const html = render(await signedResult({ san: { email: '<img src=x onerror=alert(1)>@evil.example' }, issuer: GOOGLE }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;@evil.example');
  });

  it('says there is nothing to pin for a key-based result', async () => {
    const html = render(await keyBasedResult());
    expect(html).toContain('no certificate identity to pin');
    expect(html).not.toContain('<pre');
  });
});
