/**
 * Print to PDF: the route is loaded in a hidden app window, printed on A4 (the page's CSS lays
 * out margins, header and page numbers) only after it signals data-print-ready="true", and
 * written atomically where the user chose.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpc } from '../../../electron/main/ipc';
import {
  pdfOptions,
  printRouteToPdf,
  routeUrl,
  WAIT_FOR_PRINT_READY_SCRIPT,
  waitForPrintReady,
} from '../../../electron/main/print';
import { BrowserWindow, dialog, fakeEvent, invoke, ipcMain } from './electron-mock';
import { makeContext, type TestContext } from './main-context';

vi.mock('electron', () => import('./electron-mock'));

const newWindow = () => new BrowserWindow({ show: false }) as unknown as Electron.BrowserWindow;

describe('pdfOptions', () => {
  it('prints A4 with backgrounds and leaves margins, header and page numbers to the page CSS', () => {
    expect(pdfOptions()).toEqual({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
  });
});

describe('waiting for the ready signal', () => {
  it('gives up with an Indonesian message when the page never gets ready', async () => {
    const contents = { executeJavaScript: vi.fn(() => new Promise<never>(() => undefined)) };
    await expect(waitForPrintReady(contents as never, 20)).rejects.toThrow(
      /tidak selesai disiapkan untuk dicetak/,
    );
  });
});

describe('printRouteToPdf', () => {
  beforeEach(() => {
    BrowserWindow.instances.length = 0;
  });

  it('loads the route in the app, waits, prints, and destroys the window', async () => {
    const pdf = await printRouteToPdf('/laporan/42', newWindow);
    const win = BrowserWindow.instances[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://spbe/index.html#/laporan/42');
    expect(routeUrl('/x')).toBe('app://spbe/index.html#/x');
    expect(win.webContents.executeJavaScript).toHaveBeenCalledWith(WAIT_FOR_PRINT_READY_SCRIPT);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(pdfOptions());
    expect(pdf.toString()).toContain('%PDF');
    expect(win.destroyed).toBe(true);
  });

  it('does not print a page that reports an error, and still destroys the window', async () => {
    const win = new BrowserWindow({ show: false });
    win.webContents.executeJavaScript.mockResolvedValueOnce('error');
    await expect(
      printRouteToPdf('/laporan/1', () => win as unknown as Electron.BrowserWindow),
    ).rejects.toThrow(/tidak dapat disiapkan/);
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });

  it('destroys the window when the page does not load', async () => {
    const win = new BrowserWindow({ show: false });
    win.loadURL.mockRejectedValueOnce(new Error('ERR_FAILED'));
    await expect(
      printRouteToPdf('/laporan/1', () => win as unknown as Electron.BrowserWindow),
    ).rejects.toThrow('ERR_FAILED');
    expect(win.destroyed).toBe(true);
  });
});

describe('report:print-pdf', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeContext();
    ipcMain.handlers.clear();
    registerIpc(ipcMain, ctx);
    BrowserWindow.instances.length = 0;
    vi.clearAllMocks();
  });
  afterEach(() => ctx.cleanup());

  const request = {
    route: '/laporan/7',
    suggestedName: 'Laporan SPBE 2026.pdf',
    title: 'Simpan laporan',
  };

  it('asks where to save first; a cancel prints nothing', async () => {
    await expect(
      invoke('report:print-pdf', fakeEvent('app://spbe/index.html'), request),
    ).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(BrowserWindow.instances).toEqual([]);
  });

  it('writes the PDF where the user chose, with no temporary file left', async () => {
    const target = path.join(ctx.root, 'Laporan SPBE 2026.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const reply = (await invoke(
      'report:print-pdf',
      fakeEvent('app://spbe/index.html'),
      request,
    )) as {
      ok: boolean;
      value: { name: string; path: string; size: number };
    };
    expect(reply.ok).toBe(true);
    expect(reply.value).toMatchObject({ name: 'Laporan SPBE 2026.pdf', path: target });
    expect((await readFile(target)).toString()).toContain('%PDF');
    expect(await readdir(ctx.root)).toEqual(['Laporan SPBE 2026.pdf']);
    const options = dialog.showSaveDialog.mock.calls[0]!.at(-1) as Electron.SaveDialogOptions;
    expect(options.filters).toEqual([{ name: 'Dokumen PDF', extensions: ['pdf'] }]);
  });

  it('writes nothing when the page is not ready for print', async () => {
    const target = path.join(ctx.root, 'gagal.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    ctx.createPrintWindow = () => {
      const win = new BrowserWindow({ show: false });
      win.webContents.executeJavaScript.mockResolvedValueOnce('error');
      return win as unknown as Electron.BrowserWindow;
    };
    ipcMain.handlers.clear();
    registerIpc(ipcMain, ctx);
    const reply = (await invoke(
      'report:print-pdf',
      fakeEvent('app://spbe/index.html'),
      request,
    )) as {
      ok: boolean;
      error: unknown;
    };
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid', detail: expect.stringMatching(/tidak dapat disiapkan/) },
    });
    expect(await readdir(ctx.root)).toEqual([]);
  });
});
