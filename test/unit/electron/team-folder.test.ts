/**
 * The team folder in main (issue 15) over a real temporary folder: choosing, remembering and
 * forgetting it, the bounded and filtered listing, atomic writes (a reader never sees a partial
 * file), reads, refused paths, an unplugged folder, and watching. The last part drives the
 * renderer's desktop adapter through the real preload, as the app does.
 */
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  TEAM_FOLDER_CHANGED_EVENT,
  type DesktopApi,
  type IpcError,
  type TeamFolderFile,
} from '../../../shared/ipc/contract';
import { registerIpc } from '../../../electron/main/ipc';
import { INVALID_PAYLOAD } from '../../../electron/main/ipc/handle';
import { ipcErrorMessage } from '../../../shared/ipc/error-messages';
import { loadSettings, settingsUpdater } from '../../../electron/main/settings';
import {
  INVALID_TEAM_PATH_MESSAGE,
  MAX_TEAM_FOLDER_ENTRIES,
  NO_TEAM_FOLDER_MESSAGE,
  NOT_A_FOLDER_MESSAGE,
  teamPathSegments,
  TeamFolderStore,
} from '../../../electron/main/team-folder';
import { createDesktopPlatform } from '../../../renderer/src/platform/desktop';
import type { TeamFolder } from '../../../renderer/src/platform/types';
import {
  contextBridge,
  dialog,
  fakeEvent,
  FakeWebContents,
  invoke,
  ipcMain,
  ipcRenderer,
} from './electron-mock';
import { makeContext, type TestContext } from './main-context';

vi.mock('electron', () => import('./electron-mock'));

const APP = 'app://spbe/index.html';
const EVALUASI = 'Pemerintah Kota Balikpapan 2025 a1b2c3';
const ANI = `${EVALUASI}/Ani Rahmawati.spbe`;
type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: IpcError };
const ok = async <T>(reply: Promise<unknown>): Promise<T> => {
  const r = (await reply) as Reply<T>;
  if (!r.ok) throw new Error(`expected ok, got: ${JSON.stringify(r.error)}`);
  return r.value;
};
/** The failure's message as the renderer words it. */
const failure = async (reply: Promise<unknown>): Promise<string> => {
  const r = (await reply) as Reply;
  if (r.ok) throw new Error('expected an error');
  return ipcErrorMessage(r.error);
};
const bytes = (text: string) => new TextEncoder().encode(text);

let ctx: TestContext;
let team: string;
let event: ReturnType<typeof fakeEvent>;

/** A store that watches with short pauses, so the watch tests finish quickly. */
const quickStore = (recursive?: boolean) =>
  new TeamFolderStore(undefined, {
    log: (m) => ctx.logs.push(m),
    debounceMs: 10,
    retryMs: 20,
    ...(recursive === undefined ? {} : { recursive }),
  });

beforeEach(async () => {
  ctx = await makeContext();
  ctx.teamFolder.dispose();
  ctx.teamFolder = quickStore();
  team = path.join(ctx.root, 'Folder Tim');
  await mkdir(team);
  ipcMain.handlers.clear();
  registerIpc(ipcMain, ctx);
  vi.clearAllMocks();
  event = fakeEvent(APP, ctx.main.webContents);
});

afterEach(async () => {
  ctx.teamFolder.dispose();
  await ctx.scopes.disposeAll();
  await ctx.cleanup();
});

/** Chooses `dir` in the (mocked) native dialog. */
async function choose(dir = team) {
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
  return ok<{ path: string } | null>(invoke('team-folder:choose', event));
}

/** Opens a write through IPC and sends `content`; returns the handle (not committed). */
async function openWrite(relative: string, content: string) {
  const { handle } = await ok<{ handle: string }>(
    invoke('team-folder:write-open', event, { path: relative }),
  );
  await ok(invoke('file:write', event, { handle, offset: 0, data: bytes(content) }));
  return handle;
}

