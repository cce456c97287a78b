/**
 * IPC: the backup folder (backup-store.ts). Backups are written through the same streamed,
 * atomic write as any save (backup:write-open, then file:write ... file:write-commit); the
 * commit rotates the folder to the newest N. The handlers are registered before the first
 * window loads, so the renderer can take a backup at start-up, before a database upgrade.
 */
import type { BackupLocation } from '../../../shared/ipc/contract';
import type { MainContext } from '../context';
import { asFileError } from '../errors';
import type { AtomicWriter } from '../files/atomic-writer';
import type { FileReaderHandle } from '../files/file-reader';
import type { Register } from './handle';

export function registerBackupHandlers(register: Register, ctx: MainContext): void {
  const { backups, scopes, log } = ctx;
  const location = (): BackupLocation => ({ path: backups.dir, keep: backups.keep });

  register('backup:location', location);

  register('backup:configure', async ({ keep }) => {
    try {
      // Saved first: a number that could not be saved must not rotate the folder later either.
      await ctx.saveSettings({ backupsKept: keep });
      backups.setKeep(keep);
      await backups.rotate();
    } catch (error) {
      throw asFileError(error, 'menyimpan', log);
    }
    return location();
  });

  register('backup:list', async () => {
    try {
      return await backups.list();
    } catch (error) {
      throw asFileError(error, 'membaca', log);
    }
  });

  register('backup:read-open', async ({ name }, event) => {
    const scope = scopes.for(event.sender);
    scope.assertRoom();
    let reader: FileReaderHandle;
    try {
      reader = await backups.openRead(name);
    } catch (error) {
      throw asFileError(error, 'membaca', log);
    }
    return { handle: scope.addReader(reader), size: reader.size };
  });

  register('backup:write-open', async ({ name }, event) => {
    const scope = scopes.for(event.sender);
    scope.assertRoom();
    let writer: AtomicWriter;
    try {
      writer = await backups.beginWrite(name);
    } catch (error) {
      throw asFileError(error, 'menyimpan', log);
    }
    const handle = scope.addWriter({
      writer,
      purpose: 'backup',
      afterCommit: async () => {
        await backups.rotate();
      },
    });
    return { handle };
  });

  register('backup:remove', async ({ name }) => {
    try {
      await backups.remove(name);
    } catch (error) {
      throw asFileError(error, 'menghapus', log);
    }
    return null;
  });
}
