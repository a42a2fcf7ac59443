// Each layer rule refuses a probe that breaks it: probes are linted with the project's own config at
// virtual paths inside the real tree, and a legal neighbour of each proves the rule is not simply broad.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

interface Probe {
  file: string;
  code: string;
  /** The zone message the probe must trip, or null for a legal import. */
  breaks: string | null;
}

const CORE = 'core imports nothing of the project outside core.';
const OCI = 'oci imports only core.';
const IMAGE = 'image imports only oci and core.';
const AUDIT = 'audit imports only oci and core.';
const HTTP = 'the shared HTTP types import nothing of the project.';
const PROXY = 'the proxy imports nothing of the project but the shared HTTP types.';
const SERVER = 'the server imports only the proxy and the shared HTTP types.';
const FEATURE = 'a feature never imports another feature; shared code lives in src/components or src/lib.';
const FEATURE_UP = 'features never import the app, the CLI, the server or the proxy.';
const SHARED = 'shared UI folders never import features or the app.';
const CLI = 'the CLI never imports the web app.';
const NO_UI = 'this layer has no UI.';
const NODE = "Node built-ins only in the CLI, the server and the proxy's Node upstream.";
const CORE_INDEX = "import the core modules used (../core/errors, ../core/verify/verify-bundle…), not core's top-level index: through it every verb that reaches these layers loads the whole engine.";
const CLI_BARREL = 'a verb imports the image and audit modules it uses, not their index: through it every verb loads the admission dry run, its JMESPath, YAML and RE2.';
const PAGE = 'the page reads only the record and the views the worker decoded: decoders and checks run in the worker (type imports are fine).';

