/**
 * A stand-in for the `electron` module in unit tests (no Electron binary here). Each test file
 * does `vi.mock('electron', () => import('./electron-mock'))` and drives main's modules through
 * these fakes: handlers registered on `ipcMain` can be invoked with a fake event, events a module
 * subscribes to on `app` or a WebContents can be emitted, and dialogs return what a test queued.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** An EventEmitter whose listeners can also be read back (for `event.preventDefault()` tests). */
export class Emitter extends EventEmitter {
  emitWith(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners(event) as Listener[]) listener(...args);
  }
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly send = vi.fn();
  readonly executeJavaScript = vi.fn(async (_code: string): Promise<unknown> => 'true');
  readonly printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 palsu\n'));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  destroy(): void {
    this.emit('destroyed');
  }
}

export class BrowserWindow extends Emitter {
  static readonly instances: BrowserWindow[] = [];
  static readonly fromWebContents = vi.fn(
    (contents: unknown): BrowserWindow | null =>
      BrowserWindow.instances.find((w) => w.webContents === contents) ?? null,
  );
  static readonly getAllWindows = vi.fn(() => BrowserWindow.instances.filter((w) => !w.destroyed));

  readonly webContents = new FakeWebContents();
  destroyed = false;
  maximized = false;
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url;
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    BrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds() {
    const { x = 10, y = 20, width = 1280, height = 800 } = this.options;
    return { x, y, width, height };
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

/** Paths app.getPath returns: a fresh temp folder per test run, set by `useTempAppPaths`. */
export const appPaths: Record<string, string> = {
  userData: path.join(os.tmpdir(), 'spbe-test-userdata'),
  documents: path.join(os.tmpdir(), 'spbe-test-documents'),
  temp: os.tmpdir(),
};

class FakeApp extends Emitter {
  isPackaged = false;
  readonly getPath = vi.fn((name: string) => appPaths[name] ?? path.join(os.tmpdir(), name));
  readonly getName = vi.fn(() => 'Evaluasi SPBE');
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly enableSandbox = vi.fn();
  readonly commandLine = { appendSwitch: vi.fn() };
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly setAboutPanelOptions = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());
}
export const app = new FakeApp();

export const dialog = {
  showOpenDialog: vi.fn(
    async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
      canceled: true,
      filePaths: [],
    }),
  ),
  showSaveDialog: vi.fn(
    async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
      canceled: true,
    }),
  ),
  showMessageBox: vi.fn(
    async (..._args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> => ({
      response: 1,
      checkboxChecked: false,
    }),
  ),
  showErrorBox: vi.fn(),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
};

export const ipcMain = {
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  handle: vi.fn(
    (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
      ipcMain.handlers.set(channel, handler);
    },
  ),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

const display = (id: number, x: number, y: number, width: number, height: number) => ({
  id,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - 40 },
});

export const screen = {
  getPrimaryDisplay: vi.fn(() => display(1, 0, 0, 1920, 1080)),
  getAllDisplays: vi.fn(() => [display(1, 0, 0, 1920, 1080)]),
};

export class FakeSession {
  permissionRequestHandler: Listener | undefined;
  permissionCheckHandler: Listener | undefined;
  devicePermissionHandler: Listener | undefined;
  beforeRequest: Listener | undefined;
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener) {
    this.devicePermissionHandler = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (handler: Listener) => {
      this.beforeRequest = handler;
    },
  };
}
export const session = { defaultSession: new FakeSession() };

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

/** A fake IPC event from a frame at `url` (top frame unless `parent` is given). */
export function fakeEvent(
  url: string,
  sender: FakeWebContents = new FakeWebContents(),
  parent: unknown = null,
) {
  return { sender, senderFrame: { url, parent } };
}

/** Invokes a registered handler as a renderer would. */
export function invoke(channel: string, event: unknown, payload?: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, payload);
}
