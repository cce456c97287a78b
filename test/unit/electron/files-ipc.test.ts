/**
 * Streamed reading and writing through main with real files in a temporary folder: tokens only
 * for what the user picked, bounded chunks, temporary file + rename on commit, nothing left
 * behind on abort or failure, handles bound to one window and released with it.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_CHUNK_BYTES,
  MAX_OPEN_HANDLES,
  OPENED_FILES_EVENT,
  type IpcError,
} from '../../../shared/ipc/contract';
import { registerIpc } from '../../../electron/main/ipc';
import { STALE_GRANT, STALE_HANDLE } from '../../../electron/main/files/sender-scope';
import { dialog, fakeEvent, FakeWebContents, invoke, ipcMain } from './electron-mock';
import { makeContext, type TestContext } from './main-context';

vi.mock('electron', () => import('./electron-mock'));

const APP = 'app://spbe/index.html';
let ctx: TestContext;

type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: IpcError };
const ok = async <T>(reply: Promise<unknown>): Promise<T> => {
  const r = (await reply) as Reply<T>;
  if (!r.ok) throw new Error(`expected ok, got: ${JSON.stringify(r.error)}`);
  return r.value;
};
const fails = async (reply: Promise<unknown>): Promise<IpcError> => {
  const r = (await reply) as Reply;
  if (r.ok) throw new Error('expected a failure');
  return r.error;
};

/** Deterministic bytes, so content checks catch reordering. */
const pattern = (size: number, seed = 7): Uint8Array => {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
};

beforeEach(async () => {
  ctx = await makeContext();
  ipcMain.handlers.clear();
  registerIpc(ipcMain, ctx);
  vi.clearAllMocks();
});

afterEach(async () => {
  await ctx.scopes.disposeAll();
  await ctx.cleanup();
});

async function pickFile(event: ReturnType<typeof fakeEvent>, file: string) {
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
  const metas = await ok<{ token: string; name: string; size: number; type: string }[]>(
    invoke('dialog:open', event, { kind: 'bundle', multiple: false, title: 'Pilih berkas' }),
  );
  return metas[0]!;
}

async function chooseSaveTarget(event: ReturnType<typeof fakeEvent>, file: string) {
  dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: file });
  return ok<{ token: string; name: string; path: string }>(
    invoke('dialog:save', event, { kind: 'bundle', suggestedName: 'data.spbe', title: 'Simpan' }),
  );
}

describe('dialogs', () => {
  it('open: Indonesian title, the kind filter, and a token (never a path) per file', async () => {
    const file = path.join(ctx.root, 'Evaluasi 2026.spbe');
    await writeFile(file, pattern(100));
    const event = fakeEvent(APP);
    const meta = await pickFile(event, file);
    expect(meta).toEqual({
      token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Evaluasi 2026.spbe',
      size: 100,
      lastModified: expect.any(Number),
      type: 'application/x-spbe',
    });
    expect(JSON.stringify(meta)).not.toContain(ctx.root);
    const options = dialog.showOpenDialog.mock.calls[0]!.at(-1) as Electron.OpenDialogOptions;
    expect(options.title).toBe('Pilih berkas');
    expect(options.filters?.[0]).toEqual({
      name: 'Berkas Evaluasi SPBE (.spbe)',
      extensions: ['spbe'],
    });
    expect(options.filters?.[1]).toEqual({ name: 'Semua berkas', extensions: ['*'] });
    expect(options.properties).toEqual(['openFile']);
  });

  it('open and save resolve null when the user cancels', async () => {
    const event = fakeEvent(APP);
    await expect(
      ok(invoke('dialog:open', event, { kind: 'evidence', multiple: true, title: 'Pilih' })),
    ).resolves.toBeNull();
    await expect(
      ok(invoke('dialog:save', event, { kind: 'pdf', suggestedName: 'a.pdf', title: 'Simpan' })),
    ).resolves.toBeNull();
  });

  it('save: suggests a clean name in Documents, filters by kind, adds a missing extension', async () => {
    const event = fakeEvent(APP);
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: path.join(ctx.root, 'laporan-akhir'),
    });
    const target = await ok<{ name: string; path: string }>(
      invoke('dialog:save', event, {
        kind: 'pdf',
        suggestedName: '../../Laporan: SPBE?.pdf',
        title: 'Simpan laporan PDF',
      }),
    );
    expect(target.name).toBe('laporan-akhir.pdf');
    const options = dialog.showSaveDialog.mock.calls[0]!.at(-1) as Electron.SaveDialogOptions;
    expect(options.title).toBe('Simpan laporan PDF');
    expect(path.basename(options.defaultPath!)).toBe('Laporan_ SPBE_.pdf');
    expect(options.filters).toEqual([{ name: 'Dokumen PDF', extensions: ['pdf'] }]);
  });
});

