/**
 * The platform in Electron: the only module that touches `window.api` (the preload). Files are
 * streamed through main in bounded chunks (shared/ipc/contract.ts): a picked file is read chunk
 * by chunk as its stream is pulled, and a save writes chunk by chunk into a temporary file that
 * main renames into place only when the writer finished. Errors from main arrive as coded
 * IpcErrors and are thrown as `IpcFailure`, whose message is the Indonesian wording of
 * shared/ipc/error-messages.ts and whose `error.code` says what failed (diskFull, notFound, ...).
 */
import {
  MAX_CHUNK_BYTES,
  READ_CHUNK_BYTES,
  type DesktopApi,
  type FileMeta,
  type IpcError,
  type ReadOpened,
  type Result,
} from '../../../shared/ipc/contract';
import { ipcErrorMessage } from '../../../shared/ipc/error-messages';
import { ipcErrorSchema } from '../../../shared/ipc/errors';
import { runContentWriter, type WriteTarget } from './content-writer';
import type {
  BackupStore,
  Platform,
  PlatformInfo,
  PickedFile,
  SavedFile,
  TeamFolder,
  TeamFolderAccess,
} from './types';

declare global {
  interface Window {
    api?: DesktopApi;
  }
}

export function desktopApi(): DesktopApi | undefined {
  return window.api?.kind === 'desktop' ? window.api : undefined;
}

/** A failed call to main: `message` for the user, `error.code` for the program. */
export class IpcFailure extends Error {
  constructor(readonly error: IpcError) {
    super(ipcErrorMessage(error));
    this.name = 'IpcFailure';
  }
}

/** The error main sent, checked; anything not in the contract reads as an internal failure. */
export function receivedError(error: unknown): IpcError {
  const parsed = ipcErrorSchema.safeParse(error);
  return parsed.success ? parsed.data : { code: 'internal' };
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new IpcFailure(receivedError(result.error));
  return result.value;
}

interface RemoteFileInfo {
  name: string;
  size: number;
  lastModified: number;
  type: string;
}

/** A file in main, read through a handle as its stream is pulled (never whole in memory). */
function remoteFile(
  api: DesktopApi,
  info: RemoteFileInfo,
  open: () => Promise<Result<ReadOpened>>,
): PickedFile {
  const stream = (): ReadableStream<Uint8Array> => {
    let handle: string | undefined;
    let size = 0;
    let offset = 0;
    const close = async () => {
      const open = handle;
      handle = undefined;
      if (open) await api.files.readClose({ handle: open });
    };
    return new ReadableStream<Uint8Array>(
      {
        async start() {
          const opened = unwrap(await open());
          handle = opened.handle;
          size = opened.size;
        },
        async pull(controller) {
          if (!handle) return;
          try {
            const length = Math.min(READ_CHUNK_BYTES, size - offset);
            const chunk =
              length > 0 ? unwrap(await api.files.read({ handle, offset, length })) : null;
            if (!chunk || chunk.byteLength === 0) {
              await close();
              controller.close();
              return;
            }
            offset += chunk.byteLength;
            controller.enqueue(chunk);
          } catch (error) {
            await close().catch(() => undefined);
            throw error;
          }
        },
        cancel: close,
      },
      // One chunk read ahead: enough to keep a consumer busy, bounded memory.
      { highWaterMark: 1 },
    );
  };
  return {
    ...info,
    stream,
    blob: async () => {
      const blob = await new Response(stream()).blob();
      return new Blob([blob], { type: info.type });
    },
  };
}

