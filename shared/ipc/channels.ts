/**
 * The one table of the IPC bridge: every `window.api` method and the channel it invokes, and
 * every main → renderer event with the method that subscribes to it. The preload builds
 * `window.api` by walking this table (buildApi), `DesktopApi` (contract.ts) is derived from it,
 * and main checks at start-up that every channel here has a handler. Adding a channel: one entry
 * here, then the compiler asks for its payload schema (`channels`) and reply type
 * (`ChannelOutputs`) in contract.ts, and a unit test for its handler in electron/main/ipc.
 *
 * Runtime-free of zod on purpose: the sandboxed preload bundles this module (it may require
 * nothing but 'electron'), so it holds plain strings only.
 */

/** Event main sends (no payload) when files were handed to the app from outside. */
export const OPENED_FILES_EVENT = 'file:opened';
/** Event main sends (no payload, debounced) when the watched team folder may have changed. */
export const TEAM_FOLDER_CHANGED_EVENT = 'team-folder:changed';

/** A leaf naming a main → renderer event: the method subscribes a listener to it. */
export interface EventLeaf<E extends string = string> {
  readonly event: E;
}
const event = <E extends string>(name: E): EventLeaf<E> => ({ event: name });

export const API_TABLE = {
  appInfo: 'app:info',
  dialogs: {
    open: 'dialog:open',
    save: 'dialog:save',
  },
  files: {
    readOpen: 'file:read-open',
    read: 'file:read',
    readClose: 'file:read-close',
    writeOpen: 'file:write-open',
    write: 'file:write',
    writeCommit: 'file:write-commit',
    writeAbort: 'file:write-abort',
    takeOpened: 'file:take-opened',
    /** Calls the listener when main has files waiting for file:take-opened. */
    onOpened: event(OPENED_FILES_EVENT),
  },
  documents: {
    create: 'document:create',
    open: 'document:open',
  },
  shell: {
    openExternal: 'shell:open-external',
  },
  report: {
    printToPdf: 'report:print-pdf',
  },
  backups: {
    location: 'backup:location',
    configure: 'backup:configure',
    list: 'backup:list',
    readOpen: 'backup:read-open',
    writeOpen: 'backup:write-open',
    remove: 'backup:remove',
  },
  teamFolder: {
    choose: 'team-folder:choose',
    remembered: 'team-folder:remembered',
    forget: 'team-folder:forget',
    list: 'team-folder:list',
    stat: 'team-folder:stat',
    readOpen: 'team-folder:read-open',
    writeOpen: 'team-folder:write-open',
    watch: 'team-folder:watch',
    unwatch: 'team-folder:unwatch',
    /** Calls the listener on TEAM_FOLDER_CHANGED_EVENT (after `watch`). */
    onChanged: event(TEAM_FOLDER_CHANGED_EVENT),
  },
} as const;

export type ApiTable = typeof API_TABLE;

/** A table node: a channel name, an event leaf, or a group of nodes. */
export type TableNode = string | EventLeaf | { readonly [key: string]: TableNode };

/** The channel names (string leaves) of a table node. */
type ChannelsOf<T> = T extends string
  ? T
  : T extends EventLeaf
    ? never
    : { [K in keyof T]: ChannelsOf<T[K]> }[keyof T];

/** Every invoke channel of the bridge, `area:action`. */
export type Channel = ChannelsOf<ApiTable>;

/** The channels in table order, e.g. for main's check that each has a handler. */
export function tableChannels(node: TableNode = API_TABLE): Channel[] {
  if (typeof node === 'string') return [node as Channel];
  if (isEventLeaf(node)) return [];
  return Object.values(node).flatMap((child) => tableChannels(child));
}

function isEventLeaf(node: TableNode): node is EventLeaf {
  return typeof node === 'object' && typeof (node as { event?: unknown }).event === 'string';
}

/**
 * Builds the api object by walking the table: each channel leaf becomes `invoke(channel)`, each
 * event leaf `subscribe(event)`. The result's type is declared by the caller (DesktopApi), which
 * the walk matches by construction: a method cannot be wired to another method's channel.
 */
export function walkTable(
  node: TableNode,
  invoke: (channel: Channel) => unknown,
  subscribe: (event: string) => unknown,
): unknown {
  if (typeof node === 'string') return invoke(node as Channel);
  if (isEventLeaf(node)) return subscribe(node.event);
  return Object.fromEntries(
    Object.entries(node).map(([key, child]) => [key, walkTable(child, invoke, subscribe)]),
  );
}
