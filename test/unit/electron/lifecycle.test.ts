/**
 * main/index.ts wired together with the mocked electron: sandbox, scheme and language before
 * ready, one instance, IPC before the first window, every web contents hardened, files from a
 * second launch or macOS open-file handed to the running window, window state saved, writes
 * aborted at quit.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, OPENED_FILES_EVENT } from '../../../shared/ipc/contract';
import {
  app,
  appPaths,
  BrowserWindow,
  dialog,
  fakeEvent,
  FakeWebContents,
  invoke,
  ipcMain,
  Menu,
  protocol,
  session,
} from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

let root: string;
let main: BrowserWindow;
const argv = process.argv;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'spbe-lifecycle-'));
  appPaths.userData = path.join(root, 'userData');
  appPaths.documents = path.join(root, 'Dokumen');
  await import('node:fs/promises').then((fs) => fs.mkdir(appPaths.userData!, { recursive: true }));
  await writeFile(path.join(root, 'awal.spbe'), 'dari peluncuran pertama');
  process.argv = ['/opt/evaluasi-spbe/evaluasi-spbe', '--no-sandbox', path.join(root, 'awal.spbe')];
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(BrowserWindow.instances.length).toBe(1));
  main = BrowserWindow.instances[0]!;
});

afterAll(async () => {
  process.argv = argv;
  await rm(root, { recursive: true, force: true });
});

describe('main process lifecycle', () => {
  it('sandboxes every renderer and registers app:// before the app is ready', () => {
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('runs Chromium in Indonesian (date fields, control texts), set before the app is ready', () => {
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'id');
    expect(app.commandLine.appendSwitch.mock.invocationCallOrder[0]!).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0]!,
    );
  });

  it('hardens the default session (network, permissions)', () => {
    expect(session.defaultSession.beforeRequest).toBeTypeOf('function');
    expect(session.defaultSession.permissionRequestHandler).toBeTypeOf('function');
  });

  it('registers every IPC channel before the window loads', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
    const firstHandle = ipcMain.handle.mock.invocationCallOrder[0]!;
    expect(firstHandle).toBeLessThan(main.loadURL.mock.invocationCallOrder[0]!);
  });

  it('sets the Indonesian menu', () => {
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as { label: string }[];
    expect(template.map((m) => m.label)).toEqual([
      'Berkas',
      'Sunting',
      'Tampilan',
      'Jendela',
      'Bantuan',
    ]);
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('hardens every web contents created later (new windows denied)', () => {
    const contents = new FakeWebContents();
    app.emitWith('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('hands the .spbe of the first launch to the main window only', async () => {
    const metas = (await invoke(
      'file:take-opened',
      fakeEvent('app://spbe/index.html', main.webContents),
    )) as {
      value: { name: string }[];
    };
    expect(metas.value.map((m) => m.name)).toEqual(['awal.spbe']);
  });

  it('a second launch with a .spbe focuses the window and hands it the file', async () => {
    await writeFile(path.join(root, 'kedua.spbe'), 'dari peluncuran kedua');
    main.webContents.send.mockClear();
    app.emitWith(
      'second-instance',
      {},
      ['/opt/x/evaluasi-spbe', '--allow-file-access', 'kedua.spbe'],
      root,
    );
    expect(main.focus).toHaveBeenCalled();
    expect(main.webContents.send).toHaveBeenCalledWith(OPENED_FILES_EVENT);
    const metas = (await invoke(
      'file:take-opened',
      fakeEvent('app://spbe/index.html', main.webContents),
    )) as {
      value: { name: string }[];
    };
    expect(metas.value.map((m) => m.name)).toEqual(['kedua.spbe']);
  });

  it('a second launch without a file only focuses the window', () => {
    main.webContents.send.mockClear();
    app.emitWith('second-instance', {}, ['/opt/x/evaluasi-spbe'], root);
    expect(main.webContents.send).not.toHaveBeenCalled();
  });

  it('macOS open-file is taken over from the default handling and delivered', async () => {
    const file = path.join(root, 'mac.spbe');
    await writeFile(file, 'x');
    const event = { preventDefault: vi.fn() };
    app.emitWith('open-file', event, file);
    expect(event.preventDefault).toHaveBeenCalled();
    const metas = (await invoke(
      'file:take-opened',
      fakeEvent('app://spbe/index.html', main.webContents),
    )) as {
      value: { name: string }[];
    };
    expect(metas.value.map((m) => m.name)).toEqual(['mac.spbe']);
  });

  it('the menu "Buka Berkas Evaluasi" delivers the chosen files the same way', async () => {
    const file = path.join(root, 'dari-menu.spbe');
    await writeFile(file, 'x');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as {
      submenu: { label?: string; click?: () => void }[];
    }[];
    template[0]!.submenu.find((i) => i.label?.startsWith('Buka Berkas Evaluasi'))!.click!();
    await vi.waitFor(() => expect(main.webContents.send).toHaveBeenCalledWith(OPENED_FILES_EVENT));
    const metas = (await invoke(
      'file:take-opened',
      fakeEvent('app://spbe/index.html', main.webContents),
    )) as {
      value: { name: string }[];
    };
    expect(metas.value.map((m) => m.name)).toEqual(['dari-menu.spbe']);
  });

  it('remembers the window state when the window closes', async () => {
    main.emit('close');
    const saved = JSON.parse(
      await readFile(path.join(appPaths.userData!, 'window-state.json'), 'utf8'),
    );
    expect(saved).toEqual({ ...main.getNormalBounds(), maximized: false });
  });

  it('at quit, aborts unfinished writes before letting the app end', async () => {
    const target = path.join(root, 'belum-selesai.spbe');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const event = fakeEvent('app://spbe/index.html', main.webContents);
    const { value: saveTarget } = (await invoke('dialog:save', event, {
      kind: 'bundle',
      suggestedName: 'x.spbe',
      title: 'Simpan',
    })) as { value: { token: string } };
    await invoke('file:write-open', event, { token: saveTarget.token });
    expect((await readdir(root)).some((n) => n.endsWith('.sementara'))).toBe(true);
    const quit = { preventDefault: vi.fn() };
    app.quit.mockClear();
    app.emitWith('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect((await readdir(root)).some((n) => n.endsWith('.sementara'))).toBe(false);
    expect(existsSync(target)).toBe(false);
    // The second will-quit goes through.
    const again = { preventDefault: vi.fn() };
    app.emitWith('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
