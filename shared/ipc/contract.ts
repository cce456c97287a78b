/**
 * The one IPC contract between the renderer and Electron main. Channels are named `area:action`;
 * every payload is parsed in main with the zod schema here (from `unknown`); every reply is a
 * `Result` whose error is a coded `IpcError` (errors.ts; worded by error-messages.ts). Which
 * channels exist, and which `window.api` method invokes each, is the one table API_TABLE
 * (channels.ts); `DesktopApi` is derived from it, and `channels` and `ChannelOutputs` here must
 * name exactly its channels (the compiler refuses a missing or unknown one). The preload builds
 * `window.api` from the table and exposes nothing else (no ipcRenderer).
 *
 * Files never cross the bridge whole. The renderer never names a path either (only paths
 * relative to the team folder, which main checks; see TEAM_FOLDER_CHANGED_EVENT): main hands out
 * opaque tokens for the files the user picked in a native dialog (or opened from outside), and
 * the renderer streams them through handles in bounded chunks:
 *
 *   read:   dialog:open -> file:read-open {token} -> file:read {handle, offset, length}* ->
 *           file:read-close
 *   write:  dialog:save -> file:write-open {token} -> file:write {handle, offset, data}* ->
 *           file:write-commit | file:write-abort
 *
 * A write goes to a temporary file in the target folder and is renamed into place on commit, so
 * an aborted or failed save never leaves a half-written file. Tokens and handles belong to the
 * web contents that received them and die with it.
 *
 * Print readiness (report:print-pdf): main loads `app://spbe/index.html#<route>` in a hidden
 * window and prints it to PDF only when the page sets `data-print-ready="true"` on
 * `document.body` (PRINT_READY_ATTRIBUTE); `"error"` aborts the print with an error. The route
 * sets it once its data is loaded and laid out (fonts, charts); see
 * renderer/src/platform/print-ready.ts. The page lays itself out for print (PRINT_PDF_SETTINGS).
 */
import { z } from 'zod';
import { type ApiTable, type Channel, type EventLeaf } from './channels';
import type { Result } from './errors';
import { FILE_KINDS } from './file-kinds';

export {
  API_TABLE,
  OPENED_FILES_EVENT,
  TEAM_FOLDER_CHANGED_EVENT,
  tableChannels,
  type Channel,
} from './channels';
export type { IpcError, IpcErrorCode, FileAction, Result } from './errors';

/** Largest chunk a single file:read or file:write may carry (8 MiB). */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;
/** The chunk size the renderer asks for when it streams a file (4 MiB). */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;
/** Open read and write handles one window may hold at once. */
export const MAX_OPEN_HANDLES = 32;

/** The attribute on `document.body` a printable route sets when it is laid out for print. */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';
export type PrintReadyState = 'true' | 'error';

/**
 * How a route is printed to PDF, by Electron main and by the tests alike: A4 with backgrounds,
 * and the page's own CSS `@page` rules decide the rest (landscape pages, margins, the running
 * header and "Halaman N dari M" in margin boxes), so that the desktop's PDF and the browser's
 * print of the same route are one layout. The outline and tags make the PDF navigable and
 * readable by assistive technology.
 */
export const PRINT_PDF_SETTINGS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateDocumentOutline: true,
  generateTaggedPDF: true,
} as const;

/**
 * The team folder (issue 15): a folder the user chose, shared by the team through a file share
 * or a sync client. The renderer names files only by their path relative to it,
 * "<evaluasi>/<asesor>.spbe" (TEAM_FOLDER_PATH_PATTERN here; main checks each segment again).
 * Reads reuse file:read / file:read-close, writes file:write / file:write-commit /
 * file:write-abort (atomic: a temporary file in the same sub-folder, renamed into place).
 * While a window has asked for team-folder:watch, main sends TEAM_FOLDER_CHANGED_EVENT (no
 * payload, debounced) when something in the folder may have changed.
 */
/** One or two segments separated by "/", ending in ".spbe"; no backslash, no leading "/". */
export const TEAM_FOLDER_PATH_PATTERN = /^(?:[^/\\]{1,150}\/)?[^/\\]{1,150}\.spbe$/i;

/**
 * Backup file names: letters, digits, space, dot, dash, underscore and brackets, ending in
 * `.spbe`; no path separators, no leading dot. See renderer/src/platform/backup-names.ts.
 */
export const BACKUP_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,150}\.spbe$/;
export const DEFAULT_BACKUPS_KEPT = 10;

const id = z.uuid();
const title = z.string().min(1).max(200);
const fileName = z.string().min(1).max(255);
const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const chunk = z.custom<Uint8Array>(
  (data) => data instanceof Uint8Array && data.byteLength > 0 && data.byteLength <= MAX_CHUNK_BYTES,
  'chunk of 1 byte to MAX_CHUNK_BYTES',
);
/** An app route such as `/laporan/123?cetak=1`: no scheme, no fragment, URL-safe characters. */
const route = z
  .string()
  .max(500)
  .regex(/^\/[A-Za-z0-9\-._~/?=&%+]*$/);
const backupName = z.string().regex(BACKUP_NAME_PATTERN);
const teamPath = z.string().max(310).regex(TEAM_FOLDER_PATH_PATTERN);

