// The live-check worker: today's tree head, witness cosignatures, inclusion and consistency, fetched through the proxy.
import { parseAnySignatureInput, toVerifyError, VerifyError, type TlogEntry } from '../../core';
import { checkAgainstLiveLog, witnessPolicy } from '../../audit';
import { proxyFetch } from '../../lib/proxy-fetch';
import { trustedRootOf } from '../../lib/trusted-root-choice';
import type { LiveCheckMessage, LiveCheckReply, LiveTarget } from './live-check-protocol';

const post = (reply: LiveCheckReply) => (self as unknown as { postMessage(m: LiveCheckReply): void }).postMessage(reply);

// The entries a target names.
function entriesOf(target: LiveTarget): TlogEntry[] {
  if (target.kind === 'entries') return target.entries;
  const bundle = parseAnySignatureInput(target.text)[target.index];
  if (!bundle) throw new VerifyError('INTERNAL', `the input holds no signature ${target.index + 1}`, { where: 'live check' });
  return bundle.tlogEntries;
}

// Answer one live-check request with its record, or the input error with its code.
async function handle(msg: LiveCheckMessage): Promise<void> {
  const { id } = msg;
  try {
    const witnesses = msg.witnesses.length > 0 ? await witnessPolicy(msg.witnesses, msg.witnessThreshold) : undefined;
    post({ type: 'progress', id, message: 'Asking the log for today’s tree head…' });
    const result = await checkAgainstLiveLog(entriesOf(msg.target), { fetch: proxyFetch, trustedRoot: trustedRootOf(msg.trustedRoot), ...(witnesses ? { witnesses } : {}) });
    post({ type: 'live-result', id, result });
  } catch (err) {
    const e = toVerifyError(err);
    post({ type: 'error', id, message: e.message, code: e.code });
  }
}

self.addEventListener('message', (event: MessageEvent<LiveCheckMessage>) => {
  if (event.data?.type === 'live-check') void handle(event.data);
});
