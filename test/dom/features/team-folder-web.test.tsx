/**
 * The browser's team folder (platform/web-team-folder.ts) over an in-memory directory handle:
 * unsupported without `showDirectoryPicker`; choosing asks for read-write permission and
 * remembers the folder; lists `.spbe` files at most one folder deep; writes create the sub-folder
 * and commit only on close (a failed write leaves the old file); paths leaving the folder are
 * refused; after a restart without permission the browser must ask again; forget forgets.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  folderOverHandle,
  teamFolderPathParts,
  webTeamFolder,
} from '../../../renderer/src/platform/web-team-folder';

const notFound = () => new DOMException('tidak ada', 'NotFoundError');

class MemoryFile {
  readonly kind = 'file';
  constructor(
    readonly name: string,
    readonly parent: MemoryDirectory,
  ) {}
  async getFile(): Promise<File> {
    const bytes = this.parent.files.get(this.name);
    if (!bytes) throw notFound();
    return new File([bytes.data], this.name, { lastModified: bytes.at });
  }
  async createWritable() {
    const chunks: Uint8Array[] = [];
    return {
      write: async (chunk: Uint8Array) => void chunks.push(chunk.slice()),
      close: async () => {
        this.parent.files.set(this.name, { data: new Blob(chunks as BlobPart[]), at: Date.now() });
      },
      abort: async () => void (chunks.length = 0),
    };
  }
}

class MemoryDirectory {
  readonly kind = 'directory';
  files = new Map<string, { data: Blob; at: number }>();
  dirs = new Map<string, MemoryDirectory>();
  permission: PermissionState = 'granted';
  reachable = true;
  constructor(readonly name: string) {}
  async *values() {
    if (!this.reachable) throw new DOMException('hilang', 'NotFoundError');
    for (const name of this.dirs.keys()) yield this.dirs.get(name)!;
    for (const name of this.files.keys()) yield new MemoryFile(name, this);
  }
  async getDirectoryHandle(name: string, options?: { create?: boolean }) {
    let dir = this.dirs.get(name);
    if (!dir) {
      if (!options?.create) throw notFound();
      dir = new MemoryDirectory(name);
      this.dirs.set(name, dir);
    }
    return dir;
  }
  async getFileHandle(name: string, options?: { create?: boolean }) {
    if (!this.files.has(name) && !options?.create) throw notFound();
    return new MemoryFile(name, this);
  }
  async queryPermission() {
    return this.permission;
  }
  async requestPermission() {
    this.permission = 'granted';
    return this.permission;
  }
}

const put = (dir: MemoryDirectory, name: string, text: string) =>
  dir.files.set(name, { data: new Blob([text]), at: 1_000 });

const writer =
  (text: string, fail = false) =>
  async (sink: WritableStream<Uint8Array>) => {
    const w = sink.getWriter();
    await w.write(new TextEncoder().encode(text));
    if (fail) throw new Error('penulisan gagal');
    await w.close();
  };

let root: MemoryDirectory;
const global = globalThis as { showDirectoryPicker?: unknown };

beforeEach(async () => {
  root = new MemoryDirectory('Folder Tim');
  await webTeamFolder.forget();
});
afterEach(() => {
  delete global.showDirectoryPicker;
});

describe('web team folder', () => {
  it('is not supported without showDirectoryPicker', async () => {
    delete global.showDirectoryPicker;
    expect(webTeamFolder.supported).toBe(false);
    expect(await webTeamFolder.choose()).toBeNull();
  });

  it('chooses, remembers, lists, reads and writes atomically', async () => {
    const asked: unknown[] = [];
    global.showDirectoryPicker = async (options: unknown) => {
      asked.push(options);
      return root;
    };
    expect(webTeamFolder.supported).toBe(true);
    const folder = await webTeamFolder.choose();
    expect(asked).toEqual([expect.objectContaining({ mode: 'readwrite' })]);
    expect(folder?.label).toBe('Folder Tim');

    const written = await folder!.write('Kota 2025 (abc)/Ani.spbe', writer('isi pertama'));
    expect(written.size).toBe('isi pertama'.length);
    put(root, 'lepas.spbe', 'x');
    put(root, 'catatan.txt', 'bukan berkas tim');
    put(root, '.tersembunyi.spbe', 'x');
    const deep = await (
      await root.getDirectoryHandle('Kota 2025 (abc)')
    ).getDirectoryHandle('a', {
      create: true,
    });
    put(deep, 'terlalu-dalam.spbe', 'x');

    expect((await folder!.list()).map((e) => e.path)).toEqual([
      'Kota 2025 (abc)/Ani.spbe',
      'lepas.spbe',
    ]);
    const read = await folder!.read('Kota 2025 (abc)/Ani.spbe');
    expect(await (await read.blob()).text()).toBe('isi pertama');

    // A failed write leaves the previous file as it was.
    await expect(
      folder!.write('Kota 2025 (abc)/Ani.spbe', writer('setengah', true)),
    ).rejects.toThrow('penulisan gagal');
    const again = await folder!.read('Kota 2025 (abc)/Ani.spbe');
    expect(await (await again.blob()).text()).toBe('isi pertama');

    const remembered = await webTeamFolder.remembered();
    expect(remembered.state).toBe('ready');
  });

  it('refuses paths that leave the folder or are not team files', async () => {
    for (const bad of ['../x.spbe', 'a/b/c.spbe', '/x.spbe', 'a\\b.spbe', 'x.txt', 'a//b.spbe']) {
      expect(() => teamFolderPathParts(bad)).toThrow(/tidak berlaku di folder tim/);
    }
    expect(teamFolderPathParts('Kota 2025 (abc)/Ani.spbe')).toEqual([
      'Kota 2025 (abc)',
      'Ani.spbe',
    ]);
    await expect(folderOverHandle(root as never).write('../x.spbe', writer('x'))).rejects.toThrow(
      /tidak berlaku/,
    );
  });

  it('asks again for permission, says when the folder is missing, and forgets', async () => {
    global.showDirectoryPicker = async () => root;
    await webTeamFolder.choose();
    root.permission = 'prompt';
    expect(await webTeamFolder.remembered()).toEqual({
      state: 'needs-permission',
      label: 'Folder Tim',
    });
    const granted = await webTeamFolder.grant();
    expect(granted?.label).toBe('Folder Tim');
    root.reachable = false;
    const missing = await webTeamFolder.remembered();
    expect(missing.state).toBe('missing');
    expect(missing.state === 'missing' && missing.reason).toMatch(/tidak dapat dijangkau/);
    root.reachable = true;
    await expect(folderOverHandle(root as never).list()).resolves.toEqual([]);
    await webTeamFolder.forget();
    expect(await webTeamFolder.remembered()).toEqual({ state: 'none' });
  });
});
