/** IPC: information about the running application. */
import { app, type IpcMain } from 'electron';
import type { AppInfo } from '../../../shared/ipc/contract';
import { register } from './handle';

export function registerAppHandlers(ipc: IpcMain): void {
  register(ipc, 'app:info', (): AppInfo => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron ?? '',
    userDataPath: app.getPath('userData'),
  }));
}
