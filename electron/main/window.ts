/**
 * The one window factory: the only place webPreferences are set. contextIsolation and sandbox
 * on, nodeIntegration off everywhere, webSecurity on, no webview tag, no experimental features
 * (Electron security checklist items 2-4, 6, 8-10). Navigation, new windows and webviews are
 * denied for every web contents by security.ts (hooked on `web-contents-created` in index.ts).
 */
import { app, BrowserWindow } from 'electron';
import { preloadPath } from './paths';
import { APP_URL } from './protocol';
import { MIN_SIZE, type RestoredWindow } from './window-state';

export const secureWebPreferences = (
  overrides: Pick<Electron.WebPreferences, 'backgroundThrottling'> = {},
): Electron.WebPreferences => ({
  preload: preloadPath(),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // DevTools only while developing; a packaged build has none to open.
  devTools: !app.isPackaged,
  ...overrides,
});

export const MAIN_WINDOW_TITLE = 'Evaluasi SPBE';

export function createMainWindow(restored: RestoredWindow): BrowserWindow {
  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: MAIN_WINDOW_TITLE,
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: secureWebPreferences(),
  });
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(APP_URL);
  return win;
}

/** A4 at 96 dpi: the print window lays the report out at paper width. */
export const PRINT_WINDOW_SIZE = { width: 794, height: 1123 };

/**
 * A hidden window for printing one app route to PDF. It is never shown; timers and animation
 * frames keep running while hidden (backgroundThrottling off) so the route can finish laying
 * itself out.
 */
export function createPrintWindow(): BrowserWindow {
  return new BrowserWindow({
    ...PRINT_WINDOW_SIZE,
    show: false,
    title: MAIN_WINDOW_TITLE,
    webPreferences: secureWebPreferences({ backgroundThrottling: false }),
  });
}
