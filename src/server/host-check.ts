// Answers only for configured host names (DNS rebinding defence): a page on another name that resolves to this
// server sends its own name in Host and gets 421 Misdirected Request (RFC 9110 §15.5.20), before anything runs.
import type { MiddlewareHandler } from 'hono';

// The names a server answers for by default: its listen address (unless it listens everywhere) and loopback.
export function defaultHosts(listenHost: string): string[] {
  const everywhere = listenHost === '0.0.0.0' || listenHost === '::' || listenHost === '';
  return [...new Set(['localhost', '127.0.0.1', '::1', ...(everywhere ? [] : [listenHost])].map(normalizeHost))];
}

// A host name as URL parsing writes it (lower case, IPv6 in brackets, no port); throws on what is not a host.
export function normalizeHost(host: string): string {
  const bare = host.trim().replace(/^\[(.*)\]$/, '$1');
  const literal = bare.includes(':') ? `[${bare}]` : bare;
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])$/.test(literal) || !URL.canParse(`http://${literal}/`)) throw new Error(`not a host name: ${JSON.stringify(host)}`);
  return new URL(`http://${literal}/`).hostname;
}

// The middleware: requests whose Host names none of hosts (ports are not compared) get 421.
export function hostCheck(hosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map(normalizeHost));
  return async (c, next) => {
    if (allowed.has(new URL(c.req.url).hostname)) return next();
    return c.text('Misdirected Request: this server does not answer for that host name.', 421);
  };
}