const PROBES: Probe[] = [
  { file: 'src/core/probe.ts', code: "import { parseImageReference } from '../oci';", breaks: CORE },
  { file: 'src/core/probe.ts', code: "import { verifyImage } from '../image';", breaks: CORE },
  { file: 'src/core/x509/probe.ts', code: "export * from '../../oci/reference';", breaks: CORE },
  { file: 'src/core/verify/probe.ts', code: "export const v = () => import('../../features/verify/verify-worker');", breaks: CORE },
  { file: 'src/core/probe.ts', code: "import { App } from '../app/app';", breaks: CORE },
  { file: 'src/core/probe.ts', code: "import { toHex } from './encoding';", breaks: null },
  { file: 'src/oci/probe.ts', code: "import { verifyImage } from '../image';", breaks: OCI },
  { file: 'src/oci/probe.ts', code: "import { handleProxy } from '../proxy';", breaks: OCI },
  { file: 'src/oci/probe.ts', code: "import { VerifyError } from '../core/errors';", breaks: null },
  { file: 'src/image/probe.ts', code: "import { useVerification } from '../features/verify/use-verification';", breaks: IMAGE },
  { file: 'src/image/probe.ts', code: "import { main } from '../cli/main';", breaks: IMAGE },
  { file: 'src/image/probe.ts', code: "import { createRegistryClient } from '../oci';\nimport { verifyBundle } from '../core/verify/verify-bundle';", breaks: null },
  { file: 'src/audit/probe.ts', code: "import { verifyImage } from '../image';", breaks: AUDIT },
  { file: 'src/audit/probe.ts', code: "import { VerifyError } from '../core/errors';\nimport { toHex } from '../core/encoding';", breaks: null },
  { file: 'src/oci/probe.ts', code: "import { VerifyError } from '../core';", breaks: CORE_INDEX },
  { file: 'src/image/admission/probe.ts', code: "import type { TrustedRoot } from '../../core/index';", breaks: CORE_INDEX },
  { file: 'src/audit/probe.ts', code: "export * from '../core';", breaks: CORE_INDEX },
  { file: 'src/image/probe.ts', code: "export const load = () => import('../core/index.ts');", breaks: CORE_INDEX },
  { file: 'src/cli/probe.ts', code: "import { verifyBundle } from '../core';", breaks: CORE_INDEX },
  { file: 'src/cli/probe.ts', code: "import { verifyImages } from '../image';", breaks: CLI_BARREL },
  { file: 'src/cli/probe.ts', code: "import { tufPresets } from '../audit/index';", breaks: CLI_BARREL },
  { file: 'src/cli/probe.ts', code: "import { verifyImages } from '../image/verify-many';\nimport { verifyBundle } from '../core/verify/verify-bundle';\nimport { createRegistryClient } from '../oci';", breaks: null },
  { file: 'src/http/probe.ts', code: "import { startServer } from '../server/start-server';", breaks: HTTP },
  { file: 'src/proxy/probe.ts', code: "import type { Handler } from '../server/handler';", breaks: PROXY },
  { file: 'src/proxy/probe.ts', code: "import { VerifyError } from '../core';", breaks: PROXY },
  { file: 'src/proxy/probe.ts', code: "import type { Handler } from '../http/handler';", breaks: null },
  { file: 'src/server/probe.ts', code: "import { verifyBundle } from '../core';", breaks: SERVER },
  { file: 'src/server/probe.ts', code: "import { App } from '../app/app';", breaks: SERVER },
  { file: 'src/server/probe.ts', code: "import { createProxyHandler } from '../proxy';", breaks: null },
  { file: 'src/features/pin/probe.ts', code: "import { markdownReport } from '../report/markdown-report';", breaks: FEATURE },
  { file: 'src/features/views/probe.tsx', code: "import { Timeline } from '../timeline/timeline';", breaks: FEATURE },
  { file: 'src/features/pin/probe.ts', code: "import { App } from '../../app/app';", breaks: FEATURE_UP },
  { file: 'src/features/pin/probe.ts', code: "import { main } from '../../cli/main';", breaks: FEATURE_UP },
  { file: 'src/features/pin/probe.ts', code: "import { pinOptions } from './pin-options';\nimport { stepOf } from '../../lib/read-result';\nimport { FieldList } from '../../components/field-list';", breaks: null },
  { file: 'src/components/probe.tsx', code: "import { Timeline } from '../features/timeline/timeline';", breaks: SHARED },
  { file: 'src/components/probe.tsx', code: "import { THEME } from '../app/theme';", breaks: SHARED },
  { file: 'src/lib/probe.ts', code: "import { ExportPanel } from '../features/report/export-panel';", breaks: SHARED },
  { file: 'src/lib/probe.ts', code: "import { copyText } from './clipboard';", breaks: null },
  { file: 'src/cli/probe.ts', code: "import { App } from '../app/app';", breaks: CLI },
  { file: 'src/core/probe.ts', code: "import { useState } from 'react';", breaks: NO_UI },
  { file: 'src/oci/probe.ts', code: "import { useQuery } from '@tanstack/react-query';", breaks: NO_UI },
  { file: 'src/proxy/probe.ts', code: "import { createRoot } from 'react-dom/client';", breaks: NO_UI },
  { file: 'src/core/probe.ts', code: "import { readFileSync } from 'node:fs';", breaks: NODE },
  { file: 'src/core/probe.ts', code: "import { createHash } from 'crypto';", breaks: NODE },
  { file: 'src/core/probe.ts', code: "const fs = require('fs');\nexport default fs;", breaks: NODE },
  { file: 'src/oci/probe.ts', code: "import { request } from 'node:https';", breaks: NODE },
  { file: 'src/image/probe.ts', code: "import { readFile } from 'fs/promises';", breaks: NODE },
  { file: 'src/features/verify/probe.ts', code: "import path from 'node:path';", breaks: NODE },
  { file: 'src/app/probe.tsx', code: "import { Buffer } from 'node:buffer';", breaks: NODE },
  { file: 'src/proxy/handler-probe.ts', code: "import { connect } from 'node:net';", breaks: NODE },
  { file: 'src/proxy/node-upstream.ts', code: "import { connect } from 'node:net';", breaks: null },
  { file: 'src/cli/probe.ts', code: "import { readFileSync } from 'node:fs';", breaks: null },
  { file: 'src/server/probe.ts', code: "import { createServer } from 'node:http';", breaks: null },
  { file: 'src/features/views/probe.tsx', code: "import { parseCertificate } from '../../core';", breaks: PAGE },
  { file: 'src/features/views/probe.tsx', code: "import { parseCheckpoint } from '../../core/tlog/checkpoint';", breaks: PAGE },
  { file: 'src/features/pin/probe.ts', code: "import { parseCertificate, type Certificate } from '../../core/x509';", breaks: PAGE },
  { file: 'src/app/probe.tsx', code: "import { readTlv } from '../core/encoding/der';", breaks: PAGE },
  { file: 'src/app/probe.tsx', code: "export const load = () => import('../core/x509/sct');", breaks: PAGE },
  { file: 'src/components/probe.tsx', code: "import { readAttestation } from '../core/attest/read-attestation';", breaks: PAGE },
  { file: 'src/lib/probe.ts', code: "import { parseBundle } from '../core/bundle';", breaks: PAGE },
  { file: 'src/features/attestations/probe.ts', code: "export { parseEnvelope } from '../../core/dsse';", breaks: PAGE },
  { file: 'src/features/views/probe.ts', code: "import { certificateView } from '../../core/views/certificate-view';", breaks: PAGE },
  { file: 'src/app/probe.tsx', code: "import { createRegistryClient } from '../oci';", breaks: PAGE },
  { file: 'src/features/live/probe.ts', code: "import { checkLiveLog } from '../../audit';", breaks: PAGE },
  { file: 'src/features/verify/probe.ts', code: "import { trustedRootOf } from '../../lib/trusted-root-choice';", breaks: PAGE },
  { file: 'src/features/verify/probe.ts', code: "import { readArtifact } from '../../lib/read-artifact';", breaks: PAGE },
  {
    file: 'src/features/views/probe.tsx',
    code: "import type { Certificate } from '../../core/x509';\nimport { type Checkpoint } from '../../core/tlog';\nimport type { CertificateView, VerificationResult } from '../../core';",
    breaks: null,
  },
  {
    file: 'src/features/share/probe.ts',
    code: "import { toBase64 } from '../../core/encoding/base64';\nimport { isJsonObject } from '../../core/encoding/json';\nimport { LIMITS, WORKFLOW_CLAIMS } from '../../core/public-constants';",
    breaks: null,
  },
  { file: 'src/features/verify/verify-worker.ts', code: "import { verifyBundle } from '../../core';\nimport { readArtifact } from '../../lib/read-artifact';", breaks: null },
  { file: 'src/features/live/live-worker.ts', code: "import { checkLiveLog } from '../../audit';\nimport { proxyFetch } from '../../lib/proxy-fetch';", breaks: null },
  { file: 'src/features/live/worker/probe.ts', code: "import { parseCheckpoint } from '../../../core/tlog';", breaks: null },
];

