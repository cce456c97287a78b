/** The window factory: the only place webPreferences are set, and they are the secure ones. */
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_URL } from '../../../electron/main/protocol';
import {
  createMainWindow,
  createPrintWindow,
  MAIN_WINDOW_TITLE,
} from '../../../electron/main/window';
import { app, BrowserWindow } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
};

const preferences = (win: unknown) =>
  (win as BrowserWindow).options.webPreferences as Electron.WebPreferences;

beforeEach(() => {
  BrowserWindow.instances.length = 0;
  app.isPackaged = false;
});

describe('webPreferences', () => {
  it('isolate and sandbox the renderer and load only our preload', () => {
    const prefs = preferences(
      createMainWindow({ bounds: { width: 1280, height: 800 }, maximized: false }),
    );
    expect(prefs).toMatchObject(SECURE);
    expect(path.basename(prefs.preload!)).toBe('preload.cjs');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('have developer tools only in development', () => {
    expect(preferences(createPrintWindow()).devTools).toBe(true);
    app.isPackaged = true;
    expect(preferences(createPrintWindow()).devTools).toBe(false);
    expect(
      preferences(createMainWindow({ bounds: { width: 1, height: 1 }, maximized: false })).devTools,
    ).toBe(false);
  });
});

describe('createMainWindow', () => {
  it('opens app://spbe/ hidden until ready, at the restored bounds, with secure preferences', () => {
    const win = createMainWindow({
      bounds: { x: 40, y: 50, width: 1200, height: 700 },
      maximized: false,
    }) as unknown as BrowserWindow;
    expect(win.options).toMatchObject({
      x: 40,
      y: 50,
      width: 1200,
      height: 700,
      minWidth: 960,
      minHeight: 600,
      show: false,
      title: MAIN_WINDOW_TITLE,
      webPreferences: SECURE,
    });
    expect(win.loadURL).toHaveBeenCalledWith(APP_URL);
    expect(APP_URL).toBe('app://spbe/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
    expect(win.maximize).not.toHaveBeenCalled();
  });

  it('maximises again when it was maximised', () => {
    const win = createMainWindow({ bounds: { width: 1280, height: 800 }, maximized: true });
    (win as unknown as BrowserWindow).emit('ready-to-show');
    expect((win as unknown as BrowserWindow).maximize).toHaveBeenCalled();
  });
});

describe('createPrintWindow', () => {
  it('is never shown, keeps rendering while hidden, and is just as locked down', () => {
    const win = createPrintWindow() as unknown as BrowserWindow;
    expect(win.options).toMatchObject({ show: false, width: 794, height: 1123 });
    expect(win.options.webPreferences).toMatchObject({ ...SECURE, backgroundThrottling: false });
    expect(win.loadURL).not.toHaveBeenCalled();
  });
});
