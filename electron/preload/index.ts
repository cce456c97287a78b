/**
 * The preload: exposes the named functions of the IPC contract as `window.api`. Never exposes
 * ipcRenderer or any Node object (Electron security checklist, item "do not expose Electron APIs").
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../../shared/ipc/contract';

const api = {
  kind: 'desktop',
  appInfo: () => ipcRenderer.invoke('app:info'),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
