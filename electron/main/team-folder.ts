/**
 * The team folder on the desktop (issue 15): the folder the user chose, remembered in
 * settings.json, holding one `.spbe` per assessor at "<evaluasi>/<asesor>.spbe". This module
 * owns what main does in it: checking every relative path the renderer names (it can never
 * leave the folder or go deeper than one sub-folder), a bounded listing that skips temporary
 * files of our writer and of sync clients, streamed reads, atomic writes (temporary file in the
 * same sub-folder, renamed into place) and telling apart "no folder" from "folder unreachable"
 * (an unplugged share), where nothing is created. Watching lives in team-folder-watch.ts.
 */
import { constants, type Stats } from 'node:fs';
import { access, lstat, mkdir, opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TeamFolderFile, TeamFolderState } from '../../shared/ipc/contract';
import { UserFacingError } from './errors';
import { AtomicWriter, isTempName, removeStaleTemps } from './files/atomic-writer';
import { FileReaderHandle } from './files/file-reader';
import { safeFileName } from './files/safe-name';
import { FolderWatcher, type FolderWatcherOptions } from './team-folder-watch';

/** The listing stops after this many `.spbe` files. */
export const MAX_TEAM_FOLDER_ENTRIES = 2000;
/** ... and after looking at this many names in all (a folder full of other things). */
export const MAX_TEAM_FOLDER_SCANNED = 20_000;

export const NO_TEAM_FOLDER_MESSAGE = 'Folder tim belum dipilih. Pilih folder tim di Pengaturan.';
export const INVALID_TEAM_PATH_MESSAGE =
  'Nama berkas di folder tim tidak sah. Yang diterima hanya "<folder evaluasi>/<nama asesor>.spbe" di dalam folder tim.';
export const NOT_A_FOLDER_MESSAGE = 'Yang dipilih bukan sebuah folder. Pilih folder tim.';
export const NOT_WRITABLE_MESSAGE =
  'Aplikasi tidak dapat menulis di folder ini. Pilih folder lain atau periksa izin foldernya.';

const SPBE = /\.spbe$/i;

/**
 * A plain file or folder name: already safe on every system (safeFileName leaves it as is, so
 * no separator, reserved device name, control character, leading or trailing dot or space, or
 * over-long name), and not hidden or a sync client's lock file ("~$x", ".syncthing.x.tmp").
 */
function isPlainName(name: string): boolean {
  return (
    name.length > 0 &&
    safeFileName(name) === name &&
    !name.startsWith('.') &&
    !name.startsWith('~') &&
    !isTempName(name)
  );
}

/** Whether a file name in the folder is one of the team's `.spbe` files. */
export const isTeamFileName = (name: string): boolean => SPBE.test(name) && isPlainName(name);

/**
 * The segments of a relative team path "<evaluasi>/<asesor>.spbe" (or "<asesor>.spbe"), or a
 * UserFacingError for anything else: absolute paths, "..", backslashes, reserved Windows names,
 * more than one folder deep, not ending in .spbe, over-long names.
 */
export function teamPathSegments(relative: string): string[] {
  const segments = relative.split('/');
  const file = segments.at(-1) ?? '';
  if (segments.length > 2 || !segments.every(isPlainName) || !isTeamFileName(file)) {
    throw new UserFacingError(INVALID_TEAM_PATH_MESSAGE);
  }
  return segments;
}

/** Why a folder cannot be reached, as a sentence the user can act on. */
export function unreachableReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'Folder tidak ditemukan: share jaringan mungkin terputus, diska dilepas, atau folder dipindahkan.';
    case 'ENOTDIR':
      return 'Alamat folder tim bukan lagi sebuah folder.';
    case 'EACCES':
    case 'EPERM':
      return 'Tidak ada izin membuka folder ini.';
    default:
      return 'Folder tidak dapat dibaca saat ini; periksa sambungan jaringan atau diskanya.';
  }
}

export const unreachableMessage = (reason: string): string =>
  `Folder tim tidak dapat dijangkau. ${reason} Pekerjaan tetap tersimpan di komputer ini.`;

const notADirectory = () => Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });

/** Whether `child` is `root` itself or directly inside it (after resolving links). */
async function isInside(root: string, child: string, depth: 0 | 1): Promise<boolean> {
  const relative = path.relative(await realpath(root), await realpath(child));
  if (relative === '') return true;
  return (
    depth === 1 &&
    !relative.startsWith('..') &&
    !path.isAbsolute(relative) &&
    !relative.includes(path.sep)
  );
}

export interface TeamFolderStoreOptions extends Partial<FolderWatcherOptions> {
  log?: (message: string) => void;
}

export class TeamFolderStore {
  private current: string | undefined;
  private readonly watcher: FolderWatcher;
  private readonly log: (message: string) => void;

  constructor(dir: string | undefined, options: TeamFolderStoreOptions = {}) {
    this.current = dir;
    this.log = options.log ?? console.warn;
    this.watcher = new FolderWatcher({ ...options, log: this.log });
    this.watcher.setDir(dir);
  }

  /** The remembered folder's full path, if any. */
  get dir(): string | undefined {
    return this.current;
  }

  /** Remembers another folder (or none); the watcher follows. */
  setDir(dir: string | undefined): void {
    this.current = dir;
    this.watcher.setDir(dir);
  }

