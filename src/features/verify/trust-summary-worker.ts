// A short-lived worker that reads a loaded trusted root and answers with what it provides, so the page decodes nothing.
import { summarizeTrustedRoot, type TrustSummary } from './worker/trust-summary';

self.addEventListener('message', (event: MessageEvent<{ text: string }>) => {
  const summary: TrustSummary = summarizeTrustedRoot(typeof event.data?.text === 'string' ? event.data.text : '');
  (self as unknown as { postMessage(m: TrustSummary): void }).postMessage(summary);
});
