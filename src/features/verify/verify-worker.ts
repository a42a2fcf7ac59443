// The verification worker: hashing and every check run here, so the page never freezes.
import { fromHex, parseTrustedRoot, publicGoodTrustedRoot, toVerifyError, verifyBundle, type ArtifactInput } from '../../core';
import { readArtifact } from './read-artifact';
import type { VerifyMessage, WorkerReply } from './worker-protocol';

const post = (reply: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(reply);

// Answer one verification request.
async function handle(msg: VerifyMessage): Promise<void> {
  const { id } = msg;
  try {
    let artifact: ArtifactInput | null = null;
    let artifactDigest: string | null = null;
    if (msg.artifact.kind === 'file') {
      const read = await readArtifact(msg.artifact.file, (done, total) => post({ type: 'progress', id, phase: 'hashing', done, total }));
      artifact = read.input;
      artifactDigest = read.sha256;
    } else if (msg.artifact.kind === 'digest') {
      artifact = { kind: 'digest', algorithm: 'SHA-256', value: fromHex(msg.artifact.hex, 'artifact digest') };
      artifactDigest = `sha256:${msg.artifact.hex}`;
    }
    post({ type: 'progress', id, phase: 'verifying', done: 0, total: 1 });
    const trustedRoot = msg.trustedRoot
      ? parseTrustedRoot(msg.trustedRoot.text, { name: 'Custom trusted root', description: `loaded from ${msg.trustedRoot.name}` })
      : publicGoodTrustedRoot();
    const result = await verifyBundle({ bundle: msg.bundleText, artifact, policy: msg.policy, trustedRoot });
    post({ type: 'result', id, result, artifactDigest });
  } catch (err) {
    const e = toVerifyError(err);
    post({ type: 'error', id, message: e.message, code: e.code });
  }
}

self.addEventListener('message', (event: MessageEvent<VerifyMessage>) => {
  if (event.data?.type === 'verify') void handle(event.data);
});
