// The Policy mode's worker: policies parsed, images resolved and verified, decisions made, all off the page.
import { toVerifyError } from '../../core';
import { createRegistryClient } from '../../oci';
import { runAdmission } from '../../image';
import { proxyFetch } from '../../lib/proxy-fetch';
import { trustedRootOf } from '../../lib/trusted-root-choice';
import type { AdmissionMessage, AdmissionReply } from './policy-protocol';

const post = (reply: AdmissionReply) => (self as unknown as { postMessage(m: AdmissionReply): void }).postMessage(reply);

// Answer one dry-run request with the full report, or the input error with its code.
async function handle(msg: AdmissionMessage): Promise<void> {
  const { id } = msg;
  try {
    const credentials = msg.credentials;
    const report = await runAdmission({
      policies: msg.policies,
      ...(msg.manifest !== undefined ? { manifest: msg.manifest } : { images: msg.images ?? [] }),
      client: createRegistryClient({ fetch: proxyFetch, ...(credentials ? { credentials: () => credentials } : {}) }),
      trustedRoot: trustedRootOf(msg.trustedRoot),
      noMatchPolicy: msg.noMatchPolicy,
      ...msg.options,
      onProgress: (message) => post({ type: 'progress', id, message }),
    });
    post({ type: 'report', id, report });
  } catch (err) {
    const e = toVerifyError(err);
    post({ type: 'error', id, message: e.message, code: e.code });
  }
}

self.addEventListener('message', (event: MessageEvent<AdmissionMessage>) => {
  if (event.data?.type === 'admission') void handle(event.data);
});
