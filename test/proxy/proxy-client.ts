// Drives a proxy handler the way the app does, and records what reaches an upstream.
import type { Handler } from '../../src/http/handler';
import type { Upstream } from '../../src/proxy';
import type { UpstreamResponse } from '../../src/proxy/upstream';
import { proxyUrl } from '../../src/http/proxy-wire';
import { createNodeUpstream, type NodeUpstream, type NodeUpstreamOptions } from '../../src/proxy/node-upstream';

export const APP_ORIGIN = 'http://app.test';

// A request to the proxy for target, as the app sends it.
export function proxyRequest(target: string, init: RequestInit = {}): Request {
  return new Request(proxyUrl(target, APP_ORIGIN), init);
}

// Sends target through the handler.
export function viaProxy(handler: Handler, target: string, init: RequestInit = {}): Promise<Response> {
  return handler(proxyRequest(target, init));
}

// The code of a JSON refusal.
export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? '';
}

// An upstream that records every target it is asked for before passing the call on.
export function spyOn(upstream: Upstream): { upstream: Upstream; targets: string[] } {
  const targets: string[] = [];
  return {
    targets,
    upstream: (target, init) => {
      targets.push(target.href);
      return upstream(target, init);
    },
  };
}

// Node upstreams made by a test file, all closed by its afterAll.
export function nodeUpstreams(): { create(options?: NodeUpstreamOptions): NodeUpstream; closeAll(): Promise<void> } {
  const made: NodeUpstream[] = [];
  return {
    create(options = {}) {
      const upstream = createNodeUpstream(options);
      made.push(upstream);
      return upstream;
    },
    closeAll: async () => void (await Promise.all(made.splice(0).map((upstream) => upstream.close()))),
  };
}

// An upstream answer's body as text, read to its end.
export async function textOf({ body }: UpstreamResponse): Promise<string> {
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return Buffer.concat(chunks).toString('utf8');
}
