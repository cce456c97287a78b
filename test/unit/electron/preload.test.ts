/**
 * The preload exposes `window.api` with one function per channel of the contract, each passing
 * only its payload; no ipcRenderer, no IPC event object reaches the page.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_TABLE, channels, tableChannels, type DesktopApi } from '../../../shared/ipc/contract';
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

  it('exposes exactly the methods of the table, each invoking its own leaf channel', async () => {
    /** Every leaf of the table with its path: a channel name, or `event:<name>`. */
    const leaves = (node: object, prefix = ''): [string, string][] =>
      Object.entries(node).flatMap(([key, v]): [string, string][] =>
        typeof v === 'string'
          ? [[`${prefix}${key}`, v]]
          : 'event' in v && typeof v.event === 'string'
            ? [[`${prefix}${key}`, `event:${v.event}`]]
            : leaves(v as object, `${prefix}${key}.`),
      );
    const table = new Map(leaves(API_TABLE));
    const exposed = functions(api);
    expect(exposed.map(([name]) => name).sort()).toEqual([...table.keys()].sort());
    for (const [name, fn] of exposed) {
      const leaf = table.get(name)!;
      if (leaf.startsWith('event:')) {
        ipcRenderer.on.mockClear();
        (fn as (listener: () => void) => () => void)(() => undefined)();
        expect(ipcRenderer.on.mock.calls[0]![0]).toBe(leaf.slice('event:'.length));
        continue;
      }
      ipcRenderer.invoke.mockClear();
      await fn(undefined);
      expect(ipcRenderer.invoke.mock.calls[0]![0], name).toBe(leaf);
    }
    ipcRenderer.on.mockClear();
    ipcRenderer.removeListener.mockClear();
    // The table and the payload schemas name the same channels, each once.
    expect(tableChannels()).toHaveLength(new Set(tableChannels()).size);
    expect([...tableChannels()].sort()).toEqual(Object.keys(channels).sort());
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
