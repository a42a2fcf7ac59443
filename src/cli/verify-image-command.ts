// `signet verify IMAGE`: like `cosign verify`, straight to the registry (no proxy in Node).
import { parseArgs } from 'node:util';
import { createRegistryClient, type FetchFunction } from '../oci';
import { verifyImage } from '../image';
import { loadTrustedRoot, POLICY_OPTIONS, policyFromFlags } from './policy-flags';
import { formatImageResult } from './print-timeline';
import { UsageError } from './usage-error';

export const VERIFY_IMAGE_USAGE = `signet verify IMAGE
    (--certificate-identity ID | --certificate-identity-regexp RE)
    (--certificate-oidc-issuer URL | --certificate-oidc-issuer-regexp RE)
    [--certificate-github-workflow-{trigger,sha,name,repository,ref} VALUE]
  | --key PEM_FILE
  | --inspect
    [--trusted-root FILE] [--predicate-type URI] [--json]
  Registry credentials, when needed, come from SIGNET_REGISTRY_USERNAME and SIGNET_REGISTRY_PASSWORD
  (never from the command line, where other users could read them). Loopback registries use plain HTTP.`;

const TIMEOUT_MS = 30_000;

// Node's fetch in the registry client's shape, with a time limit per request.
const nodeFetch: FetchFunction = (url, init) => fetch(url, { method: init.method, headers: init.headers, redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });

// Parse the flags, verify the image, print; exit 0 only when verified.
export async function verifyImageCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...POLICY_OPTIONS } });
  if (positionals.length !== 1) throw new UsageError(VERIFY_IMAGE_USAGE);
  const username = env.SIGNET_REGISTRY_USERNAME;
  const password = env.SIGNET_REGISTRY_PASSWORD;
  const client = createRegistryClient({
    fetch: nodeFetch,
    ...(username && password ? { credentials: () => ({ username, password }) } : {}),
  });
  const result = await verifyImage({
    reference: positionals[0]!,
    client,
    policy: policyFromFlags(values as Record<string, string | boolean | undefined>, VERIFY_IMAGE_USAGE),
    trustedRoot: loadTrustedRoot(values['trusted-root'] as string | undefined),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatImageResult(result, process.stdout.isTTY === true)}\n`);
  return result.verdict === 'verified' ? 0 : 1;
}