async function readThroughIpc(relative: string): Promise<string> {
  const { handle, size } = await ok<{ handle: string; size: number }>(
    invoke('team-folder:read-open', event, { path: relative }),
  );
  const data = await ok<Uint8Array>(
    invoke('file:read', event, { handle, offset: 0, length: Math.max(size, 1) }),
  );
  await ok(invoke('file:read-close', event, { handle }));
  return new TextDecoder().decode(data);
}

const files = async (dir: string) => (await readdir(dir)).sort();

describe('choosing, remembering and forgetting the folder', () => {
  it('remembers the chosen folder in the settings and reports it ready', async () => {
    await expect(ok(invoke('team-folder:remembered', event))).resolves.toEqual({ state: 'none' });
    await expect(choose()).resolves.toEqual({ path: team });
    const [, options] = dialog.showOpenDialog.mock.calls[0] as [
      unknown,
      Electron.OpenDialogOptions,
    ];
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(ctx.saveSettings).toHaveBeenCalledWith({ teamFolder: team });
    await expect(ok(invoke('team-folder:remembered', event))).resolves.toEqual({
      state: 'ready',
      path: team,
    });
  });

  it('a cancelled dialog changes nothing', async () => {
    await choose();
    await expect(ok(invoke('team-folder:choose', event))).resolves.toBeNull();
    expect(ctx.saveSettings).toHaveBeenCalledTimes(1);
    expect(ctx.teamFolder.dir).toBe(team);
  });

  it('refuses a file instead of a folder, with an Indonesian message', async () => {
    const file = path.join(ctx.root, 'bukan-folder.txt');
    await writeFile(file, 'x');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    expect(await failure(invoke('team-folder:choose', event))).toBe(NOT_A_FOLDER_MESSAGE);
    expect(ctx.saveSettings).not.toHaveBeenCalled();
  });

  it('forgets the folder but leaves its files alone', async () => {
    await choose();
    await writeFile(path.join(team, 'Ani.spbe'), 'isi');
    await ok(invoke('team-folder:forget', event));
    expect(ctx.saveSettings).toHaveBeenLastCalledWith({ teamFolder: undefined });
    await expect(ok(invoke('team-folder:remembered', event))).resolves.toEqual({ state: 'none' });
    expect(await failure(invoke('team-folder:list', event))).toBe(NO_TEAM_FOLDER_MESSAGE);
    expect(await files(team)).toEqual(['Ani.spbe']);
  });

  it('settings patches keep the other settings, and the folder survives a restart', async () => {
    const userData = path.join(ctx.root, 'userData');
    await mkdir(userData);
    const update = settingsUpdater(userData, { backupsKept: 7 });
    await update({ teamFolder: team });
    await update({ backupsKept: 3 });
    await expect(loadSettings(userData)).resolves.toEqual({ backupsKept: 3, teamFolder: team });
    await update({ teamFolder: undefined });
    await expect(loadSettings(userData)).resolves.toEqual({ backupsKept: 3 });
  });
});

