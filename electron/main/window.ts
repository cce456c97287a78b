/**
 * The one window factory: the only `new BrowserWindow` and the only place webPreferences are set.
 * contextIsolation and sandbox on, nodeIntegration off everywhere, webSecurity on, no webview
 * tag, no experimental features, no middle-click new windows (Electron security checklist items
 * 2-4, 6, 8-10, 14). Navigation, new windows and webviews are denied for every web contents by
 * security.ts (hooked on `web-contents-created` in index.ts). The preferences are written out
 * literally in the constructor call so that a reviewer, and Electronegativity, see them there.
 */
import { app, BrowserWindow } from 'electron';
import { preloadPath } from './paths';
import { APP_URL } from './protocol';
import { MIN_SIZE, type RestoredWindow } from './window-state';

export const MAIN_WINDOW_TITLE = 'Evaluasi SPBE';

interface WindowOptions {
  bounds: { x?: number; y?: number; width: number; height: number };
  minWidth?: number;
  minHeight?: number;
  backgroundColor?: string;
  /** Off only for the hidden print window, which must keep rendering while never shown. */
  backgroundThrottling: boolean;
}

function secureWindow(options: WindowOptions): BrowserWindow {
  return new BrowserWindow({
    ...options.bounds,
    minWidth: options.minWidth,
    minHeight: options.minHeight,
    backgroundColor: options.backgroundColor,
    title: MAIN_WINDOW_TITLE,
    show: false,
    webPreferences: {
      // Reviewed (Electronegativity PRELOAD_JS_CHECK): our own bundled, sandboxed preload,
      // which exposes named contract functions only (electron/preload/index.ts).
      preload: preloadPath(), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // DevTools only while developing; a packaged build has none to open.
      devTools: !app.isPackaged,
      backgroundThrottling: options.backgroundThrottling,
    },
  });
}

export function createMainWindow(restored: RestoredWindow): BrowserWindow {
  const win = secureWindow({
    bounds: restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    backgroundColor: '#f5f7fa',
    backgroundThrottling: true,
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
  return secureWindow({ bounds: PRINT_WINDOW_SIZE, backgroundThrottling: false });
}
