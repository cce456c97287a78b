/**
 * The preload: exposes `window.api`, built by walking the IPC table (shared/ipc/channels.ts):
 * each channel leaf becomes a function that forwards its single payload argument, each event
 * leaf a subscription whose listener gets no arguments. Never exposes ipcRenderer, the IPC event
 * or any Node object (Electron security checklist, "do not expose Electron APIs to untrusted web
 * content"). Sandboxed: it may only require 'electron', so esbuild bundles the table in (a module
 * of plain strings, no zod); from the contract it imports types only.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_TABLE, walkTable, type Channel } from '../../shared/ipc/channels';
import type { DesktopApi } from '../../shared/ipc/contract';

/** Each function forwards only its single payload argument (none for payload-less channels). */
const invoke = (channel: Channel) => (input?: unknown) =>
  input === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, input);

/** Subscribes to a main event; the listener gets no arguments (never the IPC event). */
const subscribe = (event: string) => (listener: () => void) => {
  const wrapped = () => listener();
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
};

// The walk gives every method exactly its table leaf's channel; DesktopApi is derived from the
// same table (contract.ts), so this one assertion only restates what the walk built.
const api = {
  kind: 'desktop',
  ...(walkTable(API_TABLE, invoke, subscribe) as Omit<DesktopApi, 'kind'>),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