export const channels = {
  'app:info': z.undefined(),
  'dialog:open': z.strictObject({
    kind: z.enum(FILE_KINDS),
    multiple: z.boolean(),
    title,
  }),
  'dialog:save': z.strictObject({ kind: z.enum(FILE_KINDS), suggestedName: fileName, title }),
  'file:read-open': z.strictObject({ token: id }),
  'file:read': z.strictObject({
    handle: id,
    offset,
    length: z.number().int().min(1).max(MAX_CHUNK_BYTES),
  }),
  'file:read-close': z.strictObject({ handle: id }),
  'file:write-open': z.strictObject({ token: id }),
  'file:write': z.strictObject({ handle: id, offset, data: chunk }),
  'file:write-commit': z.strictObject({ handle: id }),
  'file:write-abort': z.strictObject({ handle: id }),
  'file:take-opened': z.undefined(),
  'document:create': z.strictObject({ name: fileName }),
  'document:open': z.strictObject({ handle: id }),
  'shell:open-external': z.strictObject({ url: z.string().min(1).max(4096) }),
  'report:print-pdf': z.strictObject({ route, suggestedName: fileName, title }),
  'backup:location': z.undefined(),
  'backup:configure': z.strictObject({ keep: z.number().int().min(1).max(1000) }),
  'backup:list': z.undefined(),
  'backup:read-open': z.strictObject({ name: backupName }),
  'backup:write-open': z.strictObject({ name: backupName }),
  'backup:remove': z.strictObject({ name: backupName }),
  'team-folder:choose': z.undefined(),
  'team-folder:remembered': z.undefined(),
  'team-folder:forget': z.undefined(),
  'team-folder:list': z.undefined(),
  'team-folder:stat': z.strictObject({ path: teamPath }),
  'team-folder:read-open': z.strictObject({ path: teamPath }),
  'team-folder:write-open': z.strictObject({ path: teamPath }),
  'team-folder:watch': z.undefined(),
  'team-folder:unwatch': z.undefined(),
} as const satisfies Record<Channel, z.ZodType>;

export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]>;

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electron: string;
  userDataPath: string;
  backupPath: string;
}

/** A file the user picked or opened; `token` reads it through file:read-open. */
export interface FileMeta {
  token: string;
  name: string;
  size: number;
  lastModified: number;
  /** MIME type by extension, '' when unknown. */
  type: string;
}

/** Where the user chose to save; `token` opens the write with file:write-open. */
export interface SaveTarget {
  token: string;
  name: string;
  path: string;
}

export interface ReadOpened {
  handle: string;
  size: number;
}

export interface WriteOpened {
  handle: string;
}

/** A file that was written and renamed into place. */
export interface CommittedFile {
  name: string;
  path: string;
  size: number;
  createdAt: number;
}

export interface BackupEntryInfo {
  name: string;
  size: number;
  createdAt: number;
}

export interface BackupLocation {
  path: string;
  keep: number;
}

/** A `.spbe` file in the team folder; `path` is relative, "<evaluasi>/<asesor>.spbe". */
export interface TeamFolderFile {
  path: string;
  size: number;
  lastModified: number;
}

/** The remembered team folder: `path` is the full folder path main keeps in its settings. */
export type TeamFolderState =
  | { state: 'none' }
  | { state: 'ready'; path: string }
  | { state: 'missing'; path: string; reason: string };

/** What each channel replies with (inside the Result). */
export interface ChannelOutputs {
  'app:info': AppInfo;
  'dialog:open': FileMeta[] | null;
  'dialog:save': SaveTarget | null;
  'file:read-open': ReadOpened;
  'file:read': Uint8Array;
  'file:read-close': null;
  'file:write-open': WriteOpened;
  'file:write': null;
  'file:write-commit': CommittedFile;
  'file:write-abort': null;
  'file:take-opened': FileMeta[];
  'document:create': WriteOpened;
  'document:open': null;
  'shell:open-external': boolean;
  'report:print-pdf': CommittedFile | null;
  'backup:location': BackupLocation;
  'backup:configure': BackupLocation;
  'backup:list': BackupEntryInfo[];
  'backup:read-open': ReadOpened;
  'backup:write-open': WriteOpened;
  'backup:remove': null;
  /** The chosen folder's full path, or null when the user cancelled. */
  'team-folder:choose': { path: string } | null;
  'team-folder:remembered': TeamFolderState;
  'team-folder:forget': null;
  'team-folder:list': TeamFolderFile[];
  'team-folder:stat': TeamFolderFile;
  'team-folder:read-open': ReadOpened;
  'team-folder:write-open': WriteOpened;
  'team-folder:watch': null;
  'team-folder:unwatch': null;
}

/** The api function of one channel: its payload (none when the schema is `undefined`) in, a Result out. */
export type Invoke<C extends Channel> =
  ChannelInput<C> extends undefined
    ? () => Promise<Result<ChannelOutputs[C]>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutputs[C]>>;

/** Subscribes a listener (called with no arguments) to a main event; returns unsubscribe. */
export type Subscribe = (listener: () => void) => () => void;

/** A table node as the renderer sees it: a channel's Invoke, an event's Subscribe, or a group. */
export type ApiOf<T> = {
  readonly [K in keyof T]: T[K] extends Channel
    ? Invoke<T[K]>
    : T[K] extends EventLeaf
      ? Subscribe
      : ApiOf<T[K]>;
};

/** What the preload exposes as `window.api`: API_TABLE with a function per leaf. */
export type DesktopApi = { readonly kind: 'desktop' } & ApiOf<ApiTable>;
