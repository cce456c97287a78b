/**
 * The renderer's one view of the machine it runs on. `desktop.ts` implements it over the preload
 * (`window.api`), `web.ts` over browser APIs; `index.ts` picks one at start-up. Features use
 * only this interface, so every feature works the same in Electron and in a browser.
 */
import type { FileKind } from '../../../shared/ipc/file-kinds';

export interface PlatformInfo {
  kind: 'desktop' | 'web';
  /** Human description, e.g. "Aplikasi desktop 0.1.0 (linux)" or "Versi peramban 0.1.0". */
  description: string;
  version: string;
  /** Where the data lives, in words the user can act on. */
  dataLocation: string;
  /** Where automatic backups go, in words the user can act on. */
  backupLocation: string;
}

/** What kind of file a picker or save dialog is for (decides filters and default folders). */
export type { FileKind };

/** A file the user chose or opened; its bytes are read as a stream, never all at once. */
export interface PickedFile {
  name: string;
  size: number;
  /** MIME type when known ('' otherwise). */
  type: string;
  lastModified: number;
  stream(): ReadableStream<Uint8Array>;
  /** The file as a Blob (cheap in a browser; in Electron backed by a streamed read). */
  blob(): Promise<Blob>;
}

export interface PickOptions {
  kind: FileKind;
  multiple: boolean;
  /** Dialog title in Indonesian. */
  title: string;
}

export interface SaveOptions {
  kind: FileKind;
  suggestedName: string;
  title: string;
}

/** Where a save went; `null` from saveFile means the user cancelled. */
export interface SavedFile {
  name: string;
  /** Full path on the desktop; undefined in a browser (a download). */
  path?: string;
  size: number;
}

/** What a ContentWriter may use beyond the byte stream. */
export interface ContentSinkInfo {
  /**
   * The same sink, typed to take Blob chunks as well: given when the destination writes a Blob
   * as it is (a browser download built as a Blob of parts, a File System Access file), so that
   * stored Blobs reach the file by reference, never copied into script memory. Write to this one
   * or to the byte sink, not both.
   */
  blobs?: WritableStream<Uint8Array | Blob>;
}

/**
 * Writes the content to the destination the user chose. The writer gets a WritableStream; on the
 * desktop the bytes go to a temporary file renamed into place only when the writer finished, so a
 * failed or cancelled save never leaves a half-written file.
 */
export type ContentWriter = (
  sink: WritableStream<Uint8Array>,
  signal: AbortSignal,
  info?: ContentSinkInfo,
) => Promise<void>;

export interface BackupEntry {
  name: string;
  size: number;
  createdAt: number;
}

/**
 * Storage for automatic backups: a folder under Documents (desktop) or a browser database (web).
 * After each write the store keeps only the newest `keep()` backups.
 */
export interface BackupStore {
  /** Newest first. */
  list(): Promise<BackupEntry[]>;
  write(name: string, content: ContentWriter, signal?: AbortSignal): Promise<BackupEntry>;
  read(name: string): Promise<PickedFile>;
  remove(name: string): Promise<void>;
  /** How many backups are kept. */
  keep(): Promise<number>;
  /** Changes how many are kept (1–1000), removes the surplus at once; resolves the new value. */
  setKeep(keep: number): Promise<number>;
}

/** One `.spbe` file in the team folder, named by its path relative to the folder ("a/b.spbe"). */
export interface TeamFolderEntry {
  /** Relative path with "/" separators, at most one folder deep: "<evaluasi>/<asesor>.spbe". */
  path: string;
  size: number;
  lastModified: number;
}

/**
 * A folder shared by the team (a Windows share, a Syncthing/Nextcloud/OneDrive folder). The app
 * only ever names paths relative to it; the platform refuses anything that leaves it. Writes are
 * atomic: the bytes go to a temporary file in the same folder, renamed into place when complete,
 * so a teammate's app never reads a half-written file of ours (a sync client's own partial files
 * can still appear; readers retry those).
 */
export interface TeamFolder {
  /** What the user sees: the folder's name (browser) or full path (desktop). */
  readonly label: string;
  /** Every `*.spbe` file at most one folder deep; throws an Indonesian message when unreachable. */
  list(): Promise<TeamFolderEntry[]>;
  read(path: string): Promise<PickedFile>;
  /** Writes atomically, creating the sub-folder when needed. */
  write(path: string, content: ContentWriter, signal?: AbortSignal): Promise<TeamFolderEntry>;
  /**
   * Calls `listener` (debounced by the caller) when something in the folder may have changed.
   * Optional: where the platform cannot watch, callers poll `list()`.
   */
  watch?(listener: () => void): () => void;
}

/** Choosing and remembering the team folder. */
export interface TeamFolderAccess {
  /** Whether this platform can keep a team folder at all (browser: File System Access API). */
  readonly supported: boolean;
  /** Lets the user choose a folder (from a user gesture) and remembers it; null when cancelled. */
  choose(): Promise<TeamFolder | null>;
  /**
   * The remembered folder. `needs-permission`: the browser must ask again (call `choose` or
   * `grant` from a user gesture); `missing`: remembered but unreachable now (unplugged share).
   */
  remembered(): Promise<
    | { state: 'none' }
    | { state: 'ready'; folder: TeamFolder }
    | { state: 'needs-permission'; label: string }
    | { state: 'missing'; label: string; reason: string }
  >;
  /** Asks again for permission on the remembered folder (from a user gesture). */
  grant(): Promise<TeamFolder | null>;
  /** Forgets the folder (the files in it are left alone). */
  forget(): Promise<void>;
}

export interface Platform {
  readonly kind: 'desktop' | 'web';
  info(): Promise<PlatformInfo>;
  /** Lets the user choose files; resolves null when cancelled. Call from a user gesture. */
  pickFiles(options: PickOptions): Promise<PickedFile[] | null>;
  /** Lets the user choose where to save, then writes; resolves null when cancelled. */
  saveFile(
    options: SaveOptions,
    content: ContentWriter,
    signal?: AbortSignal,
  ): Promise<SavedFile | null>;
  /** Opens a document with the system application (desktop) or in a new tab (web). */
  openDocument(file: { name: string; type: string; blob: Blob }): Promise<void>;
  /** Opens an http(s) link the user clicked, after confirming. */
  openExternalLink(url: string): Promise<void>;
  /**
   * Makes a PDF of an app route laid out for print (A4). Desktop: printToPDF into a file the user
   * picks; web: the browser's print dialog on the same page. Resolves null when cancelled.
   */
  printToPdf(options: {
    route: string;
    suggestedName: string;
    title: string;
  }): Promise<SavedFile | null>;
  readonly backups: BackupStore;
  /** The team folder (issue 15); see TeamFolder. */
  readonly teamFolder: TeamFolderAccess;
  /** Files handed to the app from outside (double-click on a .spbe, second launch). */
  onOpenFile(listener: (file: PickedFile) => void): () => void;
}
