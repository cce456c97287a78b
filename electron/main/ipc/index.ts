/** Registers every channel of the contract's table; refuses to start with one missing. */
import type { IpcMain } from 'electron';
import { tableChannels } from '../../../shared/ipc/contract';
import type { MainContext } from '../context';
import { registerAppHandlers } from './app';
import { registerBackupHandlers } from './backup';
import { registerDocumentHandlers } from './documents';
import { registerFileHandlers } from './files';
import { registrar } from './handle';
import { registerReportHandlers } from './report';
import { registerTeamFolderHandlers } from './team-folder';

export function registerIpc(ipc: Pick<IpcMain, 'handle'>, ctx: MainContext): void {
  const register = registrar(ipc, ctx.log);
  registerAppHandlers(register, ctx);
  registerFileHandlers(register, ctx);
  registerDocumentHandlers(register, ctx);
  registerReportHandlers(register, ctx);
  registerBackupHandlers(register, ctx);
  registerTeamFolderHandlers(register, ctx);
  const missing = tableChannels().filter((channel) => !register.registered.has(channel));
  if (missing.length > 0) throw new Error(`IPC tanpa penangan: ${missing.join(', ')}`);
}
