// The CORS proxy as `npm start` runs it: the platform-neutral handler over the Node upstream, whose pooled
// connections close with the server.
import type { ProxyHandler, ProxyPolicy } from '../proxy';
import { createProxyCore, fetchStyle, type ProxyCore } from '../proxy/handler';
import { createNodeUpstream, type NodeUpstreamOptions } from '../proxy/node-upstream';

export interface NodeProxy {
  /** The proxy as the app mounts it (WHATWG Request → Response). */
  handler: ProxyHandler;
  /** The same proxy, state and all, for the Node server's own proxy path. */
  core: ProxyCore;
  close(): Promise<void>;
}

// The proxy for a policy, reaching the network through a Node upstream with the given options.
export function createNodeProxy(policy: ProxyPolicy, options: NodeUpstreamOptions = {}): NodeProxy {
  const upstream = createNodeUpstream(options);
  const core = createProxyCore(policy, upstream);
  return { handler: fetchStyle(core), core, close: () => upstream.close() };
}
