// A short-lived worker that reads a loaded trusted root (for every mode that takes one) and answers with what it provides, so the page decodes nothing.
import { summarizeTrustedRoot, type TrustSummary } from './trust-summary';

export interface TrustSummaryMessage {
  type: 'summary';
  id: number;
  text: string;
}

export type TrustSummaryReply = { type: 'summary'; id: number; summary: TrustSummary };

self.addEventListener('message', (event: MessageEvent<TrustSummaryMessage>) => {
  const { id, text } = event.data;
  const reply: TrustSummaryReply = { type: 'summary', id, summary: summarizeTrustedRoot(typeof text === 'string' ? text : '') };
  (self as unknown as { postMessage(m: TrustSummaryReply): void }).postMessage(reply);
});
