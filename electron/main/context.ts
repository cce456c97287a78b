/** What the IPC handlers and the menu share in main: one instance of each, made in index.ts. */
import type { BrowserWindow } from 'electron';
import type { BackupFolder } from './backup-store';
import type { SenderScopes } from './files/sender-scope';
import type { OpenedFiles } from './opened-files';
import type { Settings } from './settings';
import type { TeamFolderStore } from './team-folder';
import type { TempDocuments } from './temp-documents';

export interface MainContext {
  scopes: SenderScopes;
  backups: BackupFolder;
  opened: OpenedFiles;
  documents: TempDocuments;
  teamFolder: TeamFolderStore;
  /** Saves a change to settings.json (the keys not in `patch` are kept). */
  saveSettings(patch: Partial<Settings>): Promise<void>;
  /** The main window, when it exists (files opened from outside go to it only). */
  mainWindow(): BrowserWindow | null;
  createPrintWindow(): BrowserWindow;
  log(message: string): void;
}
