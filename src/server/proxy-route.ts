// The CORS proxy mounted at /proxy, rate-limited per remote address (what `npm start` serves beside the app).
import { createProxyHandler, type ProxyPolicy } from '../proxy';
import { createNodeUpstream } from '../proxy/node-upstream';
import { CLIENT_ADDRESS_HEADER } from './node-adapter';
import type { Route } from './router';

// The route for a policy, with the Node upstream that checks every address it connects to.
export function proxyRoute(policy: ProxyPolicy): Route {
  const clientId = (request: Request) => request.headers.get(CLIENT_ADDRESS_HEADER) ?? '';
  return { prefix: '/proxy', handler: createProxyHandler(policy, createNodeUpstream(policy), { clientId }) };
}