// The layer-rule messages ESLint reports for one probe.
async function zoneMessages(p: Probe): Promise<string[]> {
  const [result] = await eslint.lintText(`${p.code}\n`, { filePath: `${root}${p.file}` });
  return result!.messages.filter((m) => m.ruleId === 'layers/zones').map((m) => m.message);
}

describe('layer zones', () => {
  it.each(PROBES.map((p) => [p.breaks ? 'refuses' : 'allows', p.file, p.code.split('\n')[0], p] as const))('%s %s: %s', async (_verb, _file, _code, p) => {
    const messages = await zoneMessages(p);
    if (p.breaks === null) expect(messages).toEqual([]);
    else expect(messages.some((m) => m.endsWith(p.breaks!))).toBe(true);
  });

  it('every zone the config declares is tripped by at least one probe', async () => {
    const config = await eslint.calculateConfigForFile(`${root}src/core/x.ts`);
    const zones = (config.rules['layers/zones'] as [unknown, { message: string }[]])[1];
    const tripped = new Set(PROBES.map((p) => p.breaks));
    expect(zones.map((z) => z.message).filter((m) => !tripped.has(m))).toEqual([]);
  });

  it('keeps the network out of the isomorphic layers', async () => {
    const [result] = await eslint.lintText("export const r = fetch('https://example.com');\n", { filePath: `${root}src/image/probe.ts` });
    expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-globals');
  });
});