/** Writes into a main-side handle: chunks at most MAX_CHUNK_BYTES, each with its offset. */
function remoteTarget<T>(
  api: DesktopApi,
  handle: string,
  commit: () => Promise<T>,
  abort: () => Promise<unknown> = () => api.files.writeAbort({ handle }),
): WriteTarget<T> {
  let offset = 0;
  return {
    async write(chunk) {
      for (let start = 0; start < chunk.byteLength; start += MAX_CHUNK_BYTES) {
        let piece = chunk.subarray(start, start + MAX_CHUNK_BYTES);
        // IPC clones a view's whole buffer: send a compact copy when the view is a slice.
        if (piece.byteOffset !== 0 || piece.byteLength !== piece.buffer.byteLength) {
          piece = piece.slice();
        }
        unwrap(await api.files.write({ handle, offset, data: piece }));
        offset += piece.byteLength;
      }
    },
    commit,
    abort: async () => {
      await abort();
    },
  };
}

const fromMeta = (api: DesktopApi, meta: FileMeta): PickedFile =>
  remoteFile(api, meta, () => api.files.readOpen({ token: meta.token }));

function desktopBackups(api: DesktopApi): BackupStore {
  return {
    async list() {
      return unwrap(await api.backups.list());
    },
    async write(name, content, signal) {
      const { handle } = unwrap(await api.backups.writeOpen({ name }));
      const committed = await runContentWriter(
        content,
        remoteTarget(api, handle, async () => unwrap(await api.files.writeCommit({ handle }))),
        signal,
      );
      return { name: committed.name, size: committed.size, createdAt: committed.createdAt };
    },
    async read(name) {
      const entry = unwrap(await api.backups.list()).find((e) => e.name === name);
      if (!entry) {
        throw new IpcFailure({
          code: 'notFound',
          action: 'membaca',
          detail: `Cadangan "${name}" tidak ditemukan.`,
        });
      }
      return remoteFile(
        api,
        { name, size: entry.size, lastModified: entry.createdAt, type: 'application/x-spbe' },
        () => api.backups.readOpen({ name }),
      );
    },
    async remove(name) {
      unwrap(await api.backups.remove({ name }));
    },
    async keep() {
      return unwrap(await api.backups.location()).keep;
    },
    async setKeep(keep) {
      return unwrap(await api.backups.configure({ keep })).keep;
    },
  };
}

/**
 * The team folder over main (electron/main/team-folder.ts): main remembers the folder and checks
 * every relative path; reads and writes stream through the same handles as any file. Watching
 * subscribes this window once, however many listeners the renderer adds.
 */
function desktopTeamFolder(api: DesktopApi): TeamFolderAccess {
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | undefined;
  const watch = (listener: () => void): (() => void) => {
    listeners.add(listener);
    if (!unsubscribe) {
      unsubscribe = api.teamFolder.onChanged(() => {
        for (const notify of [...listeners]) notify();
      });
      void api.teamFolder.watch().then((result) => {
        if (!result.ok) {
          console.warn(
            `Folder tim tidak dapat dipantau: ${ipcErrorMessage(receivedError(result.error))}`,
          );
        }
      });
    }
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0 || !unsubscribe) return;
      unsubscribe();
      unsubscribe = undefined;
      void api.teamFolder.unwatch();
    };
  };

  const folder = (label: string): TeamFolder => ({
    label,
    async list() {
      return unwrap(await api.teamFolder.list());
    },
    async read(path) {
      const entry = unwrap(await api.teamFolder.stat({ path }));
      return remoteFile(
        api,
        {
          name: path.slice(path.lastIndexOf('/') + 1),
          size: entry.size,
          lastModified: entry.lastModified,
          type: 'application/x-spbe',
        },
        () => api.teamFolder.readOpen({ path }),
      );
    },
    async write(path, content, signal) {
      const { handle } = unwrap(await api.teamFolder.writeOpen({ path }));
      const committed = await runContentWriter(
        content,
        remoteTarget(api, handle, async () => unwrap(await api.files.writeCommit({ handle }))),
        signal,
      );
      return { path, size: committed.size, lastModified: committed.createdAt };
    },
    watch,
  });

  const remembered: TeamFolderAccess['remembered'] = async () => {
    const state = unwrap(await api.teamFolder.remembered());
    switch (state.state) {
      case 'none':
        return state;
      case 'ready':
        return { state: 'ready', folder: folder(state.path) };
      case 'missing':
        return { state: 'missing', label: state.path, reason: state.reason };
    }
  };

  return {
    supported: true,
    async choose() {
      const chosen = unwrap(await api.teamFolder.choose());
      return chosen ? folder(chosen.path) : null;
    },
    remembered,
    // The desktop never has to ask again: the folder is ready or it is not reachable.
    async grant() {
      const state = await remembered();
      return state.state === 'ready' ? state.folder : null;
    },
    async forget() {
      unwrap(await api.teamFolder.forget());
    },
  };
}

