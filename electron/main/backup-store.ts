/**
 * The desktop's backup folder (Documents/Evaluasi SPBE/Cadangan): `.spbe` backups written
 * atomically, listed newest first, read as streams, and rotated so that only the newest N are
 * kept. What goes into a backup (the evaluations exported as a bundle) is the renderer's
 * business; this store only keeps the files. Only names matching BACKUP_NAME_PATTERN are ever
 * listed, read, written or deleted, so other files the user puts in the folder are left alone.
 */
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_NAME_PATTERN,
  DEFAULT_BACKUPS_KEPT,
  type BackupEntryInfo,
} from '../../shared/ipc/contract';
import { UserFacingError } from './errors';
import { AtomicWriter, removeStaleTemps } from './files/atomic-writer';
import { FileReaderHandle } from './files/file-reader';

export class BackupFolder {
  private keepCount: number;

  constructor(
    readonly dir: string,
    keep: number = DEFAULT_BACKUPS_KEPT,
    private readonly log: (message: string) => void = console.warn,
  ) {
    this.keepCount = BackupFolder.validKeep(keep);
  }

  private static validKeep(keep: number): number {
    return Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_BACKUPS_KEPT;
  }

  get keep(): number {
    return this.keepCount;
  }

  /** Changes how many backups are kept; the surplus goes at the next rotation. */
  setKeep(keep: number): void {
    this.keepCount = BackupFolder.validKeep(keep);
  }

  /** The full path of a backup; refuses any name that is not a plain backup file name. */
  pathFor(name: string): string {
    if (!BACKUP_NAME_PATTERN.test(name) || name !== path.basename(name)) {
      throw new UserFacingError('Nama berkas cadangan tidak sah.');
    }
    return path.join(this.dir, name);
  }

  /** Backups, newest first. An absent folder is an empty list. */
  async list(): Promise<BackupEntryInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: BackupEntryInfo[] = [];
    for (const name of names) {
      if (!BACKUP_NAME_PATTERN.test(name)) continue;
      try {
        const info = await stat(path.join(this.dir, name));
        if (info.isFile()) entries.push({ name, size: info.size, createdAt: info.mtimeMs });
      } catch {
        // Removed between readdir and stat: not a backup any more.
      }
    }
    return entries.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
  }

  async openRead(name: string): Promise<FileReaderHandle> {
    try {
      return await FileReaderHandle.open(this.pathFor(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new UserFacingError({
          code: 'notFound',
          action: 'membaca',
          detail: `Cadangan "${name}" tidak ditemukan.`,
        });
      }
      throw error;
    }
  }

  /** Starts an atomic write of a backup (the folder is created when missing). */
  async beginWrite(name: string): Promise<AtomicWriter> {
    const target = this.pathFor(name);
    await mkdir(this.dir, { recursive: true });
    await removeStaleTemps(this.dir);
    return AtomicWriter.create(target);
  }

  async remove(name: string): Promise<void> {
    try {
      await unlink(this.pathFor(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /** Deletes all but the newest `keep` backups; returns the names removed. */
  async rotate(): Promise<string[]> {
    const surplus = (await this.list()).slice(this.keepCount);
    const removed: string[] = [];
    for (const entry of surplus) {
      try {
        await unlink(path.join(this.dir, entry.name));
        removed.push(entry.name);
      } catch (error) {
        this.log(`Cadangan lama ${entry.name} tidak dapat dihapus: ${String(error)}`);
      }
    }
    return removed;
  }
}
