/**
 * The team folder in a browser, over the File System Access API (Chromium): the user picks a
 * directory with `showDirectoryPicker({ mode: 'readwrite' })`; its handle is remembered in a small
 * separate IndexedDB database ("evaluasi-spbe-folder-tim"), never in the evaluation database or
 * its backups (a handle belongs to this browser profile only). After a restart the browser asks
 * again for permission (`queryPermission`/`requestPermission`, from a user gesture). Writes go
 * through `createWritable()`, which writes to a swap file and replaces the target only on close,
 * so a teammate never sees a half-written file of ours.
 */
import { Dexie, type EntityTable } from 'dexie';
import { runContentWriter } from './content-writer';
import { pickedFromFile } from './picked-file';
import type { TeamFolder, TeamFolderAccess, TeamFolderEntry } from './types';

/** The parts of the File System Access API used here (not all in TypeScript's DOM lib yet). */
type PermissionMode = { mode: 'read' | 'readwrite' };
interface DirectoryHandle {
  readonly kind: 'directory';
  readonly name: string;
  values(): AsyncIterable<DirectoryHandle | FileHandle>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
  queryPermission?(options: PermissionMode): Promise<PermissionState>;
  requestPermission?(options: PermissionMode): Promise<PermissionState>;
}
interface FileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{
    write(chunk: Uint8Array): Promise<void>;
    close(): Promise<void>;
    abort(): Promise<void>;
  }>;
}
type ShowDirectoryPicker = (options: {
  id?: string;
  mode: 'readwrite';
}) => Promise<DirectoryHandle>;

interface MetaRow {
  key: string;
  value: unknown;
}

class TeamFolderDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  constructor() {
    super('evaluasi-spbe-folder-tim');
    this.version(1).stores({ meta: '&key' });
  }
}

let database: TeamFolderDatabase | undefined;
const db = (): TeamFolderDatabase => (database ??= new TeamFolderDatabase());
const HANDLE_KEY = 'folder';

/** The handle chosen in this session (also when the browser could not store it). */
let current: DirectoryHandle | null = null;

const READWRITE: PermissionMode = { mode: 'readwrite' };

function directoryPicker(): ShowDirectoryPicker | null {
  const picker = (globalThis as { showDirectoryPicker?: ShowDirectoryPicker }).showDirectoryPicker;
  return typeof picker === 'function' ? (options) => picker.call(globalThis, options) : null;
}

const isHandle = (value: unknown): value is DirectoryHandle =>
  typeof value === 'object' &&
  value !== null &&
  (value as DirectoryHandle).kind === 'directory' &&
  typeof (value as DirectoryHandle).getFileHandle === 'function';

const unreachable = (name: string, error: unknown): Error =>
  new Error(
    `Folder tim "${name}" tidak dapat dijangkau${error instanceof Error && error.message ? ` (${error.message})` : ''}.`,
  );

/** Splits a relative path into at most two safe parts ("<evaluasi>/<asesor>.spbe"). */
export function teamFolderPathParts(path: string): string[] {
  const parts = path.split('/');
  const safe =
    parts.length >= 1 &&
    parts.length <= 2 &&
    parts.every((p) => p !== '' && p !== '.' && p !== '..' && !/[\\:\0]/.test(p)) &&
    path.toLowerCase().endsWith('.spbe');
  if (!safe) throw new Error(`Nama berkas "${path}" tidak berlaku di folder tim.`);
  return parts;
}

const isBundleName = (name: string): boolean =>
  name.toLowerCase().endsWith('.spbe') && !name.startsWith('.');

