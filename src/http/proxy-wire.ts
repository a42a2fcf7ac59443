// The proxy's wire format, defined once for the proxy and for the app that calls it:
// `GET|HEAD /proxy?url=<encodeURIComponent(absolute target URL)>`, and the headers that mark the proxy's own answers.

/** Where the proxy is mounted on the app's origin. */
export const PROXY_PATH = '/proxy';
/** The one query parameter: the absolute target URL. */
export const PROXY_TARGET_PARAM = 'url';
/** Set on every answer the proxy itself gives (a refusal or an upstream failure), never on forwarded ones; the value is the code. */
export const PROXY_ERROR_HEADER = 'X-Signet-Proxy-Error';
/** Set when redirects were followed: the URL that gave the final response (relative Link targets resolve against it). */
export const PROXY_FINAL_URL_HEADER = 'X-Signet-Proxy-Final-Url';

/** The body of an answer marked with PROXY_ERROR_HEADER. */
export interface ProxyErrorBody {
  error: { code: string; message: string; target: string };
}

// The proxy URL that fetches target, on the origin `base` (empty: the page's own origin).
export function proxyUrl(target: string, base = ''): string {
  return `${base.replace(/\/+$/, '')}${PROXY_PATH}?${PROXY_TARGET_PARAM}=${encodeURIComponent(target)}`;
}
