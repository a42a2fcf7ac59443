// The CORS proxy as `npm start` runs it: the platform-neutral handler over the Node upstream, whose pooled
// connections close with the server.
import { createProxyHandler, type ProxyHandler, type ProxyPolicy } from '../proxy';
import { createNodeUpstream, type NodeUpstreamOptions } from '../proxy/node-upstream';

export interface NodeProxy {
  handler: ProxyHandler;
  close(): Promise<void>;
}

// The proxy for a policy, reaching the network through a Node upstream with the given options.
export function createNodeProxy(policy: ProxyPolicy, options: NodeUpstreamOptions = {}): NodeProxy {
  const upstream = createNodeUpstream(options);
  return { handler: createProxyHandler(policy, upstream), close: () => upstream.close() };
}