/**
 * Files handed to the app from outside are taken from main as soon as they arrive and kept
 * here until a listener is subscribed, so none is lost while the app starts (or while React
 * re-subscribes in StrictMode).
 */
function openedFiles(api: DesktopApi): Platform['onOpenFile'] {
  const waiting: PickedFile[] = [];
  const listeners = new Set<(file: PickedFile) => void>();
  const flush = () => {
    if (listeners.size === 0) return;
    for (const file of waiting.splice(0)) for (const listener of listeners) listener(file);
  };
  const take = async () => {
    const result = await api.files.takeOpened();
    if (!result.ok) {
      console.warn(
        `Berkas yang dibuka dari luar tidak dapat diterima: ${ipcErrorMessage(receivedError(result.error))}`,
      );
      return;
    }
    waiting.push(...result.value.map((meta) => fromMeta(api, meta)));
    flush();
  };
  api.files.onOpened(() => void take());
  void take();
  return (listener) => {
    listeners.add(listener);
    flush();
    return () => {
      listeners.delete(listener);
    };
  };
}

export function createDesktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',

    info: async (): Promise<PlatformInfo> => {
      const { version, platform, userDataPath, backupPath } = unwrap(await api.appInfo());
      return {
        kind: 'desktop',
        description: `Aplikasi desktop ${version} (${platform})`,
        version,
        dataLocation: `Folder data aplikasi: ${userDataPath}`,
        backupLocation: `Folder cadangan: ${backupPath}`,
      };
    },

    async pickFiles(options) {
      const metas = unwrap(await api.dialogs.open(options));
      return metas ? metas.map((meta) => fromMeta(api, meta)) : null;
    },

    async saveFile(options, content, signal): Promise<SavedFile | null> {
      const target = unwrap(
        await api.dialogs.save({
          kind: options.kind,
          suggestedName: options.suggestedName,
          title: options.title,
        }),
      );
      if (!target) return null;
      const { handle } = unwrap(await api.files.writeOpen({ token: target.token }));
      const committed = await runContentWriter(
        content,
        remoteTarget(api, handle, async () => unwrap(await api.files.writeCommit({ handle }))),
        signal,
      );
      return { name: committed.name, path: committed.path, size: committed.size };
    },

    async openDocument(file) {
      const { handle } = unwrap(await api.documents.create({ name: file.name }));
      await runContentWriter(
        (sink, signal) => file.blob.stream().pipeTo(sink, { signal }),
        remoteTarget(api, handle, async () => unwrap(await api.documents.open({ handle }))),
      );
    },

    async openExternalLink(url) {
      // Reviewed (Electronegativity OPEN_EXTERNAL_JS_CHECK): main checks the URL and asks the
      // user before anything opens (electron/main/external-links.ts).
      unwrap(await api.shell.openExternal({ url })); // eng-disable OPEN_EXTERNAL_JS_CHECK
    },

    async printToPdf(options) {
      const route = options.route.startsWith('/') ? options.route : `/${options.route}`;
      const saved = unwrap(await api.report.printToPdf({ ...options, route }));
      return saved ? { name: saved.name, path: saved.path, size: saved.size } : null;
    },

    backups: desktopBackups(api),

    teamFolder: desktopTeamFolder(api),

    onOpenFile: openedFiles(api),
  };
}