describe('streamed reading', () => {
  it('reads a file in bounded chunks by offset and closes it', async () => {
    const size = 2 * MAX_CHUNK_BYTES + 12345;
    const file = path.join(ctx.root, 'besar.spbe');
    const bytes = pattern(size);
    await writeFile(file, bytes);
    const event = fakeEvent(APP);
    const meta = await pickFile(event, file);
    const { handle, size: opened } = await ok<{ handle: string; size: number }>(
      invoke('file:read-open', event, { token: meta.token }),
    );
    expect(opened).toBe(size);
    const parts: Uint8Array[] = [];
    for (let offset = 0; offset < size;) {
      const chunk = await ok<Uint8Array>(
        invoke('file:read', event, { handle, offset, length: MAX_CHUNK_BYTES }),
      );
      expect(chunk.byteLength).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
      parts.push(chunk);
      offset += chunk.byteLength;
    }
    expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
    const end = await ok<Uint8Array>(
      invoke('file:read', event, { handle, offset: size, length: 10 }),
    );
    expect(end.byteLength).toBe(0);
    await ok(invoke('file:read-close', event, { handle }));
    expect(await fails(invoke('file:read', event, { handle, offset: 0, length: 1 }))).toEqual(
      STALE_HANDLE,
    );
  });

  it('refuses a token or handle of another window, and an invented token', async () => {
    const file = path.join(ctx.root, 'a.spbe');
    await writeFile(file, 'isi');
    const mine = fakeEvent(APP);
    const other = fakeEvent(APP);
    const meta = await pickFile(mine, file);
    expect(await fails(invoke('file:read-open', other, { token: meta.token }))).toEqual(
      STALE_GRANT,
    );
    const { handle } = await ok<{ handle: string }>(
      invoke('file:read-open', mine, { token: meta.token }),
    );
    expect(await fails(invoke('file:read', other, { handle, offset: 0, length: 3 }))).toEqual(
      STALE_HANDLE,
    );
    expect(
      await fails(
        invoke('file:read-open', mine, { token: '0b7e4a1c-2f3d-4c5e-8a9b-1c2d3e4f5a6b' }),
      ),
    ).toEqual(STALE_GRANT);
  });

  it('says in Indonesian when a picked file disappeared', async () => {
    const file = path.join(ctx.root, 'hilang.spbe');
    await writeFile(file, 'isi');
    const event = fakeEvent(APP);
    const meta = await pickFile(event, file);
    await import('node:fs/promises').then((fs) => fs.unlink(file));
    expect(await fails(invoke('file:read-open', event, { token: meta.token }))).toEqual({
      code: 'notFound',
      action: 'membaca',
    });
  });

  it('limits how many files one window may hold open', async () => {
    const file = path.join(ctx.root, 'a.spbe');
    await writeFile(file, 'isi');
    const event = fakeEvent(APP);
    const meta = await pickFile(event, file);
    for (let i = 0; i < MAX_OPEN_HANDLES; i++) {
      await ok(invoke('file:read-open', event, { token: meta.token }));
    }
    expect(await fails(invoke('file:read-open', event, { token: meta.token }))).toEqual({
      code: 'tooManyHandles',
    });
  });
});