describe('listing', () => {
  beforeEach(() => choose());

  it('lists *.spbe at most one folder deep, skipping temporary, hidden and sync-client files', async () => {
    const sub = path.join(team, EVALUASI);
    await mkdir(path.join(sub, 'lebih dalam'), { recursive: true });
    await mkdir(path.join(team, '.stversions'));
    await Promise.all(
      [
        path.join(team, 'Koordinator.spbe'),
        path.join(team, 'catatan.txt'),
        path.join(team, '.stversions', 'Ani Rahmawati.spbe'),
        path.join(sub, 'Ani Rahmawati.spbe'),
        path.join(sub, 'Budi Santoso.SPBE'),
        path.join(sub, 'lebih dalam', 'Cici.spbe'),
        path.join(sub, '.syncthing.Ani Rahmawati.spbe.tmp'),
        path.join(sub, '~$Ani Rahmawati.spbe'),
        path.join(sub, 'Ani Rahmawati.spbe.partial'),
        path.join(sub, '.~Ani Rahmawati.spbe.0a1b2c3d4e5f.sementara'),
        path.join(sub, 'CON.spbe'),
      ].map((file) => writeFile(file, 'isi')),
    );
    const listed = await ok<TeamFolderFile[]>(invoke('team-folder:list', event));
    expect(listed.map((f) => f.path)).toEqual([
      'Koordinator.spbe',
      `${EVALUASI}/Ani Rahmawati.spbe`,
      `${EVALUASI}/Budi Santoso.SPBE`,
    ]);
    expect(listed[1]).toMatchObject({ size: 3, lastModified: expect.any(Number) });
  });

  it(`stops at ${MAX_TEAM_FOLDER_ENTRIES} files`, async () => {
    const sub = path.join(team, EVALUASI);
    await mkdir(sub);
    const names = Array.from({ length: MAX_TEAM_FOLDER_ENTRIES + 50 }, (_, i) => `A${i}.spbe`);
    for (let i = 0; i < names.length; i += 200) {
      await Promise.all(names.slice(i, i + 200).map((n) => writeFile(path.join(sub, n), '')));
    }
    const listed = await ok<TeamFolderFile[]>(invoke('team-folder:list', event));
    expect(listed).toHaveLength(MAX_TEAM_FOLDER_ENTRIES);
    expect(ctx.logs.some((m) => m.includes('daftar dibatasi'))).toBe(true);
  });
});

