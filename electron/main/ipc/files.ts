/**
 * IPC: native open and save dialogs, and streamed reading and writing of the files the user
 * chose (see the protocol in shared/ipc/contract.ts). The renderer never sends a path: it gets
 * tokens for what the user picked, and handles for what it opened, bound to its own window.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { FileMeta } from '../../../shared/ipc/contract';
import { extensionOf, fileKinds, mimeTypeFor, type FileKind } from '../../../shared/ipc/file-kinds';
import type { MainContext } from '../context';
import { asFileError, UserFacingError } from '../errors';
import { AtomicWriter } from '../files/atomic-writer';
import { FileReaderHandle } from '../files/file-reader';
import type { SenderScope, WriteSession } from '../files/sender-scope';
import { safeFileName } from '../files/safe-name';
import { INVALID_PAYLOAD, type Register } from './handle';

const ALL_FILES = { name: 'Semua berkas', extensions: ['*'] };

export const openFilters = (kind: FileKind): Electron.FileFilter[] => [
  { name: fileKinds[kind].label, extensions: fileKinds[kind].extensions },
  ALL_FILES,
];

export const saveFilters = (kind: FileKind): Electron.FileFilter[] => [
  { name: fileKinds[kind].label, extensions: fileKinds[kind].extensions },
];

/** Adds the expected extension when the user typed a name without one. */
export function withExtension(chosen: string, kind: FileKind, suggestedName: string): string {
  if (extensionOf(path.basename(chosen))) return chosen;
  const ext = extensionOf(suggestedName) || fileKinds[kind].extensions[0] || '';
  return ext ? `${chosen}.${ext}` : chosen;
}

const parentOf = (event: IpcMainInvokeEvent): BrowserWindow | null =>
  BrowserWindow.fromWebContents(event.sender);

/** Folder last used per kind in this run, so the next dialog opens there. */
const lastFolder = new Map<FileKind, string>();

export async function describeFile(scope: SenderScope, file: string): Promise<FileMeta> {
  const info = await stat(file);
  if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  const name = path.basename(file);
  return {
    token: scope.grantRead(file),
    name,
    size: info.size,
    lastModified: info.mtimeMs,
    type: mimeTypeFor(name),
  };
}

