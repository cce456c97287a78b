/**
 * The preload exposes `window.api` with one function per channel of the contract, each passing
 * only its payload; no ipcRenderer, no IPC event object reaches the page.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, type DesktopApi } from '../../../shared/ipc/contract';
import { contextBridge, ipcRenderer } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

let api: DesktopApi;
beforeAll(async () => {
  await import('../../../electron/preload/index');
  const [name, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, DesktopApi];
  expect(name).toBe('api');
  api = exposed;
});

/** Every function of the api with its path, e.g. ['files.read', fn]. */
const functions = (value: object, prefix = ''): [string, (...args: unknown[]) => unknown][] =>
  Object.entries(value).flatMap(([key, v]) =>
    typeof v === 'function'
      ? [[`${prefix}${key}`, v as (...args: unknown[]) => unknown]]
      : v && typeof v === 'object'
        ? functions(v, `${prefix}${key}.`)
        : [],
  );

describe('window.api', () => {
  it('is exposed once, is a desktop api, and holds nothing but functions and the kind', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(api.kind).toBe('desktop');
    expect(JSON.stringify(api)).toBe(
      '{"kind":"desktop","dialogs":{},"files":{},"documents":{},"shell":{},"report":{},"backups":{},"teamFolder":{}}',
    );
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('reaches every channel of the contract, passing only the payload', async () => {
    const reached = new Set<string>();
    for (const [name, fn] of functions(api)) {
      if (name === 'files.onOpened' || name === 'teamFolder.onChanged') continue;
      ipcRenderer.invoke.mockClear();
      await fn({ probe: name }, 'extra argument that must not cross');
      expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      const [channel, ...args] = ipcRenderer.invoke.mock.calls[0]!;
      reached.add(channel as string);
      expect(args.length).toBeLessThanOrEqual(1);
      expect(args).not.toContain('extra argument that must not cross');
    }
    expect([...reached].sort()).toEqual(Object.keys(channels).sort());
  });

  it('onOpened calls the listener without the IPC event and can unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = api.files.onOpened(listener);
    const [channel, wrapped] = ipcRenderer.on.mock.calls[0] as [string, (...a: unknown[]) => void];
    expect(channel).toBe('file:opened');
    wrapped({ sender: 'ipc event with sender' }, 'payload');
    expect(listener).toHaveBeenCalledWith();
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('file:opened', wrapped);
  });
});
