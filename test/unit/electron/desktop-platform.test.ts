/**
 * The renderer's desktop platform end to end without Electron: the real preload (over the
 * mocked ipcRenderer), the real main handlers (over the mocked ipcMain) and real files in a
 * temporary folder. Payloads and replies are structured-cloned as IPC does.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CHUNK_BYTES, READ_CHUNK_BYTES, type DesktopApi } from '../../../shared/ipc/contract';
import { registerIpc } from '../../../electron/main/ipc';
import { AtomicWriter } from '../../../electron/main/files/atomic-writer';
import { createDesktopPlatform, IpcFailure } from '../../../renderer/src/platform/desktop';
import type { Platform } from '../../../renderer/src/platform/types';
import {
  contextBridge,
  dialog,
  fakeEvent,
  invoke,
  ipcMain,
  ipcRenderer,
  shell,
} from './electron-mock';
import { makeContext, type TestContext } from './main-context';

vi.mock('electron', () => import('./electron-mock'));

let api: DesktopApi;
let ctx: TestContext;
let platform: Platform;
let openedListeners: (() => void)[] = [];

beforeAll(async () => {
  await import('../../../electron/preload/index');
  api = contextBridge.exposeInMainWorld.mock.calls[0]![1] as DesktopApi;
});

beforeEach(async () => {
  ctx = await makeContext(2);
  ipcMain.handlers.clear();
  registerIpc(ipcMain, ctx);
  vi.clearAllMocks();
  openedListeners = [];
  const event = fakeEvent('app://spbe/index.html', ctx.main.webContents);
  ipcRenderer.invoke.mockImplementation(async (channel: unknown, payload: unknown) =>
    structuredClone(await invoke(channel as string, event, structuredClone(payload))),
  );
  ipcRenderer.on.mockImplementation((_channel: unknown, listener: unknown) => {
    openedListeners.push(listener as () => void);
  });
  platform = createDesktopPlatform(api);
});

afterEach(async () => {
  await ctx.scopes.disposeAll();
  await ctx.cleanup();
});

const pattern = (size: number, seed = 3): Uint8Array => {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 13 + seed) & 0xff;
  return out;
};

const collect = async (stream: ReadableStream<Uint8Array>) => {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return chunks;
};

describe('saveFile', () => {
  it('streams the content into the chosen file, splitting large chunks', async () => {
    const target = path.join(ctx.root, 'Ekspor.spbe');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const big = pattern(MAX_CHUNK_BYTES + 1000);
    const small = pattern(3 * 1024 * 1024, 9);
    const saved = await platform.saveFile(
      { kind: 'bundle', suggestedName: 'Ekspor.spbe', title: 'Simpan berkas evaluasi' },
      async (sink) => {
        const writer = sink.getWriter();
        await writer.write(small);
        await writer.write(big.subarray(500)); // a view into a larger buffer
        await writer.close();
      },
    );
    expect(saved).toEqual({
      name: 'Ekspor.spbe',
      path: target,
      size: small.length + big.length - 500,
    });
    const written = await readFile(target);
    expect(written.equals(Buffer.concat([small, big.subarray(500)]))).toBe(true);
    const writes = ipcRenderer.invoke.mock.calls.filter(([c]) => c === 'file:write');
    expect(writes.length).toBe(3);
    for (const [, payload] of writes) {
      expect((payload as { data: Uint8Array }).data.byteLength).toBeLessThanOrEqual(
        MAX_CHUNK_BYTES,
      );
    }
  });

  it('a writer that fails leaves no file and rethrows its error', async () => {
    const target = path.join(ctx.root, 'gagal.spbe');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(
      platform.saveFile(
        { kind: 'bundle', suggestedName: 'x.spbe', title: 'Simpan' },
        async (sink) => {
          const writer = sink.getWriter();
          await writer.write(pattern(1000));
          throw new Error('Ekspor gagal: data rusak');
        },
      ),
    ).rejects.toThrow('Ekspor gagal: data rusak');
    expect(await readdir(ctx.root)).toEqual([]);
  });

  it('a cancelled save (AbortSignal) leaves no file', async () => {
    const target = path.join(ctx.root, 'batal.spbe');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const controller = new AbortController();
    await expect(
      platform.saveFile(
        { kind: 'bundle', suggestedName: 'x.spbe', title: 'Simpan' },
        async (sink, signal) => {
          const writer = sink.getWriter();
          await writer.write(pattern(1000));
          controller.abort(new DOMException('Dibatalkan pengguna', 'AbortError'));
          signal.throwIfAborted();
        },
        controller.signal,
      ),
    ).rejects.toThrow('Dibatalkan pengguna');
    expect(await readdir(ctx.root)).toEqual([]);
  });

  it('resolves null when the user cancels the dialog, without calling the writer', async () => {
    const writer = vi.fn();
    await expect(
      platform.saveFile({ kind: 'pdf', suggestedName: 'a.pdf', title: 'Simpan' }, writer),
    ).resolves.toBeNull();
    expect(writer).not.toHaveBeenCalled();
  });

  it('reports a main-side failure with its Indonesian message', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: path.join(ctx.root, 'tidak-ada', 'x.spbe'),
    });
    await expect(
      platform.saveFile(
        { kind: 'bundle', suggestedName: 'x.spbe', title: 'Simpan' },
        async () => undefined,
      ),
    ).rejects.toThrow(
      'Berkas atau folder tidak ditemukan. Mungkin sudah dipindahkan atau dihapus.',
    );
  });
});

describe('coded errors from main', () => {
  it('a full disk (ENOSPC) arrives as diskFull and reads "Ruang penyimpanan penuh…"; no file remains', async () => {
    const target = path.join(ctx.root, 'penuh.spbe');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const noSpace = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    const write = vi.spyOn(AtomicWriter.prototype, 'write').mockRejectedValueOnce(noSpace);
    try {
      const failure = await platform
        .saveFile({ kind: 'bundle', suggestedName: 'x.spbe', title: 'Simpan' }, async (sink) => {
          const writer = sink.getWriter();
          await writer.write(pattern(1000));
          await writer.close();
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(IpcFailure);
      expect((failure as IpcFailure).error).toEqual({ code: 'diskFull', action: 'menyimpan' });
      expect((failure as IpcFailure).message).toBe(
        'Ruang penyimpanan penuh. Berkas tidak disimpan; kosongkan ruang lalu coba lagi.',
      );
    } finally {
      write.mockRestore();
    }
    expect(await readdir(ctx.root)).toEqual([]);
  });

  it("a missing file keeps its code, and main's own wording when it has one", async () => {
    const failure = await platform.backups.read('cadangan-2026-11-20-080000-harian.spbe').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as IpcFailure).error.code).toBe('notFound');
    expect((failure as IpcFailure).message).toBe(
      'Cadangan "cadangan-2026-11-20-080000-harian.spbe" tidak ditemukan.',
    );
  });

  it('an error main did not word by the contract reads as an internal failure', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: 'teks lama dari main' });
    const failure = await platform.backups.list().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as IpcFailure).error).toEqual({ code: 'internal' });
    expect((failure as IpcFailure).message).toBe(
      'Terjadi kesalahan pada aplikasi. Silakan coba lagi.',
    );
  });
});

describe('pickFiles', () => {
  it('reads a picked file as a stream of bounded chunks, and as a Blob', async () => {
    const file = path.join(ctx.root, 'bukti.pdf');
    const bytes = pattern(READ_CHUNK_BYTES * 2 + 77);
    await writeFile(file, bytes);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const [picked] = (await platform.pickFiles({
      kind: 'evidence',
      multiple: true,
      title: 'Pilih bukti',
    }))!;
    expect(picked).toMatchObject({
      name: 'bukti.pdf',
      size: bytes.length,
      type: 'application/pdf',
    });
    const chunks = await collect(picked!.stream());
    expect(chunks.map((c) => c.byteLength)).toEqual([READ_CHUNK_BYTES, READ_CHUNK_BYTES, 77]);
    expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
    expect(ctx.scopes.peek(ctx.main.webContents.id)?.openHandles).toBe(0);
    const blob = await picked!.blob();
    expect(blob.type).toBe('application/pdf');
    expect(blob.size).toBe(bytes.length);
  });

  it('closes the file when the reader stops early', async () => {
    const file = path.join(ctx.root, 'besar.zip');
    await writeFile(file, pattern(READ_CHUNK_BYTES * 3));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const [picked] = (await platform.pickFiles({
      kind: 'evidence',
      multiple: false,
      title: 'Pilih',
    }))!;
    const reader = picked!.stream().getReader();
    await reader.read();
    expect(ctx.scopes.peek(ctx.main.webContents.id)?.openHandles).toBe(1);
    await reader.cancel();
    expect(ctx.scopes.peek(ctx.main.webContents.id)?.openHandles).toBe(0);
  });

  it('resolves null when the user cancels', async () => {
    await expect(
      platform.pickFiles({ kind: 'bundle', multiple: false, title: 'Pilih' }),
    ).resolves.toBeNull();
  });
});

describe('backups', () => {
  const text = (s: string) => async (sink: WritableStream<Uint8Array>) => {
    const writer = sink.getWriter();
    await writer.write(new TextEncoder().encode(s));
    await writer.close();
  };

  it('writes, lists newest first, reads back, rotates and removes', async () => {
    await platform.backups.write('cadangan-2026-11-20-080000-harian.spbe', text('satu'));
    await new Promise((r) => setTimeout(r, 15));
    await platform.backups.write('cadangan-2026-11-21-080000-harian.spbe', text('dua'));
    await new Promise((r) => setTimeout(r, 15));
    const entry = await platform.backups.write(
      'cadangan-2026-11-22-080000-harian.spbe',
      text('tiga'),
    );
    expect(entry).toMatchObject({ name: 'cadangan-2026-11-22-080000-harian.spbe', size: 4 });
    const list = await platform.backups.list();
    expect(list.map((e) => e.name)).toEqual([
      'cadangan-2026-11-22-080000-harian.spbe',
      'cadangan-2026-11-21-080000-harian.spbe',
    ]);
    const read = await platform.backups.read('cadangan-2026-11-21-080000-harian.spbe');
    expect(await (await read.blob()).text()).toBe('dua');
    await platform.backups.remove('cadangan-2026-11-21-080000-harian.spbe');
    expect((await platform.backups.list()).length).toBe(1);
    await expect(platform.backups.read('cadangan-2026-11-21-080000-harian.spbe')).rejects.toThrow(
      /tidak ditemukan/,
    );
  });

  it('reads and changes how many backups are kept (through backup:configure)', async () => {
    const initial = await platform.backups.keep();
    expect(initial).toBeGreaterThanOrEqual(1);
    await expect(platform.backups.setKeep(3)).resolves.toBe(3);
    await expect(platform.backups.keep()).resolves.toBe(3);
    await expect(platform.backups.setKeep(0)).rejects.toThrow();
    await platform.backups.setKeep(initial);
  });

  it('refuses a name that is not a backup name', async () => {
    await expect(platform.backups.write('../keluar.spbe', text('x'))).rejects.toThrow(/tidak sah/);
  });
});

describe('documents, links and print', () => {
  it('opens a document from a temporary copy', async () => {
    const blob = new Blob(['%PDF bukti'], { type: 'application/pdf' });
    await platform.openDocument({ name: 'Bukti 1.pdf', type: 'application/pdf', blob });
    const opened = shell.openPath.mock.calls[0]![0];
    expect(path.basename(opened)).toBe('Bukti 1.pdf');
    expect(await readFile(opened, 'utf8')).toBe('%PDF bukti');
  });

  it('refuses to open an executable in Indonesian', async () => {
    const blob = new Blob(['MZ']);
    await expect(platform.openDocument({ name: 'a.exe', type: '', blob })).rejects.toThrow(
      /demi keamanan/,
    );
  });

  it('opens an external link only after confirmation', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await platform.openExternalLink('https://spbe.go.id/');
    expect(shell.openExternal).toHaveBeenCalledWith('https://spbe.go.id/');
  });

  it('prints a route to the PDF file the user picks', async () => {
    const target = path.join(ctx.root, 'Laporan.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const saved = await platform.printToPdf({
      route: 'laporan/1',
      suggestedName: 'Laporan.pdf',
      title: 'Laporan',
    });
    expect(saved).toMatchObject({ name: 'Laporan.pdf', path: target });
    expect((await readFile(target, 'utf8')).startsWith('%PDF')).toBe(true);
  });

  it('describes where data and backups live', async () => {
    const info = await platform.info();
    expect(info.kind).toBe('desktop');
    expect(info.backupLocation).toBe(`Folder cadangan: ${ctx.backups.dir}`);
  });
});

describe('onOpenFile', () => {
  it('keeps a file that arrived before anyone listened, and delivers later ones on the event', async () => {
    const early = path.join(ctx.root, 'awal.spbe');
    await writeFile(early, 'awal');
    ctx.opened.add([early]);
    const fresh = createDesktopPlatform(api); // takes the waiting file at start-up
    await new Promise((r) => setTimeout(r, 10));
    const received: string[] = [];
    const unsubscribe = fresh.onOpenFile((file) => received.push(file.name));
    expect(received).toEqual(['awal.spbe']);

    const late = path.join(ctx.root, 'kemudian.spbe');
    await writeFile(late, 'kemudian');
    ctx.opened.add([late]);
    // Only `fresh` listens here (the platform made in beforeEach would take the file too).
    openedListeners.at(-1)!();
    await vi.waitFor(() => expect(received).toEqual(['awal.spbe', 'kemudian.spbe']));
    unsubscribe();
  });
});
