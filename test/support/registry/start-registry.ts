// A real CNCF distribution registry (Debian's docker-registry 2.x) on 127.0.0.1 for tests, in a temp dir it removes.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestTls } from './tls-ca';

const REGISTRY_BINARY = '/usr/bin/docker-registry';

const START_ATTEMPTS = 3;
const READY_POLLS = 200;
const POLL_MS = 50;
const STOP_GRACE_MS = 5_000;
const STDERR_KEPT = 4_096;

// A running registry: its base URL, its host:port, where it stores, its process, and how to stop it.
export interface RunningRegistry {
  url: string;
  host: string;
  dir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

// Why a registry cannot start here (the binary is missing), or undefined when it can.
export function registryMissingReason(): string | undefined {
  try {
    accessSync(REGISTRY_BINARY, constants.X_OK);
    return undefined;
  } catch {
    return `${REGISTRY_BINARY} is not installed (Debian package docker-registry; scripts/test.sh installs it)`;
  }
}

// A TCP port on 127.0.0.1 that was free a moment ago.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// The registry configuration (distribution 2.x configuration.md): filesystem storage, deletes allowed, no auth,
// and TLS from the given files when there are any.
function configYaml(root: string, host: string, tlsFiles?: { certificate: string; key: string }): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(root)}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${host}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
    ...(tlsFiles ? ['  tls:', `    certificate: ${JSON.stringify(tlsFiles.certificate)}`, `    key: ${JSON.stringify(tlsFiles.key)}`] : []),
    '',
  ].join('\n');
}

// The environment without REGISTRY_* variables, which would override the configuration file.
function registryEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('REGISTRY_')));
}

// Resolves when the process has exited, or after `ms` with false.
function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

// The status of GET url (0 when it fails), over TLS trusting only ca when one is given.
function probe(url: string, ca: string | undefined): Promise<number> {
  if (ca === undefined) {
    return fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.status,
      () => 0,
    );
  }
  return new Promise((resolve) => {
    const request = httpsGet(url, { ca, timeout: 1_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
  });
}

// Polls the distribution spec's API version check (`GET /v2/` → 200) until it answers or the process dies.
async function waitReady(url: string, child: ChildProcess, stderr: () => string, ca?: string): Promise<void> {
  for (let poll = 0; poll < READY_POLLS; poll++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`registry exited early: ${stderr()}`);
    const status = await probe(`${url}/v2/`, ca);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`registry not ready after ${READY_POLLS * POLL_MS} ms: ${stderr()}`);
}

// Kills the process (gracefully, then forcibly) and waits for it to exit.
async function kill(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  if (await exited(child, STOP_GRACE_MS)) return;
  child.kill('SIGKILL');
  await exited(child, STOP_GRACE_MS);
}

// Starts a registry on a free port of 127.0.0.1 (over HTTPS with tls); retries on a new port when the chosen one
// was taken meanwhile.
export async function startRegistry({ tls }: { tls?: TestTls } = {}): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'signet-registry-'));
  const config = join(dir, 'config.yml');
  const tlsFiles = tls && { certificate: join(dir, 'server.pem'), key: join(dir, 'server.key') };
  if (tls && tlsFiles) {
    writeFileSync(tlsFiles.certificate, tls.certificatePem);
    writeFileSync(tlsFiles.key, tls.keyPem, { mode: 0o600 });
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    const host = `127.0.0.1:${await freePort()}`;
    const url = `${tls ? 'https' : 'http'}://${host}`;
    writeFileSync(config, configYaml(join(dir, 'storage'), host, tlsFiles));
    const child = spawn(REGISTRY_BINARY, ['serve', config], { env: registryEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT)));
    // Last resort when the test process ends without stop(): no registry or temp dir outlives it.
    const onExit = (): void => {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', onExit);
    try {
      await waitReady(url, child, () => stderr, tls?.caPem);
    } catch (error) {
      lastError = error;
      process.off('exit', onExit);
      await kill(child);
      continue;
    }
    // Stops the registry and removes its temp dir.
    const stop = async (): Promise<void> => {
      process.off('exit', onExit);
      await kill(child);
      rmSync(dir, { recursive: true, force: true });
    };
    return { url, host, dir, child, stop };
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}
