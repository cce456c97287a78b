/**
 * Electron main: the lifecycle, wiring the modules together. One instance only: a second
 * launch hands its `.spbe` files to the running window and quits. Everything else lives in its
 * own module (window, protocol, security, menu, ipc/*).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { OPENED_FILES_EVENT } from '../../shared/ipc/contract';
import { BackupFolder } from './backup-store';
import type { MainContext } from './context';
import { confirmAndOpenExternal } from './external-links';
import { SenderScopes } from './files/sender-scope';
import { registerIpc } from './ipc';
import { openFilters } from './ipc/files';
import { readJsonFile } from './json-file';
import { menuTemplate } from './menu';
import { bundlePathsFromArgv, OpenedFiles } from './opened-files';
import { backupDir, rendererRoot } from './paths';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { loadSettings, settingsUpdater } from './settings';
import { TeamFolderStore } from './team-folder';
import { TempDocuments } from './temp-documents';
import { createMainWindow, createPrintWindow } from './window';
import {
  restoreWindowState,
  saveWindowStateSync,
  WINDOW_STATE_FILE,
  windowStateSchema,
} from './window-state';
const log = (message: string): void => console.warn(`[evaluasi-spbe] ${message}`);

// Every renderer sandboxed, whatever a future window forgets to set (checklist item 4).
app.enableSandbox();
// Chromium's own texts and formats in Indonesian whatever the system's language (an English
// Windows is common in offices): date fields read dd/mm/yyyy instead of mm/dd/yyyy, and the
// built-in words of form controls are Indonesian. Must be set before the app is ready.
app.commandLine.appendSwitch('lang', 'id');
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const opened = new OpenedFiles();
  const scopes = new SenderScopes();
  const documents = new TempDocuments();
  let mainWindow: BrowserWindow | null = null;
  let teamFolder: TeamFolderStore | undefined;

  opened.add(bundlePathsFromArgv(process.argv, process.cwd()));

  /** Brings the main window forward and tells its page that files are waiting. */
  const deliverOpenedFiles = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    if (opened.size > 0) mainWindow.webContents.send(OPENED_FILES_EVENT);
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    opened.add(bundlePathsFromArgv(argv, workingDirectory));
    deliverOpenedFiles();
  });

  // macOS hands double-clicked files over with an event (possibly before `ready`).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    opened.add([file]);
    deliverOpenedFiles();
  });

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      log,
      onExternalLink: (url, from) =>
        void confirmAndOpenExternal(url, BrowserWindow.fromWebContents(from), log),
    }),
  );

  void app.whenReady().then(async () => {
    if (process.platform === 'win32') app.setAppUserModelId('id.go.spbe.evaluasi');
    app.setAboutPanelOptions({
      applicationName: 'Evaluasi SPBE',
      applicationVersion: app.getVersion(),
      copyright: 'Hak cipta © 2026 Tim Pengembang Evaluasi SPBE',
    });
    hardenSession(session.defaultSession, log);
    handleAppProtocol(rendererRoot());
    void documents.removeLeftovers();

    const userData = app.getPath('userData');
    const settings = await loadSettings(userData);
    const backups = new BackupFolder(
      backupDir(app.getPath('documents')),
      settings.backupsKept,
      log,
    );

    teamFolder = new TeamFolderStore(settings.teamFolder, { log });

    const ctx: MainContext = {
      scopes,
      backups,
      opened,
      documents,
      teamFolder,
      saveSettings: settingsUpdater(userData, settings),
      mainWindow: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
      createPrintWindow,
      log,
    };
    // Before the first window loads: the renderer may take a backup at start-up.
    registerIpc(ipcMain, ctx);

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            openBundle: () => {
              const parent = ctx.mainWindow();
              const options: Electron.OpenDialogOptions = {
                title: 'Buka Berkas Evaluasi SPBE',
                buttonLabel: 'Buka',
                filters: openFilters('bundle'),
                properties: ['openFile', 'multiSelections'],
              };
              void (
                parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)
              ).then((result) => {
                if (result.canceled) return;
                opened.add(result.filePaths);
                deliverOpenedFiles();
              });
            },
            openBackupFolder: () =>
              void mkdir(backups.dir, { recursive: true }).then(() => shell.openPath(backups.dir)),
            openDataFolder: () => void shell.openPath(userData),
          },
          {
            isMac: process.platform === 'darwin',
            isPackaged: app.isPackaged,
            appName: 'Evaluasi SPBE',
          },
        ),
      ),
    );

    const openMainWindow = async () => {
      const saved = await readJsonFile(path.join(userData, WINDOW_STATE_FILE), windowStateSchema);
      const primary = screen.getPrimaryDisplay();
      const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
        (d) => d.workArea,
      );
      const win = createMainWindow(restoreWindowState(saved, areas));
      win.on('close', () => {
        saveWindowStateSync(userData, { ...win.getNormalBounds(), maximized: win.isMaximized() });
      });
      win.on('closed', () => {
        if (mainWindow === win) mainWindow = null;
      });
      mainWindow = win;
    };
    await openMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Unfinished writes are aborted (their temporary files deleted) before the process ends.
  let released = false;
  app.on('will-quit', (event) => {
    documents.cleanup();
    teamFolder?.dispose();
    if (released) return;
    event.preventDefault();
    void scopes.disposeAll().finally(() => {
      released = true;
      app.quit();
    });
  });
}
