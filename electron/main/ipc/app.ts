/** IPC: information about the running application. */
import { app } from 'electron';
import type { MainContext } from '../context';
import type { Register } from './handle';

export function registerAppHandlers(register: Register, ctx: MainContext): void {
  register('app:info', () => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron ?? '',
    userDataPath: app.getPath('userData'),
    backupPath: ctx.backups.dir,
  }));
}