/** Shows the native save dialog; the chosen path, or null when cancelled. */
export async function askSavePath(
  event: IpcMainInvokeEvent,
  options: { kind: FileKind; suggestedName: string; title: string },
): Promise<string | null> {
  const name = safeFileName(options.suggestedName);
  const dialogOptions: Electron.SaveDialogOptions = {
    title: options.title,
    buttonLabel: 'Simpan',
    defaultPath: path.join(lastFolder.get(options.kind) ?? app.getPath('documents'), name),
    filters: saveFilters(options.kind),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const parent = parentOf(event);
  const result = parent
    ? await dialog.showSaveDialog(parent, dialogOptions)
    : await dialog.showSaveDialog(dialogOptions);
  if (result.canceled || !result.filePath) return null;
  const target = withExtension(result.filePath, options.kind, name);
  lastFolder.set(options.kind, path.dirname(target));
  return target;
}

/** Writes one chunk; any failure aborts the whole write so no partial file remains. */
export async function writeChunk(
  scope: SenderScope,
  handle: string,
  offset: number,
  data: Uint8Array,
  log: (message: string) => void,
): Promise<null> {
  const session = scope.writer(handle);
  try {
    await session.writer.write(offset, data);
    return null;
  } catch (error) {
    scope.takeWriter(handle);
    await session.writer.abort().catch(() => undefined);
    throw asFileError(error, 'menyimpan', log);
  }
}

/** Commits a write session (rename into place) and runs its follow-up. */
export async function commitSession(session: WriteSession, log: (message: string) => void) {
  let committed;
  try {
    committed = await session.writer.commit();
  } catch (error) {
    throw asFileError(error, 'menyimpan', log);
  }
  await session.afterCommit?.(committed);
  return { name: path.basename(committed.path), ...committed };
}

export function registerFileHandlers(register: Register, ctx: MainContext): void {
  const { scopes, log } = ctx;

  register('dialog:open', async ({ kind, multiple, title }, event) => {
    const options: Electron.OpenDialogOptions = {
      title,
      buttonLabel: 'Pilih',
      defaultPath: lastFolder.get(kind),
      filters: openFilters(kind),
      properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    };
    const parent = parentOf(event);
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    if (result.canceled || result.filePaths.length === 0) return null;
    lastFolder.set(kind, path.dirname(result.filePaths[0] ?? ''));
    const scope = scopes.for(event.sender);
    try {
      return await Promise.all(result.filePaths.map((file) => describeFile(scope, file)));
    } catch (error) {
      throw asFileError(error, 'membaca', log);
    }
  });

  register('dialog:save', async (options, event) => {
    const target = await askSavePath(event, options);
    if (!target) return null;
    const scope = scopes.for(event.sender);
    return { token: scope.grantWrite(target), name: path.basename(target), path: target };
  });

  register('file:read-open', async ({ token }, event) => {
    const scope = scopes.for(event.sender);
    scope.assertRoom();
    const file = scope.readGrant(token);
    let reader: FileReaderHandle;
    try {
      reader = await FileReaderHandle.open(file);
    } catch (error) {
      throw asFileError(error, 'membaca', log);
    }
    return { handle: scope.addReader(reader), size: reader.size };
  });

  register('file:read', async ({ handle, offset, length }, event) => {
    const reader = scopes.for(event.sender).reader(handle);
    try {
      return await reader.read(offset, length);
    } catch (error) {
      throw asFileError(error, 'membaca', log);
    }
  });

  register('file:read-close', async ({ handle }, event) => {
    await scopes.for(event.sender).closeReader(handle);
    return null;
  });

  register('file:write-open', async ({ token }, event) => {
    const scope = scopes.for(event.sender);
    scope.assertRoom();
    const target = scope.takeWriteGrant(token);
    let writer: AtomicWriter;
    try {
      writer = await AtomicWriter.create(target);
    } catch (error) {
      throw asFileError(error, 'menyimpan', log);
    }
    return { handle: scope.addWriter({ writer, purpose: 'save' }) };
  });

  register('file:write', ({ handle, offset, data }, event) =>
    writeChunk(scopes.for(event.sender), handle, offset, data, log),
  );

  register('file:write-commit', async ({ handle }, event) => {
    const scope = scopes.for(event.sender);
    // A document copy is finished by document:open, which also opens it.
    if (scope.writer(handle).purpose === 'document') throw new UserFacingError(INVALID_PAYLOAD);
    const session = scope.takeWriter(handle);
    if (!session) throw new UserFacingError(INVALID_PAYLOAD);
    return commitSession(session, log);
  });

  register('file:write-abort', async ({ handle }, event) => {
    await scopes.for(event.sender).takeWriter(handle)?.writer.abort();
    return null;
  });

  register('file:take-opened', async (_input, event) => {
    // Only the main window's page receives files from outside (not a hidden print window).
    if (event.sender !== ctx.mainWindow()?.webContents) return [];
    const scope = scopes.for(event.sender);
    const metas: FileMeta[] = [];
    for (const file of ctx.opened.take()) {
      try {
        metas.push(await describeFile(scope, file));
      } catch (error) {
        log(`Berkas yang dibuka dari luar tidak dapat dibaca: ${file} (${String(error)})`);
        const parent = parentOf(event);
        const box: Electron.MessageBoxOptions = {
          type: 'error',
          title: 'Berkas tidak dapat dibuka',
          message: `Berkas "${path.basename(file)}" tidak dapat dibuka.`,
          detail: `${asFileError(error, 'membaca', () => undefined).message}\n\n${file}`,
          buttons: ['Tutup'],
        };
        void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
      }
    }
    return metas;
  });
}
