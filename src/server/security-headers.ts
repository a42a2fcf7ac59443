// Headers sent with every answer (Hono's secureHeaders with Signet's values): the app loads only its own code,
// talks only to its own origin, cannot be framed, and asks for no device or browser feature. An answer that sets
// a header itself keeps it (the proxy's sandboxing Content-Security-Policy is stricter still, and also frame-ancestors 'none').
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

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

// The middleware; Strict-Transport-Security is left to the TLS front end that knows the deployment's domains.
export function signetSecureHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    permissionsPolicy: PERMISSIONS_POLICY,
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    overwrite: false,
  });
}

// The same headers as a record (lower-case names), for answers written without Hono (the Node server's proxy path):
// read off an answer of the middleware itself, so the two can never differ.
export async function securityHeaderRecord(): Promise<Record<string, string>> {
  const probe = new Hono();
  probe.use(signetSecureHeaders());
  probe.get('*', (c) => c.body(null, 204));
  const answer = await probe.request('http://localhost/');
  return Object.fromEntries(answer.headers);
}
