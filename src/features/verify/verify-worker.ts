// The verification worker: hashing and every check run here, so the page never freezes.
import { parseDigestLabel, severalSignatures, toVerifyError, verifyBundle, VerifyError, type ArtifactInput } from '../../core';
import { createRegistryClient, type BlobProgress } from '../../oci';
import { proxyFetch } from '../../lib/proxy-fetch';
import { trustedRootOf } from '../../lib/trusted-root-choice';
import { verifyImage } from '../../image';
import { readArtifact } from '../../lib/read-artifact';
import { namedDigests } from '../../lib/named-digests';
import type { VerifyImageMessage, VerifyMessage, WorkerReply, WorkerRequest } from './worker-protocol';

const post = (reply: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(reply);

// Answer one verification request.
async function handle(msg: VerifyMessage): Promise<void> {
  const { id } = msg;
  try {
    let artifact: ArtifactInput | null = null;
    let artifactDigest: string | null = null;
    if (msg.artifact.kind === 'file') {
      const read = await readArtifact(msg.artifact.file, namedDigests(msg.bundleText), (done, total) => post({ type: 'progress', id, phase: 'hashing', done, total }));
      artifact = read.input;
      artifactDigest = read.digest;
    } else if (msg.artifact.kind === 'digest') {
      artifact = { kind: 'digest', ...digestOf(msg.artifact.label) };
      artifactDigest = msg.artifact.label;
    }
    post({ type: 'progress', id, phase: 'verifying', done: 0, total: 1 });
    const request = { artifact, policy: msg.policy, trustedRoot: trustOf(msg), ...msg.options };
    const several = severalSignatures(msg.bundleText);
    if (several) {
      const results = await Promise.all(several.map((bundle) => verifyBundle({ bundle, ...request })));
      post({ type: 'results', id, results, artifactDigest });
      return;
    }
    const result = await verifyBundle({ bundle: msg.bundleText, ...request });
    post({ type: 'result', id, result, artifactDigest });
  } catch (err) {
    const e = toVerifyError(err);
    post({ type: 'error', id, message: e.message, code: e.code });
  }
}

// A typed digest (sha256:, sha384: or sha512: hex) as the engine's algorithm and bytes.
function digestOf(label: string) {
  const parsed = parseDigestLabel(label);
  if (!parsed) throw new VerifyError('DIGEST_INVALID', 'the artifact digest is not sha256:, sha384: or sha512: hex of the right length', { where: 'artifact digest', expected: 'sha256:<64 hex>, sha384:<96 hex> or sha512:<128 hex>', found: label.slice(0, 160) });
  return parsed;
}

// The trusted root a request names: the embedded public-good root or the one the user loaded.
function trustOf(msg: VerifyMessage | VerifyImageMessage) {
  return trustedRootOf(msg.trustedRoot);
}

const MIB = 1024 * 1024;

// Progress messages for a large blob (an attestation of tens of MiB): one per MiB received, and the last.
function blobProgress(id: number): BlobProgress {
  let reported = 0;
  return ({ digest, received, total }) => {
    if (received - reported < MIB && received < total) return;
    reported = received;
    post({ type: 'progress', id, phase: 'downloading', done: received, total, message: `Downloading ${digest.slice(0, 19)}…: ${(received / MIB).toFixed(1)} of ${(total / MIB).toFixed(1)} MiB` });
  };
}

// Answer one image verification request: resolve, discover, verify each signature.
async function handleImage(msg: VerifyImageMessage): Promise<void> {
  const { id } = msg;
  try {
    const credentials = msg.credentials;
    const client = createRegistryClient({ fetch: proxyFetch, ...(credentials ? { credentials: () => credentials } : {}), onBlobProgress: blobProgress(id) });
    const result = await verifyImage({
      reference: msg.reference,
      client,
      policy: msg.policy,
      trustedRoot: trustOf(msg),
      ...msg.options,
      onProgress: (message) => post({ type: 'progress', id, phase: 'verifying', done: 0, total: 1, message }),
      keepLogEntries: true,
    });
    post({ type: 'image-result', id, result });
  } catch (err) {
    const e = toVerifyError(err);
    post({ type: 'error', id, message: e.message, code: e.code });
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  if (event.data?.type === 'verify') void handle(event.data);
  else if (event.data?.type === 'verify-image') void handleImage(event.data);
});
