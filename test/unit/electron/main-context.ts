/** A real MainContext over temporary folders, for IPC tests with the mocked electron. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { BackupFolder } from '../../../electron/main/backup-store';
import type { MainContext } from '../../../electron/main/context';
import { SenderScopes } from '../../../electron/main/files/sender-scope';
import { TeamFolderStore } from '../../../electron/main/team-folder';
import { OpenedFiles } from '../../../electron/main/opened-files';
import { TempDocuments } from '../../../electron/main/temp-documents';
import { BrowserWindow } from './electron-mock';

export interface TestContext extends MainContext {
  root: string;
  logs: string[];
  main: BrowserWindow;
  cleanup(): Promise<void>;
}

export async function makeContext(keep = 10): Promise<TestContext> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'spbe-main-'));
  const logs: string[] = [];
  const main = new BrowserWindow({ width: 1280, height: 800 });
  const teamFolder = new TeamFolderStore(undefined, { log: (m) => logs.push(m) });
  return {
    root,
    logs,
    main,
    scopes: new SenderScopes(),
    backups: new BackupFolder(path.join(root, 'Cadangan'), keep, (m) => logs.push(m)),
    opened: new OpenedFiles(),
    documents: new TempDocuments(path.join(root, 'tmp'), 'linux'),
    teamFolder,
    saveSettings: vi.fn(async () => undefined),
    mainWindow: () => main as unknown as Electron.BrowserWindow,
    createPrintWindow: () =>
      new BrowserWindow({ show: false }) as unknown as Electron.BrowserWindow,
    log: (m) => logs.push(m),
    cleanup: async () => {
      teamFolder.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}
