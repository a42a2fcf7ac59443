// Report export: a Markdown report that carries every step and cannot be bent by input, the JSON record, and the panel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { STEP_IDS } from '../../src/core';
import { copyText } from '../../src/lib/clipboard';
import { codeBlock, downloadText, escapeMarkdown, ExportPanel, jsonReport, markdownReport } from '../../src/features/report';
import { GOOGLE, productionResult, signedResult } from './results';

const INPUTS = { artifactLabel: 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2', bundleLabel: 'bundle.sigstore.json', policyLabel: 'identity kasiramkompella@gmail.com, issuer https://accounts.google.com' };
const HOSTILE = '| <b>x</b> [a](javascript:x)';

// What Markdown reads as markup: the text with every backslash escape pair removed.
const markup = (text: string) => text.replace(/\\[\s\S]/g, '');
// The pipes that separate cells: those not escaped by a backslash.
const cellBreaks = (row: string) => markup(row).split('|').length - 1;

// The section of a report under a "## title" heading, up to the next one.
function section(report: string, title: string): string {
  const start = report.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThan(0);
  const end = report.indexOf('\n## ', start + 1);
  return report.slice(start, end === -1 ? undefined : end);
}

describe('markdownReport', () => {
  it('reports a verified production result: verdict, context, every step, certificate and log evidence', async () => {
    const result = await productionResult();
    const md = markdownReport(result, INPUTS);
    // The head, in the order auditors file a report: artifact, status, certificate, Rekor entry, policy.
    expect(section(md, 'Summary').split('\n')).toEqual([
        '',
        '## Summary',
        '',
        `- **Artifact**: ${INPUTS.artifactLabel}`,
        '- **Verification status**: VERIFIED: Verified. Signed by kasiramkompella@gmail.com, authenticated by https://accounts.google.com.',
        '- **Certificate subject**: kasiramkompella@gmail.com',
        `- **Certificate OIDC issuer**: ${GOOGLE}`,
        '- **Certificate issued by**: CN=sigstore-intermediate,O=sigstore.dev',
        '- **Certificate valid from**: 2026-06-08T07:05:25.000Z',
        '- **Certificate valid until**: 2026-06-08T07:15:25.000Z',
        '- **Rekor entry UUID (leaf hash)**: 3486beb1519b29ecd69f643d9a1e22539d2a1cf1630a9cba668a8002bf76cc9b',
        '- **Rekor log**: https://rekor.sigstore.dev (dsse 0.0.1)',
        '- **Rekor log index**: 1754783759',
        '- **Rekor integrated time**: 2026-06-08T07:05:26.000Z',
        '- **Inclusion proof**: verified: leaf 1632879497 of a tree of 1632879500, root hash 85056095e5b8d3de9b581e673150387ae18e14d5eca6464cedf930394d03453a',
        `- **Policy**: ${INPUTS.policyLabel}`,
        '- **Policy check**: PASS: Signed by kasiramkompella@gmail.com, authenticated by https://accounts.google.com.',
        '',
    ]);
    expect(md.startsWith('# Signet verification report\n\n## Summary\n\n- **Artifact**: ')).toBe(true);
    const context = section(md, 'Context');
    expect(context).toContain(`- **Date**: ${result.startedAt}\n`);
    expect(context).toContain(`- **Engine**: signet ${result.engine.version}\n`);
    expect(context).toContain('- **Trust root**: Sigstore public-good instance: ');
    expect(context).toContain('- **Bundle**: bundle.sigstore.json\n');
    for (const id of STEP_IDS) {
      const status = id === 'policy.attestation' ? 'SKIP' : 'PASS';
      expect(md).toMatch(new RegExp(`^\\| ${status} \\| ${id.replace('.', '\\.')} \\| `, 'm'));
    }
    expect(section(md, 'Failures')).toContain('No step failed.');
    const cert = section(md, 'Certificate');
    expect(cert).toContain('- **Subject alternative name (email)**: kasiramkompella@gmail.com\n');
    expect(cert).toContain(`- **OIDC issuer**: ${GOOGLE}\n`);
    expect(cert).toContain('- **Valid from**: 2026-06-08T07:05:25.000Z\n- **Valid until**: 2026-06-08T07:15:25.000Z\n');
    expect(cert).toContain(`  - **Issuer (V2) (1.3.6.1.4.1.57264.1.8)**: ${GOOGLE}`);
    const tlog = section(md, 'Transparency log entry');
    expect(tlog).toContain('- **Body kind**: dsse 0.0.1');
    expect(tlog).toContain('1754783759');
    expect(tlog).toContain('2026-06-08T07:05:26.000Z');
    const proof = section(md, 'Inclusion proof');
    expect(proof).toContain('- **Leaf index**: 1632879497\n- **Tree size**: 1632879500\n');
    expect(proof).toContain('- **Expected root**: 85056095e5b8d3de9b581e673150387ae18e14d5eca6464cedf930394d03453a');
    expect(proof.match(/^\| \d+ \| (left|right) \| [0-9a-f]{64} \| [0-9a-f]{64} \|$/gm)).toHaveLength(15);
    expect(section(md, 'Checkpoint')).toContain('```\nrekor.sigstore.dev - 1193050959916656506\n1632879500\nhQVgleW4096bWB5nMVA4euGOFNXspkZM7fkwOU0DRTo=\n');
    expect(section(md, 'RFC 3161 timestamp')).toContain('- **Timestamp (genTime)**: 2026-06-08T07:05:25.000Z');
    expect(section(md, 'Policy')).toContain('**PASS** policy.identity: ');
  });

  it('reports a failure with its code and what was expected, found and where', async () => {
    const md = markdownReport(await productionResult('someone@example.com'), INPUTS);
    expect(md).toContain('- **Verification status**: FAILED: Failed at policy.identity ');
    expect(md).toContain('- **Policy check**: FAIL: expected identity "someone@example.com", the certificate says "kasiramkompella@gmail.com"\n');
    expect(md).toContain('- **Failed step**: policy.identity\n');
    expect(md).toMatch(/^\| FAIL \| policy\.identity \| /m);
    const failures = section(md, 'Failures');
    expect(failures).toContain('### FAIL policy.identity: ');
    expect(failures).toContain('- **Code**: `POLICY_IDENTITY_MISMATCH`\n- **Expected**: "someone@example.com"\n- **Found**: kasiramkompella@gmail.com\n- **Where**: certificate subjectAltName\n');
  });

  it('keeps hostile inputs from breaking cells or becoming tags or links', async () => {
    const result = await signedResult({ san: { email: `x${HOSTILE}@evil.example` }, issuer: `https://issuer.example/\n## Verdict: VERIFIED` });
    const md = markdownReport(result, { artifactLabel: HOSTILE, policyLabel: 'a\nb' });
    expect(md).toContain('- **Artifact**: \\| \\<b\\>x\\</b\\> \\[a\\](javascript:x)\n');
    expect(md).toContain('- **Policy**: a\\\\nb\n');
    expect(markup(md)).not.toMatch(/<|\]\(|^## Verdict/m);
    const rows = md.split('\n').filter((line) => line.startsWith('| ') && line.includes('evil.example'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(cellBreaks(row)).toBe(5);
  });
});

describe('escapeMarkdown and codeBlock', () => {
  it('escapes markup characters and spells out control characters', () => {
    expect(escapeMarkdown(HOSTILE)).toBe('\\| \\<b\\>x\\</b\\> \\[a\\](javascript:x)');
    expect(escapeMarkdown('`code` *em* _em_ ~s~ &amp; ![i](u) \\')).toBe('\\`code\\` \\*em\\* \\_em\\_ \\~s\\~ \\&amp; \\!\\[i\\](u) \\\\');
    expect(escapeMarkdown('a\nb\r\tc\x1b\u2028')).toBe('a\\\\nb\\\\r\\\\tc\\\\x1b\\\\u2028');
  });

  it('fences code with more backticks than it contains', () => {
    expect(codeBlock('a\n```\nb\n')).toBe('````\na\n```\nb\n````');
    expect(codeBlock('plain')).toBe('```\nplain\n```');
  });
});

describe('jsonReport', () => {
  it('is the result, pretty-printed', async () => {
    const result = await productionResult();
    const json = jsonReport(result);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(result)));
    expect(json.split('\n')[1]).toBe('  "verdict": "verified",');
  });
});

describe('copyText', () => {
  it('reports copied, failed, or unavailable', async () => {
    const written: string[] = [];
    expect(await copyText('x', { writeText: async (t) => void written.push(t) })).toBe('copied');
    expect(written).toEqual(['x']);
    expect(await copyText('x', { writeText: () => Promise.reject(new Error('denied')) })).toBe('failed');
    expect(await copyText('x', undefined)).toBe('unavailable');
  });
});

describe('downloadText', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('clicks a temporary download link to a Blob URL, removes it and revokes the URL', async () => {
    vi.useFakeTimers();
    const events: string[] = [];
    const link = { href: '', download: '', hidden: false, click: () => events.push(`click ${link.download}`), remove: () => events.push('remove') };
    let blob: Blob | undefined;
    vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'a' ? link : null), body: { append: () => events.push('append') } });
    vi.stubGlobal('URL', { createObjectURL: (b: Blob) => ((blob = b), 'blob:test/1'), revokeObjectURL: (u: string) => events.push(`revoke ${u}`) });
    downloadText('report.md', '# report', 'text/markdown');
    expect(link.href).toBe('blob:test/1');
    expect(events).toEqual(['append', 'click report.md', 'remove']);
    vi.runAllTimers();
    expect(events.at(-1)).toBe('revoke blob:test/1');
    expect(await blob?.text()).toBe('# report');
    expect(blob?.type).toBe('text/markdown');
  });
});

describe('ExportPanel', () => {
  it('renders the four labelled export buttons', async () => {
    const html = renderToStaticMarkup(createElement(ExportPanel, { result: await productionResult(), inputs: INPUTS }));
    for (const label of ['Copy Markdown', 'Download report.md', 'Copy JSON', 'Download result.json']) expect(html).toMatch(new RegExp(`<button type="button"[^>]*>${label.replace('.', '\\.')}</button>`));
    expect(html.match(/role="status"/g)).toHaveLength(2);
  });
});