describe('writing and reading', () => {
  beforeEach(() => choose());

  it('creates the sub-folder and writes atomically: a reader sees nothing until the commit', async () => {
    const handle = await openWrite(ANI, 'versi pertama');
    const sub = path.join(team, EVALUASI);
    await expect(readFile(path.join(team, ...ANI.split('/')))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expect(ok(invoke('team-folder:list', event))).resolves.toEqual([]);
    const committed = await ok<{ size: number }>(invoke('file:write-commit', event, { handle }));
    expect(committed.size).toBe(13);
    expect(await files(sub)).toEqual(['Ani Rahmawati.spbe']);
    await expect(readThroughIpc(ANI)).resolves.toBe('versi pertama');
  });

  it('a reader during a rewrite sees the whole old file, then the whole new one', async () => {
    const target = path.join(team, ...ANI.split('/'));
    await mkdir(path.dirname(target));
    await writeFile(target, 'versi lama');
    const handle = await openWrite(ANI, 'versi baru yang lebih panjang');
    await expect(readFile(target, 'utf8')).resolves.toBe('versi lama');
    await expect(readThroughIpc(ANI)).resolves.toBe('versi lama');
    const listed = await ok<TeamFolderFile[]>(invoke('team-folder:list', event));
    expect(listed).toEqual([expect.objectContaining({ path: ANI, size: 10 })]);
    await ok(invoke('file:write-commit', event, { handle }));
    await expect(readThroughIpc(ANI)).resolves.toBe('versi baru yang lebih panjang');
  });

  it('an aborted write leaves no file and no temporary file', async () => {
    const handle = await openWrite(ANI, 'setengah jadi');
    await ok(invoke('file:write-abort', event, { handle }));
    expect(await files(path.join(team, EVALUASI))).toEqual([]);
  });

  it('a write in progress when its window goes away is aborted', async () => {
    await openWrite(ANI, 'setengah jadi');
    await ctx.scopes.release(ctx.main.webContents.id);
    expect(await files(path.join(team, EVALUASI))).toEqual([]);
  });

  it('reading a file that is not there says so in Indonesian', async () => {
    await expect(invoke('team-folder:read-open', event, { path: ANI })).resolves.toEqual({
      ok: false,
      error: { code: 'notFound', action: 'membaca', detail: expect.any(String) },
    });
    expect(await failure(invoke('team-folder:read-open', event, { path: ANI }))).toBe(
      `Berkas "${ANI}" tidak ada lagi di folder tim.`,
    );
    expect(await failure(invoke('team-folder:stat', event, { path: ANI }))).toBe(
      `Berkas "${ANI}" tidak ada lagi di folder tim.`,
    );
  });
});

describe('paths the renderer may name', () => {
  it.each([
    ['Ani.spbe', ['Ani.spbe']],
    [ANI, [EVALUASI, 'Ani Rahmawati.spbe']],
    ['Evaluasi/Budi.SPBE', ['Evaluasi', 'Budi.SPBE']],
  ])('accepts %s', (relative, segments) => {
    expect(teamPathSegments(relative)).toEqual(segments);
  });

  it.each([
    '/etc/passwd.spbe',
    '../luar.spbe',
    'a/../luar.spbe',
    '..\\luar.spbe',
    'a\\b.spbe',
    'C:/Windows/x.spbe',
    'a/b/c.spbe',
    'a//b.spbe',
    'a/b.exe',
    'a/b.spbe.tmp',
    'CON.spbe',
    'nul/x.spbe',
    'a/com1.spbe',
    'a/LPT9.spbe',
    'a/b:c.spbe',
    'a/b?.spbe',
    '.tersembunyi/x.spbe',
    'a/.x.spbe',
    'a/~$x.spbe',
    'a./x.spbe',
    ' a/x.spbe',
    'a/x\u0000.spbe',
    `${'x'.repeat(151)}.spbe`,
    `a/${'x'.repeat(146)}.spbe`,
    '.spbe',
  ])('refuses %j', (relative) => {
    expect(() => teamPathSegments(relative)).toThrow(INVALID_TEAM_PATH_MESSAGE);
  });

  it('main refuses what the contract lets through, before touching the disk', async () => {
    await choose();
    for (const relative of ['../luar.spbe', 'CON.spbe', 'a/.x.spbe', '.stversions/x.spbe']) {
      for (const channel of [
        'team-folder:stat',
        'team-folder:read-open',
        'team-folder:write-open',
      ]) {
        expect(await failure(invoke(channel, event, { path: relative }))).toBe(
          INVALID_TEAM_PATH_MESSAGE,
        );
      }
    }
    expect(await failure(invoke('team-folder:write-open', event, { path: 'a/b/c.spbe' }))).toBe(
      ipcErrorMessage(INVALID_PAYLOAD),
    );
    expect(await files(team)).toEqual([]);
    expect(await files(ctx.root)).not.toContain('luar.spbe');
  });

  it('a linked sub-folder or file that leads outside the folder is refused', async () => {
    await choose();
    const outside = path.join(ctx.root, 'Di Luar');
    await mkdir(outside);
    await writeFile(path.join(outside, 'Rahasia.spbe'), 'rahasia');
    await symlink(outside, path.join(team, 'Tautan'), 'dir');
    await mkdir(path.join(team, 'Evaluasi'));
    await symlink(path.join(outside, 'Rahasia.spbe'), path.join(team, 'Evaluasi', 'Ani.spbe'));
    expect(await failure(invoke('team-folder:write-open', event, { path: 'Tautan/x.spbe' }))).toBe(
      INVALID_TEAM_PATH_MESSAGE,
    );
    expect(
      await failure(invoke('team-folder:read-open', event, { path: 'Tautan/Rahasia.spbe' })),
    ).toBe(INVALID_TEAM_PATH_MESSAGE);
    expect(
      await failure(invoke('team-folder:read-open', event, { path: 'Evaluasi/Ani.spbe' })),
    ).toBe(INVALID_TEAM_PATH_MESSAGE);
    await expect(ok(invoke('team-folder:list', event))).resolves.toEqual([]);
    expect(await files(outside)).toEqual(['Rahasia.spbe']);
  });
});

describe('an unreachable folder (unplugged share)', () => {
  it('is remembered as missing with the reason; listing and writing fail in Indonesian and create nothing', async () => {
    await choose();
    await rm(team, { recursive: true });
    const state = await ok<{ state: string; path: string; reason: string }>(
      invoke('team-folder:remembered', event),
    );
    expect(state).toEqual({ state: 'missing', path: team, reason: expect.any(String) });
    expect(state.reason).toMatch(/^Folder tidak ditemukan: share jaringan mungkin terputus/);
    const listError = await failure(invoke('team-folder:list', event));
    expect(listError).toBe(
      `Folder tim tidak dapat dijangkau. ${state.reason} Pekerjaan tetap tersimpan di komputer ini.`,
    );
    expect(await failure(invoke('team-folder:write-open', event, { path: ANI }))).toBe(listError);
    expect(await failure(invoke('team-folder:read-open', event, { path: ANI }))).toBe(listError);
    expect(await files(ctx.root)).not.toContain('Folder Tim');
    // Back again: ready, and writing works.
    await mkdir(team);
    await expect(ok(invoke('team-folder:remembered', event))).resolves.toEqual({
      state: 'ready',
      path: team,
    });
    await ok(invoke('file:write-commit', event, { handle: await openWrite(ANI, 'isi') }));
  });
});

// Recursive is what Windows and macOS use; per sub-folder watchers are what Linux uses.
describe.each([
  ['one watcher per sub-folder', false],
  ['a recursive watcher', true],
])('watching with %s', (_mode, recursive) => {
  /** Resolves on the next TEAM_FOLDER_CHANGED_EVENT sent to `sender`. */
  const nextChange = (sender: FakeWebContents) =>
    new Promise<void>((resolve) => {
      sender.send.mockImplementationOnce((channel: string) => {
        expect(channel).toBe(TEAM_FOLDER_CHANGED_EVENT);
        resolve();
      });
    });

  beforeEach(async () => {
    ctx.teamFolder.dispose();
    ctx.teamFolder = quickStore(recursive);
    await choose();
    await mkdir(path.join(team, EVALUASI));
  });

  it('tells a watching window about a new file in the folder and in a sub-folder', async () => {
    await ok(invoke('team-folder:watch', event));
    expect(ctx.teamFolder.watching).toBe(true);
    let changed = nextChange(ctx.main.webContents);
    await writeFile(path.join(team, EVALUASI, 'Budi Santoso.spbe'), 'isi');
    await changed;
    changed = nextChange(ctx.main.webContents);
    await writeFile(path.join(team, 'Koordinator.spbe'), 'isi');
    await changed;
    await ok(invoke('team-folder:unwatch', event));
    expect(ctx.teamFolder.watching).toBe(false);
  });

  it('tells when the folder goes away, looks for it again, and watches it when it is back', async () => {
    await ok(invoke('team-folder:watch', event));
    let changed = nextChange(ctx.main.webContents);
    await rm(team, { recursive: true });
    await changed;
    // The sub-folder's removal may be told first; the folder's own removal follows.
    while (ctx.teamFolder.watching) await nextChange(ctx.main.webContents);
    changed = nextChange(ctx.main.webContents);
    await mkdir(path.join(team, EVALUASI), { recursive: true });
    await changed;
    await ctx.teamFolder.watchReady();
    expect(ctx.teamFolder.watching).toBe(true);
    changed = nextChange(ctx.main.webContents);
    await writeFile(path.join(team, EVALUASI, 'Ani Rahmawati.spbe'), 'isi');
    await changed;
  });

  it('stops watching when the window goes away', async () => {
    const other = new FakeWebContents();
    await ok(invoke('team-folder:watch', fakeEvent(APP, other)));
    expect(ctx.teamFolder.watching).toBe(true);
    other.destroy();
    expect(ctx.teamFolder.watching).toBe(false);
  });
});

describe('the desktop adapter (renderer) over the real preload and main', () => {
  let api: DesktopApi;
  let changedListeners: (() => void)[];

  beforeAll(async () => {
    await import('../../../electron/preload/index');
    api = contextBridge.exposeInMainWorld.mock.calls[0]![1] as DesktopApi;
  });

  beforeEach(() => {
    changedListeners = [];
    ipcRenderer.invoke.mockImplementation(async (channel: unknown, payload: unknown) =>
      structuredClone(await invoke(channel as string, event, structuredClone(payload))),
    );
    ipcRenderer.on.mockImplementation((channel: unknown, listener: unknown) => {
      if (channel === TEAM_FOLDER_CHANGED_EVENT) changedListeners.push(listener as () => void);
    });
    ctx.main.webContents.send.mockImplementation((channel: string) => {
      if (channel === TEAM_FOLDER_CHANGED_EVENT) for (const l of changedListeners) l();
    });
  });

  const write = (folder: TeamFolder, relative: string, text: string) =>
    folder.write(relative, async (sink) => {
      const writer = sink.getWriter();
      await writer.write(bytes(text));
      await writer.close();
    });

  it('chooses, writes, lists, reads and forgets the folder', async () => {
    const platform = createDesktopPlatform(api);
    expect(platform.teamFolder.supported).toBe(true);
    await expect(platform.teamFolder.remembered()).resolves.toEqual({ state: 'none' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [team] });
    const folder = (await platform.teamFolder.choose())!;
    expect(folder.label).toBe(team);
    const entry = await write(folder, ANI, 'jawaban Ani');
    expect(entry).toEqual({ path: ANI, size: 11, lastModified: expect.any(Number) });
    await expect(folder.list()).resolves.toEqual([entry]);
    const file = await folder.read(ANI);
    expect(file).toMatchObject({ name: 'Ani Rahmawati.spbe', size: 11 });
    await expect(new Response(file.stream()).text()).resolves.toBe('jawaban Ani');
    const remembered = await platform.teamFolder.remembered();
    expect(remembered.state).toBe('ready');
    await expect(platform.teamFolder.grant()).resolves.toMatchObject({ label: team });
    await platform.teamFolder.forget();
    await expect(platform.teamFolder.remembered()).resolves.toEqual({ state: 'none' });
    await expect(folder.list()).rejects.toThrow(NO_TEAM_FOLDER_MESSAGE);
  });

  it('a refused or failed write throws the Indonesian message and leaves nothing behind', async () => {
    const platform = createDesktopPlatform(api);
    const folder = (await (async () => {
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [team] });
      return platform.teamFolder.choose();
    })())!;
    await expect(write(folder, '../luar.spbe', 'x')).rejects.toThrow(INVALID_TEAM_PATH_MESSAGE);
    await expect(
      folder.write(ANI, async () => {
        throw new Error('ekspor gagal');
      }),
    ).rejects.toThrow('ekspor gagal');
    expect(await files(team)).toEqual([EVALUASI]);
    expect(await files(path.join(team, EVALUASI))).toEqual([]);
  });

  it('reports a missing folder with its reason', async () => {
    const platform = createDesktopPlatform(api);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [team] });
    await platform.teamFolder.choose();
    await rm(team, { recursive: true });
    await expect(platform.teamFolder.remembered()).resolves.toEqual({
      state: 'missing',
      label: team,
      reason: expect.stringMatching(/^Folder tidak ditemukan/),
    });
    await expect(platform.teamFolder.grant()).resolves.toBeNull();
  });

  it('watch() calls every listener on a change and unwatches after the last one leaves', async () => {
    const platform = createDesktopPlatform(api);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [team] });
    const folder = (await platform.teamFolder.choose())!;
    await mkdir(path.join(team, EVALUASI));
    let resolveFirst!: () => void;
    const first = new Promise<void>((resolve) => (resolveFirst = resolve));
    const second = vi.fn();
    const stopFirst = folder.watch!(() => resolveFirst());
    const stopSecond = folder.watch!(second);
    await ctx.teamFolder.watchReady();
    expect(ctx.teamFolder.watching).toBe(true);
    await writeFile(path.join(team, EVALUASI, 'Budi Santoso.spbe'), 'isi');
    await first;
    expect(second).toHaveBeenCalled();
    stopFirst();
    expect(ctx.teamFolder.watching).toBe(true);
    ipcRenderer.invoke.mockClear();
    stopSecond();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('team-folder:unwatch');
    await ipcRenderer.invoke.mock.results[0]!.value;
    expect(ctx.teamFolder.watching).toBe(false);
  });
});
