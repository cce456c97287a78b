/**
 * The desktop backup folder: atomic writes through IPC, newest-first listing, rotation to the
 * newest N, streamed reads, removal, and names that can never point outside the folder.
 */
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupFolder } from '../../../electron/main/backup-store';
import { registerIpc } from '../../../electron/main/ipc';
import { backupDir } from '../../../electron/main/paths';
import type { IpcError } from '../../../shared/ipc/contract';
import { fakeEvent, invoke, ipcMain } from './electron-mock';
import { makeContext, type TestContext } from './main-context';

vi.mock('electron', () => import('./electron-mock'));

const APP = 'app://spbe/index.html';
type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: IpcError };
const ok = async <T>(reply: Promise<unknown>): Promise<T> => {
  const r = (await reply) as Reply<T>;
  if (!r.ok) throw new Error(`expected ok, got: ${JSON.stringify(r.error)}`);
  return r.value;
};

const name = (day: number) => `cadangan-2026-11-${String(day).padStart(2, '0')}-093000-harian.spbe`;

let ctx: TestContext;
beforeEach(async () => {
  ctx = await makeContext(3);
  ipcMain.handlers.clear();
  registerIpc(ipcMain, ctx);
});
afterEach(async () => {
  await ctx.scopes.disposeAll();
  await ctx.cleanup();
});

/** Writes a backup through IPC as the renderer does; mtime set to `day` for a stable order. */
async function writeBackup(
  event: ReturnType<typeof fakeEvent>,
  backupName: string,
  content: string,
) {
  const { handle } = await ok<{ handle: string }>(
    invoke('backup:write-open', event, { name: backupName }),
  );
  await ok(
    invoke('file:write', event, { handle, offset: 0, data: new TextEncoder().encode(content) }),
  );
  return ok<{ name: string; size: number; createdAt: number }>(
    invoke('file:write-commit', event, { handle }),
  );
}

