// The registry client the verbs use: Node's fetch with a time limit, credentials from the environment only.
import { createRegistryClient, type FetchFunction, type RegistryClient } from '../oci';
import type { Io } from './io';

const TIMEOUT_MS = 30_000;

// Node's fetch in the registry client's shape, with a time limit per request.
export const nodeFetch: FetchFunction = (url, init) => fetch(url, { method: init.method, headers: init.headers, redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });

// A client straight to the registry (no proxy in Node); SIGNET_REGISTRY_USERNAME/PASSWORD when both are set.
export function registryClientFromEnv(io: Io, fetch: FetchFunction = nodeFetch): RegistryClient {
  const username = io.env.SIGNET_REGISTRY_USERNAME;
  const password = io.env.SIGNET_REGISTRY_PASSWORD;
  return createRegistryClient({ fetch, ...(username && password ? { credentials: () => ({ username, password }) } : {}) });
}
