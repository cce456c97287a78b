/**
 * IPC: the team folder (team-folder.ts). The user chooses the folder in a native dialog; main
 * remembers its path in settings.json. The renderer then names files only by relative paths
 * "<evaluasi>/<asesor>.spbe", which main checks; reads and writes go through the same handles
 * as any file (file:read ..., file:write ... file:write-commit | file:write-abort). A window
 * that asked for team-folder:watch receives TEAM_FOLDER_CHANGED_EVENT until it unwatches,
 * navigates, or is gone.
 */
import { BrowserWindow, dialog, type WebContents } from 'electron';
import { TEAM_FOLDER_CHANGED_EVENT } from '../../../shared/ipc/contract';
import type { MainContext } from '../context';
import { asFileError } from '../errors';
import type { AtomicWriter } from '../files/atomic-writer';
import type { FileReaderHandle } from '../files/file-reader';
import { TeamFolderStore } from '../team-folder';
import type { Register } from './handle';

type Sender = Pick<WebContents, 'id' | 'send' | 'on' | 'once' | 'removeListener'>;

export function registerTeamFolderHandlers(register: Register, ctx: MainContext): void {
  const { scopes, log } = ctx;
  /** Per watching window: how to stop. */
  const watching = new Map<number, () => void>();

  const unwatch = (senderId: number) => {
    watching.get(senderId)?.();
    watching.delete(senderId);
  };

  const watchFor = (sender: Sender) => {
    if (watching.has(sender.id)) return;
    const stopWatching = ctx.teamFolder.watch(() => {
      try {
        sender.send(TEAM_FOLDER_CHANGED_EVENT);
      } catch (error) {
        log(`Pemberitahuan folder tim tidak terkirim: ${String(error)}`);
      }
    });
    const reset = () => unwatch(sender.id);
    sender.on('did-navigate', reset);
    sender.on('render-process-gone', reset);
    sender.once('destroyed', reset);
    watching.set(sender.id, () => {
      stopWatching();
      sender.removeListener('did-navigate', reset);
      sender.removeListener('render-process-gone', reset);
      sender.removeListener('destroyed', reset);
    });
  };

  register('team-folder:choose', async (_input, event) => {
    const options: Electron.OpenDialogOptions = {
      title: 'Pilih folder tim',
      buttonLabel: 'Pilih folder',
      defaultPath: ctx.teamFolder.dir,
      properties: ['openDirectory', 'createDirectory'],
    };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    const dir = result.filePaths[0];
    if (result.canceled || !dir) return null;
    await TeamFolderStore.check(dir);
    try {
      await ctx.saveSettings({ teamFolder: dir });
    } catch (error) {
      throw asFileError(error, 'menyimpan', log);
    }
    ctx.teamFolder.setDir(dir);
    return { path: dir };
  });

  register('team-folder:remembered', () => ctx.teamFolder.state());

  register('team-folder:forget', async () => {
    ctx.teamFolder.setDir(undefined);
    try {
      await ctx.saveSettings({ teamFolder: undefined });
    } catch (error) {
      throw asFileError(error, 'menyimpan', log);
    }
    return null;
  });

  register('team-folder:list', () => ctx.teamFolder.list());

  register('team-folder:stat', async ({ path }) => {
    try {
      return await ctx.teamFolder.stat(path);
    } catch (error) {
      throw asFileError(error, 'membaca', log);
    }
  });

  register('team-folder:read-open', async ({ path }, event) => {
    const scope = scopes.for(event.sender);
    scope.assertRoom();
    let reader: FileReaderHandle;
    try {
      reader = await ctx.teamFolder.openRead(path);
    } catch (error) {
      throw asFileError(error, 'membaca', log);
    }
    return { handle: scope.addReader(reader), size: reader.size };
  });

  register('team-folder:write-open', async ({ path }, event) => {
    const scope = scopes.for(event.sender);
    scope.assertRoom();
    let writer: AtomicWriter;
    try {
      writer = await ctx.teamFolder.beginWrite(path);
    } catch (error) {
      throw asFileError(error, 'menyimpan', log);
    }
    return { handle: scope.addWriter({ writer, purpose: 'save' }) };
  });

  register('team-folder:watch', async (_input, event) => {
    watchFor(event.sender);
    await ctx.teamFolder.watchReady();
    return null;
  });

  register('team-folder:unwatch', (_input, event) => {
    unwatch(event.sender.id);
    return null;
  });
}
