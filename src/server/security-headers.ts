// Headers sent with every answer of the app (Hono's secureHeaders with Signet's values): the app loads only its own
// code, talks only to its own origin, cannot be framed, and asks for no device or browser feature. Answers at the
// proxy's path carry the proxy's own set instead (PROXY_RESPONSE_HEADERS: sandboxed, never framed), which the proxy
// itself puts on every answer it makes, so the same headers hold on every runtime and on the Node server's own path.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { PROXY_PATH } from '../http/proxy-wire';
import { PROXY_RESPONSE_HEADERS } from '../proxy';

/** Content-Security-Policy directives (CSP Level 3), in Hono's camel-case form. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

// Every feature Chromium knows off (naming one it does not know logs a console warning), except writing
// to the clipboard from the app itself (copying a report or a link).
export const PERMISSIONS_POLICY = {
  accelerometer: [],
  autoplay: [],
  browsingTopics: [],
  camera: [],
  clipboardRead: [],
  clipboardWrite: ['self'],
  displayCapture: [],
  encryptedMedia: [],
  fullscreen: [],
  gamepad: [],
  geolocation: [],
  gyroscope: [],
  hid: [],
  idleDetection: [],
  localFonts: [],
  magnetometer: [],
  microphone: [],
  midi: [],
  otpCredentials: [],
  payment: [],
  pictureInPicture: [],
  publickeyCredentialsGet: [],
  screenWakeLock: [],
  serial: [],
  storageAccess: [],
  usb: [],
  windowManagement: [],
  xrSpatialTracking: [],
} satisfies NonNullable<Parameters<typeof secureHeaders>[0]>['permissionsPolicy'];

// The middleware: the app's headers, or at the proxy's path the proxy's own (for answers made before the proxy, such
// as 421 for a Host not served); Strict-Transport-Security is left to the TLS front end that knows the domains.
export function signetSecureHeaders(): MiddlewareHandler {
  const app = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    permissionsPolicy: PERMISSIONS_POLICY,
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    overwrite: false,
  });
  return (c, next) => (c.req.path === PROXY_PATH ? proxyHeaders(c, next) : app(c, next));
}

// Sets every proxy security header the answer does not set itself.
const proxyHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(PROXY_RESPONSE_HEADERS)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
};
