// Mounts handlers by path prefix in front of a fallback (the static app), so the proxy can join the same origin.
import type { Handler } from '../lib/http-handler';
import { withSecurityHeaders } from './security-headers';

export interface Route {
  /** A path such as '/proxy': matches '/proxy' itself and everything below '/proxy/'. */
  prefix: string;
  handler: Handler;
}

// Sends each request to the first route whose prefix matches, else to the fallback; every answer carries the security headers.
export function createRouter(routes: readonly Route[], fallback: Handler): Handler {
  const mounted = routes.map(({ prefix, handler }) => {
    if (!prefix.startsWith('/')) throw new Error(`route prefix must start with '/': ${prefix}`);
    return { base: prefix.replace(/\/+$/, ''), handler };
  });
  return async (request) => {
    const pathname = new URL(request.url).pathname;
    const route = mounted.find(({ base }) => pathname === base || pathname.startsWith(`${base}/`));
    return withSecurityHeaders(await (route?.handler ?? fallback)(request));
  };
}
