// The CORS proxy: lets the browser app read registries, Rekor and TUF, which send no CORS headers.
//
// Wire format (served on the app's own origin, mounted at /proxy):
//
//   GET|HEAD /proxy?url=<encodeURIComponent(absolute target URL)>
//
// Request headers passed upstream: Accept, Authorization (Bearer to registries and token realms; Basic only to a
// token realm a registry named in its challenge) and Range. All others, Cookie included, are dropped.
//
// What is forwarded (anything else is 403 PROXY_PATH_REFUSED):
//   - registry API reads (OCI distribution spec): /v2/, /v2/<name>/manifests/<ref>, /v2/<name>/blobs/<digest>,
//     /v2/<name>/tags/list, /v2/<name>/referrers/<digest>, on any public host;
//   - token requests to a realm that a registry's own `WWW-Authenticate: Bearer realm=…` challenge named, seen by
//     this proxy within the realm TTL (Docker token authentication spec); anonymous tokens are cached until
//     shortly before they expire;
//   - Rekor reads (/api/v1/log, /api/v1/log/entries…, /api/v2 tlog-tiles) on the configured Rekor hosts;
//   - TUF metadata reads (/<n>.root.json, /timestamp.json, /snapshot.json, /targets.json, /targets/…) on the
//     configured TUF hosts.
// Targets must be https (plain http only to loopback in local development) and resolve to public addresses.
// Redirects (301/302/303/307/308, up to 5) are followed by the proxy, every hop re-checked; a blob download may
// go on to any public https host (a CDN), and Authorization is dropped once the origin changes or the next hop's
// kind takes none.
//
// Responses pass through status, body and only these headers: Content-Type, Content-Length,
// Docker-Content-Digest, WWW-Authenticate, Link, OCI-Filters-Applied, Docker-Distribution-API-Version, ETag;
// plus X-Signet-Proxy-Final-Url (the URL that answered) when redirects were followed. Never Set-Cookie.
// Every proxy answer is Cache-Control: no-store and sandboxed by its Content-Security-Policy.
//
// Refusals are JSON `{ "error": { "code": "PROXY_…", "message": "…", "target": "…" } }`:
//   400 PROXY_URL_MISSING, PROXY_URL_INVALID        the url parameter is absent, malformed or too long
//   403 PROXY_SCHEME_REFUSED, PROXY_ADDRESS_REFUSED, PROXY_PATH_REFUSED, PROXY_AUTH_REFUSED, PROXY_ORIGIN_REFUSED
//   405 PROXY_METHOD_REFUSED                         anything but GET and HEAD (and preflights of listed origins)
//   413 PROXY_TOO_LARGE                              over the cap for its kind: maxBlobBytes, maxManifestBytes,
//                                                    maxTokenBytes, maxResponseBytes (a body without Content-Length is cut)
//   429 PROXY_RATE_LIMITED                           with Retry-After
//   502 PROXY_UPSTREAM_FAILED, PROXY_BAD_REDIRECT, PROXY_TOO_MANY_REDIRECTS
//   504 PROXY_TIMEOUT                                over timeoutMs for the whole exchange
//
// CORS headers go only to origins in the policy's allowedOrigins; the app's own origin needs none.
//
// Everything exported here is platform-neutral; the Node network side is in ./node-upstream.
export { classifyAddress, type AddressClass } from './address';
export { ProxyRefusal, type ProxyErrorCode } from './errors';
export { createProxyHandler, type ProxyHandler } from './handler';
export { DEFAULT_PROXY_POLICY, proxyPolicyFromEnv, resolveProxyPolicy, type ProxyPolicy } from './policy';
export { PROXY_RESPONSE_HEADERS } from './response';
export type { Upstream, UpstreamInit } from './upstream';
