// The production server as a Hono app, platform-neutral: the same object serves on Node (start-server.ts) and
// on any runtime with WHATWG fetch. Every answer gets the security headers; a Host not configured gets 421; the
// proxy answers at its path; everything else is the built app, compressed when worth it.
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { PROXY_PATH } from '../http/proxy-wire';
import type { ProxyHandler } from '../proxy';
import { hostCheck } from './host-check';
import { signetSecureHeaders } from './security-headers';
import { createStaticHandler, type FileSource } from './static-handler';

export interface AppOptions {
  /** The built app's files. */
  files: FileSource;
  /** Host names the server answers for; any other Host gets 421. */
  hosts: readonly string[];
  /** The CORS proxy, mounted at PROXY_PATH. */
  proxy?: ProxyHandler;
  /** Who a request comes from, for the proxy's rate limit (the runtime knows the peer). Unset: one shared budget. */
  clientKey?: (c: Context) => string;
  /** Where a fault (an error no handler answered) is reported; the console unless the runtime has its own log. */
  reportFault?: (error: Error) => void;
}

// Text below this many bytes is sent as is: the headers would cost more than compression saves.
const COMPRESS_THRESHOLD = 1024;

// The app for the given files, hosts and proxy.
export function createApp({ files, hosts, proxy, clientKey = () => '', reportFault = (error) => console.error(error) }: AppOptions): Hono {
  const app = new Hono();
  const site = createStaticHandler({ files });
  app.use(signetSecureHeaders());
  app.use(hostCheck(hosts));
  // Registered before the compression below, so proxy answers pass through byte for byte (and uncompressed).
  if (proxy) app.all(PROXY_PATH, (c) => proxy(c.req.raw, clientKey(c)));
  app.use(compress({ threshold: COMPRESS_THRESHOLD }));
  app.all('*', (c) => site(c.req.raw));
  app.onError((error, c) => {
    reportFault(error);
    return c.text('Internal Server Error', 500);
  });
  return app;
}