/** A TeamFolder over a directory handle. */
export function folderOverHandle(root: DirectoryHandle): TeamFolder {
  const fileHandle = async (path: string, create: boolean): Promise<FileHandle> => {
    const parts = teamFolderPathParts(path);
    let dir = root;
    if (parts.length === 2) dir = await dir.getDirectoryHandle(parts[0]!, { create });
    return dir.getFileHandle(parts[parts.length - 1]!, { create });
  };
  return {
    label: root.name,
    async list() {
      const entries: TeamFolderEntry[] = [];
      const add = async (handle: FileHandle, prefix: string): Promise<void> => {
        if (!isBundleName(handle.name)) return;
        try {
          const file = await handle.getFile();
          entries.push({
            path: prefix + handle.name,
            size: file.size,
            lastModified: file.lastModified,
          });
        } catch {
          // Removed or replaced between the listing and the look: the next pass sees it.
        }
      };
      try {
        for await (const handle of root.values()) {
          if (handle.kind === 'file') await add(handle, '');
          else if (!handle.name.startsWith('.')) {
            for await (const inner of handle.values()) {
              if (inner.kind === 'file') await add(inner, `${handle.name}/`);
            }
          }
        }
      } catch (error) {
        throw unreachable(root.name, error);
      }
      return entries.sort((a, b) => a.path.localeCompare(b.path));
    },
    async read(path) {
      const handle = await fileHandle(path, false).catch((error: unknown) => {
        throw new Error(
          `Berkas "${path}" tidak ada lagi di folder tim${error instanceof Error ? ` (${error.message})` : ''}.`,
        );
      });
      return pickedFromFile(await handle.getFile());
    },
    async write(path, content, signal) {
      const handle = await fileHandle(path, true).catch((error: unknown) => {
        throw unreachable(root.name, error);
      });
      const writable = await handle.createWritable();
      let size = 0;
      await runContentWriter(
        content,
        {
          write: async (chunk) => {
            await writable.write(chunk);
            size += chunk.byteLength;
          },
          commit: () => writable.close(),
          abort: () => writable.abort(),
        },
        signal,
      );
      return { path, size, lastModified: Date.now() };
    },
  };
}

async function remember(handle: DirectoryHandle): Promise<void> {
  current = handle;
  // A handle the browser cannot store (a test double) is kept for this session only.
  await db()
    .meta.put({ key: HANDLE_KEY, value: handle })
    .catch(() => undefined);
}

async function storedHandle(): Promise<DirectoryHandle | null> {
  if (current) return current;
  const value = (
    await db()
      .meta.get(HANDLE_KEY)
      .catch(() => undefined)
  )?.value;
  return isHandle(value) ? value : null;
}

async function permitted(handle: DirectoryHandle, ask: boolean): Promise<boolean> {
  if (!handle.queryPermission) return true;
  if ((await handle.queryPermission(READWRITE)) === 'granted') return true;
  if (!ask || !handle.requestPermission) return false;
  return (await handle.requestPermission(READWRITE)) === 'granted';
}

export const webTeamFolder: TeamFolderAccess = {
  get supported() {
    return directoryPicker() !== null;
  },
  async choose() {
    const picker = directoryPicker();
    if (!picker) return null;
    let handle: DirectoryHandle;
    try {
      handle = await picker({ id: 'folder-tim', mode: 'readwrite' });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      throw error;
    }
    if (!(await permitted(handle, true))) return null;
    await remember(handle);
    return folderOverHandle(handle);
  },
  async remembered() {
    const handle = await storedHandle();
    if (!handle) return { state: 'none' };
    if (!(await permitted(handle, false))) return { state: 'needs-permission', label: handle.name };
    try {
      // Reachable: the handle still names a directory the browser can read.
      for await (const _ of handle.values()) break;
    } catch (error) {
      return {
        state: 'missing',
        label: handle.name,
        reason: unreachable(handle.name, error).message,
      };
    }
    current = handle;
    return { state: 'ready', folder: folderOverHandle(handle) };
  },
  async grant() {
    const handle = await storedHandle();
    if (!handle || !(await permitted(handle, true))) return null;
    current = handle;
    return folderOverHandle(handle);
  },
  async forget() {
    current = null;
    await db().meta.delete(HANDLE_KEY);
  },
};