  /** Checks a folder the user chose: it must be a folder we may read and write. */
  static async check(dir: string): Promise<void> {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(dir)).isDirectory();
    } catch (error) {
      throw new UserFacingError(unreachableMessage(unreachableReason(error)));
    }
    if (!isDirectory) throw new UserFacingError(NOT_A_FOLDER_MESSAGE);
    try {
      await access(dir, constants.R_OK | constants.W_OK);
    } catch {
      throw new UserFacingError(NOT_WRITABLE_MESSAGE);
    }
  }

  async state(): Promise<TeamFolderState> {
    const dir = this.current;
    if (!dir) return { state: 'none' };
    try {
      if (!(await stat(dir)).isDirectory()) throw notADirectory();
      return { state: 'ready', path: dir };
    } catch (error) {
      return { state: 'missing', path: dir, reason: unreachableReason(error) };
    }
  }

  /** The folder, when one is set and reachable; otherwise an Indonesian UserFacingError. */
  private async root(): Promise<string> {
    const dir = this.current;
    if (!dir) throw new UserFacingError(NO_TEAM_FOLDER_MESSAGE);
    try {
      if (!(await stat(dir)).isDirectory()) throw notADirectory();
    } catch (error) {
      this.log(`Folder tim tidak terjangkau: ${dir}: ${String(error)}`);
      throw new UserFacingError(unreachableMessage(unreachableReason(error)));
    }
    return dir;
  }

  /**
   * Every team file at most one folder deep, sorted by path. Bounded: at most
   * MAX_TEAM_FOLDER_ENTRIES files and MAX_TEAM_FOLDER_SCANNED names looked at.
   */
  async list(): Promise<TeamFolderFile[]> {
    const root = await this.root();
    const files: TeamFolderFile[] = [];
    let scanned = 0;
    const full = () =>
      files.length >= MAX_TEAM_FOLDER_ENTRIES || scanned >= MAX_TEAM_FOLDER_SCANNED;
    const addFile = async (relative: string) => {
      try {
        const info = await lstat(path.join(root, ...relative.split('/')));
        if (info.isFile()) {
          files.push({ path: relative, size: info.size, lastModified: info.mtimeMs });
        }
      } catch {
        // Removed or renamed between the listing and now: not there any more.
      }
    };
    const subfolders: string[] = [];
    try {
      for await (const entry of await opendir(root)) {
        if (full()) break;
        scanned += 1;
        if (entry.isFile() && isTeamFileName(entry.name)) await addFile(entry.name);
        else if (entry.isDirectory() && isPlainName(entry.name)) subfolders.push(entry.name);
      }
    } catch (error) {
      throw new UserFacingError(unreachableMessage(unreachableReason(error)));
    }
    for (const folder of subfolders.sort()) {
      if (full()) break;
      try {
        for await (const entry of await opendir(path.join(root, folder))) {
          if (full()) break;
          scanned += 1;
          if (entry.isFile() && isTeamFileName(entry.name))
            await addFile(`${folder}/${entry.name}`);
        }
      } catch (error) {
        // A sub-folder removed or locked while listing: its files are simply not listed.
        this.log(`Folder tim: sub-folder ${folder} tidak dapat dibaca: ${String(error)}`);
      }
    }
    if (full()) {
      this.log(`Folder tim: daftar dibatasi (${files.length} berkas, ${scanned} nama diperiksa).`);
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The full path of a team file, after checking the relative path and the folder. */
  private async target(relative: string): Promise<{ root: string; file: string }> {
    const segments = teamPathSegments(relative);
    const root = await this.root();
    return { root, file: path.join(root, ...segments) };
  }

  /**
   * A team file that exists as a plain file (not a link) in the folder or one of its
   * sub-folders (not reached through a linked sub-folder).
   */
  private async existingFile(relative: string): Promise<{ file: string; info: Stats }> {
    const { root, file } = await this.target(relative);
    try {
      const info = await lstat(file);
      if (!info.isFile() || !(await isInside(root, path.dirname(file), 1))) {
        throw new UserFacingError(INVALID_TEAM_PATH_MESSAGE);
      }
      return { file, info };
    } catch (error) {
      throw this.fileError(error, relative);
    }
  }

  /** The file's size and time; a UserFacingError when it is not (or no longer) there. */
  async stat(relative: string): Promise<TeamFolderFile> {
    const { info } = await this.existingFile(relative);
    return { path: relative, size: info.size, lastModified: info.mtimeMs };
  }

  async openRead(relative: string): Promise<FileReaderHandle> {
    const { file } = await this.existingFile(relative);
    try {
      return await FileReaderHandle.open(file);
    } catch (error) {
      throw this.fileError(error, relative);
    }
  }

  /**
   * Starts an atomic write; the sub-folder is created when missing, but never the team folder
   * itself (an unplugged share must not silently become a local folder).
   */
  async beginWrite(relative: string): Promise<AtomicWriter> {
    const { root, file } = await this.target(relative);
    const folder = path.dirname(file);
    if (folder !== root) {
      await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    }
    if (!(await isInside(root, folder, 1))) throw new UserFacingError(INVALID_TEAM_PATH_MESSAGE);
    await removeStaleTemps(folder);
    return AtomicWriter.create(file);
  }

  /** Calls `listener` (debounced) when something in the folder may have changed. */
  watch(listener: () => void): () => void {
    return this.watcher.subscribe(listener);
  }

  /** Resolves once watching has started (or found the folder unreachable). */
  watchReady(): Promise<void> {
    return this.watcher.ready();
  }

  /** Whether the folder is being watched right now. */
  get watching(): boolean {
    return this.watcher.active;
  }

  dispose(): void {
    this.watcher.close();
  }

  private fileError(error: unknown, relative: string): unknown {
    if (error instanceof UserFacingError) return error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return new UserFacingError({
        code: 'notFound',
        action: 'membaca',
        detail: `Berkas "${relative}" tidak ada lagi di folder tim.`,
      });
    }
    return error;
  }
}
