/**
 * The preload: exposes the named functions of the IPC contract as `window.api`, one per channel.
 * Never exposes ipcRenderer, the IPC event or any Node object (Electron security checklist,
 * "do not expose Electron APIs to untrusted web content"). Sandboxed: it may only require
 * 'electron', so it imports nothing but types from the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  Channel,
  DesktopApi,
  OPENED_FILES_EVENT,
  TEAM_FOLDER_CHANGED_EVENT,
} from '../../shared/ipc/contract';

const openedFilesEvent: typeof OPENED_FILES_EVENT = 'file:opened';
const teamFolderChangedEvent: typeof TEAM_FOLDER_CHANGED_EVENT = 'team-folder:changed';

/** Subscribes to a main event; the listener gets no arguments (never the IPC event). */
const onEvent = (channel: string) => (listener: () => void) => {
  const wrapped = () => listener();
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
};

// Each function forwards only its single payload argument; nothing else crosses.
const invoke =
  (channel: Channel) =>
  (input?: unknown): Promise<never> =>
    ipcRenderer.invoke(channel, input) as Promise<never>;

const api = {
  kind: 'desktop',
  appInfo: () => ipcRenderer.invoke('app:info') as Promise<never>,
  dialogs: {
    open: invoke('dialog:open'),
    save: invoke('dialog:save'),
  },
  files: {
    readOpen: invoke('file:read-open'),
    read: invoke('file:read'),
    readClose: invoke('file:read-close'),
    writeOpen: invoke('file:write-open'),
    write: invoke('file:write'),
    writeCommit: invoke('file:write-commit'),
    writeAbort: invoke('file:write-abort'),
    takeOpened: () => ipcRenderer.invoke('file:take-opened') as Promise<never>,
    onOpened: onEvent(openedFilesEvent),
  },
  documents: {
    create: invoke('document:create'),
    open: invoke('document:open'),
  },
  shell: {
    openExternal: invoke('shell:open-external'),
  },
  report: {
    printToPdf: invoke('report:print-pdf'),
  },
  backups: {
    location: () => ipcRenderer.invoke('backup:location') as Promise<never>,
    configure: invoke('backup:configure'),
    list: () => ipcRenderer.invoke('backup:list') as Promise<never>,
    readOpen: invoke('backup:read-open'),
    writeOpen: invoke('backup:write-open'),
    remove: invoke('backup:remove'),
  },
  teamFolder: {
    choose: () => ipcRenderer.invoke('team-folder:choose') as Promise<never>,
    remembered: () => ipcRenderer.invoke('team-folder:remembered') as Promise<never>,
    forget: () => ipcRenderer.invoke('team-folder:forget') as Promise<never>,
    list: () => ipcRenderer.invoke('team-folder:list') as Promise<never>,
    stat: invoke('team-folder:stat'),
    readOpen: invoke('team-folder:read-open'),
    writeOpen: invoke('team-folder:write-open'),
    watch: () => ipcRenderer.invoke('team-folder:watch') as Promise<never>,
    unwatch: () => ipcRenderer.invoke('team-folder:unwatch') as Promise<never>,
    onChanged: onEvent(teamFolderChangedEvent),
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
