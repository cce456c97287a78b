/**
 * The one window factory: the only place webPreferences are set. contextIsolation and sandbox
 * on, nodeIntegration off, webSecurity on (Electron security checklist items 2–6).
 */
import { BrowserWindow } from 'electron';
import { preloadPath } from './paths';
import { APP_URL } from './protocol';
import { hardenWebContents } from './security';

export const secureWebPreferences = (): Electron.WebPreferences => ({
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
});

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Evaluasi SPBE',
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: secureWebPreferences(),
  });
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
