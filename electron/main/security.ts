/**
 * Default-deny policies for every session and web contents (Electron security checklist):
 * no navigation away from the app, no new windows, no webviews, no permissions, and no network:
 * the app is offline by design, so every request that is not app:// (or an in-memory blob:/data:
 * URL the renderer made itself) is refused and logged.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './protocol';

const LOCAL_SCHEMES = new Set([
  `${APP_SCHEME}:`,
  'blob:',
  'data:',
  'devtools:',
  'chrome-extension:',
]);

/** True when a request may go out: only the app's own origin and in-memory URLs. */
export function isAllowedRequest(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`)
      return u.origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
    return LOCAL_SCHEMES.has(u.protocol);
  } catch {
    return false;
  }
}

/** True when the window may be at this URL (the app's own pages only). */
export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

export function hardenSession(
  session: Session,
  log: (message: string) => void = console.warn,
): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`Izin ditolak: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log(`Permintaan jaringan diblokir: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

export function hardenWebContents(
  contents: WebContents,
  log: (message: string) => void = console.warn,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      log(`Navigasi ditolak: ${url}`);
      event.preventDefault();
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) {
      log(`Pengalihan ditolak: ${url}`);
      event.preventDefault();
    }
  });
  contents.on('will-attach-webview', (event) => {
    log('Webview ditolak');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`Jendela baru ditolak: ${url}`);
    return { action: 'deny' };
  });
}
