/**
 * Default-deny policies for every session and web contents (Electron security checklist items
 * 5, 12, 13, 14): no navigation away from the app, no redirects out of it, no new windows, no
 * webviews, no permissions, no devices, and no network: the app is offline by design, so every
 * request that is not app:// (or an in-memory blob:/data: URL the renderer made itself) is
 * refused and logged. An http(s) link the user clicks is not followed inside the app; it goes
 * to `onExternalLink`, which asks the user before the system browser opens it (item 15).
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './protocol';

type Log = (message: string) => void;

const LOCAL_SCHEMES = new Set([`${APP_SCHEME}:`, 'blob:', 'data:', 'devtools:']);

/** True when a request may be served: only the app's own origin and in-memory URLs. */
export function isAllowedRequest(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
    if (u.protocol === 'blob:') return url.startsWith(`blob:${APP_ORIGIN}/`);
    return LOCAL_SCHEMES.has(u.protocol);
  } catch {
    return false;
  }
}

/** True when the window may be at this URL (the app's own pages only). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    // `app:` is not a scheme Node's URL parser knows, so compare scheme and host, not origin.
    return u.protocol === `${APP_SCHEME}:` && `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** True for an http(s) URL the user might want to open in the system browser. */
export function isWebLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function hardenSession(session: Session, log: Log = console.warn): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`Izin ditolak: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log(`Permintaan jaringan diblokir: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

export interface HardenOptions {
  log?: Log;
  /** A web link the user clicked (navigation or new window): ask, then open outside. */
  onExternalLink?: (url: string, contents: WebContents) => void;
}

export function hardenWebContents(contents: WebContents, options: HardenOptions = {}): void {
  const log = options.log ?? console.warn;
  const external = (url: string) => {
    if (isWebLink(url)) options.onExternalLink?.(url, contents);
  };
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    log(`Navigasi ditolak: ${url}`);
    event.preventDefault();
    external(url);
  });
  contents.on('will-frame-navigate', (event) => {
    // Main-frame navigations are judged by will-navigate above; these are the subframes.
    const url = event.url;
    if (event.isMainFrame || isAppUrl(url) || url.startsWith(`blob:${APP_ORIGIN}/`)) return;
    log(`Navigasi bingkai ditolak: ${url}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    log(`Pengalihan ditolak: ${url}`);
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    log('Webview ditolak');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`Jendela baru ditolak: ${url}`);
    external(url);
    return { action: 'deny' };
  });
}