describe('BackupFolder', () => {
  it('lives in Documents/Evaluasi SPBE/Cadangan', () => {
    expect(backupDir('/home/asesor/Dokumen')).toBe(
      path.join('/home/asesor/Dokumen', 'Evaluasi SPBE', 'Cadangan'),
    );
  });

  it('an absent folder is an empty list; the first write creates it', async () => {
    const event = fakeEvent(APP);
    await expect(ok(invoke('backup:list', event))).resolves.toEqual([]);
    const entry = await writeBackup(event, name(1), 'cadangan pertama');
    expect(entry).toMatchObject({ name: name(1), size: 16 });
    expect(await readdir(ctx.backups.dir)).toEqual([name(1)]);
  });

  it('keeps only the newest N after each write (N = 3 here), whatever order names sort in', async () => {
    const event = fakeEvent(APP);
    for (const day of [1, 2, 3]) {
      await writeBackup(event, name(day), `hari ${day}`);
      await utimes(path.join(ctx.backups.dir, name(day)), day * 1000, day * 1000);
    }
    // A backup named for an earlier day but written last is the newest.
    await writeBackup(event, 'cadangan-2026-10-01-000000-manual.spbe', 'terbaru');
    const names = (await ok<{ name: string }[]>(invoke('backup:list', event))).map((e) => e.name);
    expect(names).toEqual(['cadangan-2026-10-01-000000-manual.spbe', name(3), name(2)]);
  });

  it('never lists, rotates or deletes files that are not backups', async () => {
    await mkdir(ctx.backups.dir, { recursive: true });
    await writeFile(path.join(ctx.backups.dir, 'catatan saya.txt'), 'jangan dihapus');
    await writeFile(path.join(ctx.backups.dir, '.~x.spbe.abc.sementara'), 'sedang ditulis');
    const folder = new BackupFolder(ctx.backups.dir, 1);
    for (const day of [1, 2]) {
      const w = await folder.beginWrite(name(day));
      await w.write(0, new Uint8Array([day]));
      await w.commit();
      await utimes(path.join(ctx.backups.dir, name(day)), day * 1000, day * 1000);
    }
    expect(await folder.rotate()).toEqual([name(1)]);
    expect((await readdir(ctx.backups.dir)).sort()).toEqual(
      ['.~x.spbe.abc.sementara', 'catatan saya.txt', name(2)].sort(),
    );
  });

  it('removes temporary files a crash left behind, but not recent ones', async () => {
    await mkdir(ctx.backups.dir, { recursive: true });
    const stale = path.join(ctx.backups.dir, '.~lama.spbe.aaaa.sementara');
    const fresh = path.join(ctx.backups.dir, '.~baru.spbe.bbbb.sementara');
    await writeFile(stale, 'x');
    await writeFile(fresh, 'y');
    await utimes(stale, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    const w = await ctx.backups.beginWrite(name(5));
    await w.abort();
    expect(await readdir(ctx.backups.dir)).toEqual(['.~baru.spbe.bbbb.sementara']);
  });

  it('reads a backup back as a stream of chunks', async () => {
    const event = fakeEvent(APP);
    await writeBackup(event, name(4), 'isi cadangan');
    const { handle, size } = await ok<{ handle: string; size: number }>(
      invoke('backup:read-open', event, { name: name(4) }),
    );
    expect(size).toBe(12);
    const bytes = await ok<Uint8Array>(
      invoke('file:read', event, { handle, offset: 0, length: 100 }),
    );
    expect(new TextDecoder().decode(bytes)).toBe('isi cadangan');
    await ok(invoke('file:read-close', event, { handle }));
  });

  it('explains a missing backup in Indonesian and removes one that exists', async () => {
    const event = fakeEvent(APP);
    const missing = (await invoke('backup:read-open', event, { name: name(9) })) as Reply;
    expect(missing).toEqual({
      ok: false,
      error: {
        code: 'notFound',
        action: 'membaca',
        detail: `Cadangan "${name(9)}" tidak ditemukan.`,
      },
    });
    await writeBackup(event, name(8), 'x');
    await ok(invoke('backup:remove', event, { name: name(8) }));
    await expect(ok(invoke('backup:list', event))).resolves.toEqual([]);
    // Removing again is not an error.
    await ok(invoke('backup:remove', event, { name: name(8) }));
  });

  it('an aborted backup write leaves the previous backups as they were', async () => {
    const event = fakeEvent(APP);
    await writeBackup(event, name(1), 'baik');
    const { handle } = await ok<{ handle: string }>(
      invoke('backup:write-open', event, { name: name(1) }),
    );
    await ok(invoke('file:write', event, { handle, offset: 0, data: new Uint8Array([9, 9]) }));
    await ok(invoke('file:write-abort', event, { handle }));
    expect(await readdir(ctx.backups.dir)).toEqual([name(1)]);
    expect(await readFile(path.join(ctx.backups.dir, name(1)), 'utf8')).toBe('baik');
  });

  it('configure changes N, saves it, and rotates at once', async () => {
    const event = fakeEvent(APP);
    for (const day of [1, 2, 3]) {
      await writeBackup(event, name(day), 'x');
      await utimes(path.join(ctx.backups.dir, name(day)), day * 1000, day * 1000);
    }
    const location = await ok(invoke('backup:configure', event, { keep: 1 }));
    expect(location).toEqual({ path: ctx.backups.dir, keep: 1 });
    expect(ctx.saveSettings).toHaveBeenCalledWith({ backupsKept: 1 });
    expect(await readdir(ctx.backups.dir)).toEqual([name(3)]);
    await expect(ok(invoke('backup:location', event))).resolves.toEqual(location);
  });

  it('configure that cannot save N keeps the old N, so no later write rotates by it', async () => {
    const event = fakeEvent(APP);
    for (const day of [1, 2, 3]) {
      await writeBackup(event, name(day), 'x');
      await utimes(path.join(ctx.backups.dir, name(day)), day * 1000, day * 1000);
    }
    vi.mocked(ctx.saveSettings).mockRejectedValueOnce(
      Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
    );
    const reply = (await invoke('backup:configure', event, { keep: 1 })) as Reply;
    expect(reply.ok).toBe(false);
    await expect(ok(invoke('backup:location', event))).resolves.toEqual({
      path: ctx.backups.dir,
      keep: 3,
    });
    await writeBackup(event, name(4), 'x');
    expect((await readdir(ctx.backups.dir)).length).toBe(3);
  });

  it('refuses any name that would leave the folder, even when called directly', () => {
    for (const bad of ['../x.spbe', 'a/b.spbe', 'a\\b.spbe', '/etc/x.spbe', 'x.exe', '.x.spbe']) {
      expect(() => ctx.backups.pathFor(bad)).toThrow('Nama berkas cadangan tidak sah.');
    }
  });
});
