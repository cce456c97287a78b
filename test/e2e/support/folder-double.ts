/**
 * A test double of the browser's directory picker for e2e scenarios with a team folder: every
 * browser context ("laptop") that installs it gets a `showDirectoryPicker` whose directory is ONE
 * real temporary folder on this machine, shared by all of them. The handles in the page call back
 * into Node (`exposeFunction`), which lists, reads and writes the folder (writes atomically: a
 * temporary file renamed into place, as the browser's `createWritable` does). Per laptop the test
 * can take the folder away (`offline`, an unplugged share) or keep the laptop's writes aside
 * (`divert`, to put them into the folder itself, e.g. cut off first).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

export interface FolderControl {
  /** The folder cannot be reached from this laptop. */
  offline: boolean;
  /** This laptop's writes are kept in `diverted` instead of the folder. */
  divert: boolean;
  diverted: Map<string, Buffer>;
}

interface EntryInfo {
  name: string;
  kind: 'file' | 'directory';
}

/** Resolves a path relative to the folder, refusing anything outside it. */
function inside(root: string, relative: string): string {
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) throw new Error('Di luar folder tim');
  return full;
}

export async function installFolderDouble(
  context: BrowserContext,
  root: string,
  label = 'Folder Tim Balikpapan',
): Promise<FolderControl> {
  const control: FolderControl = { offline: false, divert: false, diverted: new Map() };
  const reachable = () => {
    if (control.offline) throw new Error('Folder tidak dapat dijangkau (share terputus)');
  };
  await context.exposeFunction('__teamFolderEntries', (dir: string): EntryInfo[] => {
    reachable();
    return readdirSync(inside(root, dir), { withFileTypes: true })
      .filter((d) => !d.name.endsWith('.tmp'))
      .map((d) => ({ name: d.name, kind: d.isDirectory() ? 'directory' : 'file' }));
  });
  await context.exposeFunction('__teamFolderStat', (file: string) => {
    reachable();
    try {
      const s = statSync(inside(root, file));
      return s.isDirectory()
        ? { kind: 'directory' }
        : { kind: 'file', size: s.size, mtime: Math.floor(s.mtimeMs) };
    } catch {
      return null;
    }
  });
  await context.exposeFunction('__teamFolderRead', (file: string): string => {
    reachable();
    return readFileSync(inside(root, file)).toString('base64');
  });
  await context.exposeFunction('__teamFolderMkdir', (dir: string): void => {
    reachable();
    mkdirSync(inside(root, dir), { recursive: true });
  });
  await context.exposeFunction('__teamFolderWrite', (file: string, base64: string): void => {
    reachable();
    const bytes = Buffer.from(base64, 'base64');
    if (control.divert) {
      control.diverted.set(file, bytes);
      return;
    }
    const target = inside(root, file);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  });

  await context.addInitScript((folderLabel: string) => {
    type Stat = { kind: 'file'; size: number; mtime: number } | { kind: 'directory' } | null;
    const api = window as unknown as {
      __teamFolderEntries(dir: string): Promise<{ name: string; kind: 'file' | 'directory' }[]>;
      __teamFolderStat(file: string): Promise<Stat>;
      __teamFolderRead(file: string): Promise<string>;
      __teamFolderMkdir(dir: string): Promise<void>;
      __teamFolderWrite(file: string, base64: string): Promise<void>;
    };
    const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
    const notFound = (name: string) => new DOMException(`${name} tidak ditemukan`, 'NotFoundError');
    const toBase64 = (bytes: Uint8Array) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(text);
    };

    class FileHandleDouble {
      readonly kind = 'file';
      constructor(
        readonly path: string,
        readonly name: string,
      ) {}
      async getFile(): Promise<File> {
        const stat = await api.__teamFolderStat(this.path);
        if (!stat || stat.kind !== 'file') throw notFound(this.name);
        const base64 = await api.__teamFolderRead(this.path);
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        return new File([bytes], this.name, { lastModified: stat.mtime });
      }
      async createWritable() {
        const chunks: Uint8Array[] = [];
        const path = this.path;
        return {
          async write(chunk: Uint8Array) {
            chunks.push(chunk.slice());
          },
          async close() {
            const size = chunks.reduce((n, c) => n + c.byteLength, 0);
            const all = new Uint8Array(size);
            let at = 0;
            for (const c of chunks) {
              all.set(c, at);
              at += c.byteLength;
            }
            await api.__teamFolderWrite(path, toBase64(all));
          },
          async abort() {
            chunks.length = 0;
          },
        };
      }
    }

    class DirectoryHandleDouble {
      readonly kind = 'directory';
      constructor(
        readonly path: string,
        readonly name: string,
      ) {}
      async *values() {
        for (const e of await api.__teamFolderEntries(this.path)) {
          const at = join(this.path, e.name);
          yield e.kind === 'directory'
            ? new DirectoryHandleDouble(at, e.name)
            : new FileHandleDouble(at, e.name);
        }
      }
      async getDirectoryHandle(name: string, options?: { create?: boolean }) {
        const at = join(this.path, name);
        const stat = await api.__teamFolderStat(at);
        if (!stat) {
          if (!options?.create) throw notFound(name);
          await api.__teamFolderMkdir(at);
        } else if (stat.kind !== 'directory') throw new DOMException(name, 'TypeMismatchError');
        return new DirectoryHandleDouble(at, name);
      }
      async getFileHandle(name: string, options?: { create?: boolean }) {
        const at = join(this.path, name);
        const stat = await api.__teamFolderStat(at);
        if (!stat && !options?.create) throw notFound(name);
        if (stat && stat.kind !== 'file') throw new DOMException(name, 'TypeMismatchError');
        return new FileHandleDouble(at, name);
      }
      async queryPermission() {
        return 'granted';
      }
      async requestPermission() {
        return 'granted';
      }
    }

    Object.defineProperty(window, 'showDirectoryPicker', {
      configurable: true,
      value: async () => new DirectoryHandleDouble('', folderLabel),
    });
  }, label);
  return control;
}