describe('streamed, atomic writing', () => {
  const listDir = async () => (await readdir(ctx.root)).sort();

  it('writes chunks to a temporary file and renames it into place on commit', async () => {
    const target = path.join(ctx.root, 'hasil.spbe');
    const event = fakeEvent(APP);
    const { token } = await chooseSaveTarget(event, target);
    const { handle } = await ok<{ handle: string }>(invoke('file:write-open', event, { token }));
    const bytes = pattern(MAX_CHUNK_BYTES + 500);
    await ok(
      invoke('file:write', event, { handle, offset: 0, data: bytes.subarray(0, MAX_CHUNK_BYTES) }),
    );
    // Mid-write, the target does not exist yet: only a hidden temporary file does.
    expect(await listDir()).toEqual([
      expect.stringMatching(/^\.~hasil\.spbe\.[0-9a-f]+\.sementara$/),
    ]);
    await ok(
      invoke('file:write', event, {
        handle,
        offset: MAX_CHUNK_BYTES,
        data: bytes.slice(MAX_CHUNK_BYTES),
      }),
    );
    const committed = await ok<{ name: string; path: string; size: number }>(
      invoke('file:write-commit', event, { handle }),
    );
    expect(committed).toMatchObject({ name: 'hasil.spbe', path: target, size: bytes.byteLength });
    expect(await listDir()).toEqual(['hasil.spbe']);
    expect((await readFile(target)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('an aborted write leaves no file, and an existing file untouched', async () => {
    const target = path.join(ctx.root, 'lama.spbe');
    await writeFile(target, 'isi lama');
    const event = fakeEvent(APP);
    const { token } = await chooseSaveTarget(event, target);
    const { handle } = await ok<{ handle: string }>(invoke('file:write-open', event, { token }));
    await ok(invoke('file:write', event, { handle, offset: 0, data: pattern(1000) }));
    await ok(invoke('file:write-abort', event, { handle }));
    expect(await listDir()).toEqual(['lama.spbe']);
    expect(await readFile(target, 'utf8')).toBe('isi lama');
    expect(await fails(invoke('file:write-commit', event, { handle }))).toEqual(STALE_HANDLE);
  });

  it('a chunk out of order aborts the write instead of corrupting the file', async () => {
    const target = path.join(ctx.root, 'urutan.spbe');
    const event = fakeEvent(APP);
    const { token } = await chooseSaveTarget(event, target);
    const { handle } = await ok<{ handle: string }>(invoke('file:write-open', event, { token }));
    await ok(invoke('file:write', event, { handle, offset: 0, data: pattern(10) }));
    expect(
      await fails(invoke('file:write', event, { handle, offset: 20, data: pattern(10) })),
    ).toEqual({ code: 'invalid', detail: expect.stringMatching(/tidak berurutan/) });
    expect(await listDir()).toEqual([]);
    expect(await fails(invoke('file:write-commit', event, { handle }))).toEqual(STALE_HANDLE);
  });

  it('a save token is good for one write only, and only for its window', async () => {
    const event = fakeEvent(APP);
    const { token } = await chooseSaveTarget(event, path.join(ctx.root, 'sekali.spbe'));
    expect(await fails(invoke('file:write-open', fakeEvent(APP), { token }))).toEqual(STALE_GRANT);
    await ok(invoke('file:write-open', event, { token }));
    expect(await fails(invoke('file:write-open', event, { token }))).toEqual(STALE_GRANT);
  });

  it('a folder that cannot be written gives an Indonesian message and nothing is created', async () => {
    const event = fakeEvent(APP);
    const { token } = await chooseSaveTarget(event, path.join(ctx.root, 'tidak-ada', 'x.spbe'));
    expect(await fails(invoke('file:write-open', event, { token }))).toEqual({
      code: 'notFound',
      action: 'menyimpan',
    });
    expect(await listDir()).toEqual([]);
  });

  it('when the window goes away, its unfinished writes are aborted and files closed', async () => {
    const sender = new FakeWebContents();
    const event = fakeEvent(APP, sender);
    const { token } = await chooseSaveTarget(event, path.join(ctx.root, 'tertinggal.spbe'));
    const { handle } = await ok<{ handle: string }>(invoke('file:write-open', event, { token }));
    await ok(invoke('file:write', event, { handle, offset: 0, data: pattern(100) }));
    expect((await listDir()).length).toBe(1);
    sender.destroy();
    await vi.waitFor(async () => expect(await listDir()).toEqual([]));
    expect(ctx.scopes.peek(sender.id)).toBeUndefined();
  });

  it('a reload of the page also releases what the old page held', async () => {
    const sender = new FakeWebContents();
    const event = fakeEvent(APP, sender);
    const { token } = await chooseSaveTarget(event, path.join(ctx.root, 'muat-ulang.spbe'));
    const { handle } = await ok<{ handle: string }>(invoke('file:write-open', event, { token }));
    sender.emit('did-navigate');
    await vi.waitFor(async () => expect(await listDir()).toEqual([]));
    expect(
      await fails(invoke('file:write', event, { handle, offset: 0, data: pattern(1) })),
    ).toEqual(STALE_HANDLE);
  });
});

describe('files opened from outside', () => {
  it('go to the main window only, once, with read tokens', async () => {
    const file = path.join(ctx.root, 'dari-luar.spbe');
    await writeFile(file, pattern(64));
    ctx.opened.add([file, path.join(ctx.root, 'hilang.spbe')]);
    const printWindow = fakeEvent(APP);
    await expect(ok(invoke('file:take-opened', printWindow))).resolves.toEqual([]);
    const mainEvent = fakeEvent(APP, ctx.main.webContents);
    const metas = await ok<{ token: string; name: string }[]>(
      invoke('file:take-opened', mainEvent),
    );
    expect(metas.map((m) => m.name)).toEqual(['dari-luar.spbe']);
    // The missing one is explained to the user in a native dialog, in Indonesian.
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ message: 'Berkas "hilang.spbe" tidak dapat dibuka.' }),
    );
    await ok(invoke('file:read-open', mainEvent, { token: metas[0]!.token }));
    await expect(ok(invoke('file:take-opened', mainEvent))).resolves.toEqual([]);
    expect(OPENED_FILES_EVENT).toBe('file:opened');
  });
});

describe('saves into a nested folder the user created', () => {
  it('works like any other folder', async () => {
    const folder = path.join(ctx.root, 'Laporan', '2026');
    await mkdir(folder, { recursive: true });
    const event = fakeEvent(APP);
    const { token } = await chooseSaveTarget(event, path.join(folder, 'x.spbe'));
    const { handle } = await ok<{ handle: string }>(invoke('file:write-open', event, { token }));
    await ok(invoke('file:write', event, { handle, offset: 0, data: pattern(3) }));
    await ok(invoke('file:write-commit', event, { handle }));
    expect(await readdir(folder)).toEqual(['x.spbe']);
  });
});
