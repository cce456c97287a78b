/**
 * Opening evidence with the system application: a temporary copy (streamed, atomic), only for
 * document types, opened with shell.openPath, marked as downloaded on Windows, removed at exit.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpc } from '../../../electron/main/ipc';
import { NO_VIEWER } from '../../../electron/main/ipc/documents';
import type { IpcError } from '../../../shared/ipc/contract';
import { ipcErrorMessage } from '../../../shared/ipc/error-messages';
import { TEMP_DOCUMENTS_PREFIX, TempDocuments } from '../../../electron/main/temp-documents';
import { fakeEvent, invoke, ipcMain, shell } from './electron-mock';
import { makeContext, type TestContext } from './main-context';

vi.mock('electron', () => import('./electron-mock'));

const APP = 'app://spbe/index.html';
type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: IpcError };
const reply = async <T>(r: Promise<unknown>) => (await r) as Reply<T>;

let ctx: TestContext;
beforeEach(async () => {
  ctx = await makeContext();
  ipcMain.handlers.clear();
  registerIpc(ipcMain, ctx);
  vi.clearAllMocks();
});
afterEach(async () => {
  ctx.documents.cleanup();
  await ctx.cleanup();
});

async function openDocument(name: string, content: string) {
  const event = fakeEvent(APP);
  const created = await reply<{ handle: string }>(invoke('document:create', event, { name }));
  if (!created.ok) return created;
  const { handle } = created.value;
  await invoke('file:write', event, { handle, offset: 0, data: new TextEncoder().encode(content) });
  return reply(invoke('document:open', event, { handle }));
}

describe('opening evidence', () => {
  it('writes a temporary copy under its own name and opens it with the system application', async () => {
    await expect(openDocument('Perwal SPBE.pdf', '%PDF isi')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(shell.openPath).toHaveBeenCalledTimes(1);
    const opened = shell.openPath.mock.calls[0]![0];
    expect(path.basename(opened)).toBe('Perwal SPBE.pdf');
    expect(opened.startsWith(path.join(ctx.root, 'tmp', TEMP_DOCUMENTS_PREFIX))).toBe(true);
    expect(await readFile(opened, 'utf8')).toBe('%PDF isi');
  });

  it.each([
    'setup.exe',
    'skrip.bat',
    'jalan.js',
    'pintasan.lnk',
    'makro.docm',
    'tanpa-ekstensi',
    'x.svg',
  ])('refuses to open %s (it would run, not show)', async (name) => {
    const result = await openDocument(name, 'x');
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid', detail: expect.stringMatching(/demi keamanan/) },
    });
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('keeps only the base name of a hostile name', async () => {
    await openDocument('../../../.bashrc/../laporan.docx', 'x');
    const opened = shell.openPath.mock.calls[0]![0];
    expect(path.basename(opened)).toBe('laporan.docx');
    expect(opened.startsWith(path.join(ctx.root, 'tmp'))).toBe(true);
  });

  it('says so in Indonesian when no application can open the file', async () => {
    shell.openPath.mockResolvedValueOnce('No application is associated');
    await expect(openDocument('data.ods', 'x')).resolves.toEqual({
      ok: false,
      error: NO_VIEWER,
    });
    expect(ipcErrorMessage(NO_VIEWER)).toMatch(/^Tidak ada aplikasi di komputer ini/);
  });

  it('a document copy cannot be committed as a save (only opened)', async () => {
    const event = fakeEvent(APP);
    const created = await reply<{ handle: string }>(
      invoke('document:create', event, { name: 'a.pdf' }),
    );
    if (!created.ok) throw new Error(ipcErrorMessage(created.error));
    const commit = await reply(
      invoke('file:write-commit', event, { handle: created.value.handle }),
    );
    expect(commit.ok).toBe(false);
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('removes the copies at exit and leftovers of earlier runs at start', async () => {
    await openDocument('a.pdf', 'x');
    const tmp = path.join(ctx.root, 'tmp');
    expect((await readdir(tmp)).length).toBe(1);
    ctx.documents.cleanup();
    expect(await readdir(tmp)).toEqual([]);

    await mkdir(path.join(tmp, `${TEMP_DOCUMENTS_PREFIX}lama`), { recursive: true });
    await writeFile(path.join(tmp, 'bukan-milik-kita.txt'), 'x');
    await new TempDocuments(tmp, 'linux').removeLeftovers();
    expect(await readdir(tmp)).toEqual(['bukan-milik-kita.txt']);
  });

  it('marks a copy as downloaded on Windows (Mark of the Web) and not elsewhere', async () => {
    const tmp = path.join(ctx.root, 'motw');
    await mkdir(tmp);
    const file = path.join(tmp, 'a.pdf');
    await writeFile(file, 'x');
    await new TempDocuments(tmp, 'linux').markDownloaded(file);
    expect(existsSync(`${file}:Zone.Identifier`)).toBe(false);
    // On Linux the alternate data stream is simply a file with that name, which shows the write.
    await new TempDocuments(tmp, 'win32').markDownloaded(file);
    expect(await readFile(`${file}:Zone.Identifier`, 'utf8')).toBe(
      '[ZoneTransfer]\r\nZoneId=3\r\n',
    );
  });
});
