/** Registers every channel of the contract (a unit test checks none is missing). */
import type { IpcMain } from 'electron';
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
}
