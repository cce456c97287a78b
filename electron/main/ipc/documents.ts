/**
 * IPC: opening things outside the app. Evidence is streamed into a temporary copy
 * (document:create, file:write ..., document:open) and opened with the system application;
 * web links open in the system browser after the user confirms (external-links.ts).
 */
import { BrowserWindow, shell } from 'electron';
import type { IpcError } from '../../../shared/ipc/contract';
import type { MainContext } from '../context';
import { asFileError, UserFacingError } from '../errors';
import { confirmAndOpenExternal } from '../external-links';
import type { AtomicWriter } from '../files/atomic-writer';
import { commitSession } from './files';
import { INVALID_PAYLOAD, type Register } from './handle';

export const NO_VIEWER: IpcError = { code: 'noViewer' };

export function registerDocumentHandlers(register: Register, ctx: MainContext): void {
  const { scopes, log } = ctx;

  register('document:create', async ({ name }, event) => {
    const scope = scopes.for(event.sender);
    scope.assertRoom();
    let writer: AtomicWriter;
    try {
      writer = await ctx.documents.create(name);
    } catch (error) {
      throw asFileError(error, 'membuka', log);
    }
    return { handle: scope.addWriter({ writer, purpose: 'document' }) };
  });

  register('document:open', async ({ handle }, event) => {
    const scope = scopes.for(event.sender);
    if (scope.writer(handle).purpose !== 'document') throw new UserFacingError(INVALID_PAYLOAD);
    const session = scope.takeWriter(handle);
    if (!session) throw new UserFacingError(INVALID_PAYLOAD);
    const { path } = await commitSession(session, log);
    await ctx.documents.markDownloaded(path);
    const failure = await shell.openPath(path);
    if (failure) {
      log(`Dokumen tidak dapat dibuka: ${path}: ${failure}`);
      throw new UserFacingError(NO_VIEWER);
    }
    return null;
  });

  register('shell:open-external', ({ url }, event) =>
    confirmAndOpenExternal(url, BrowserWindow.fromWebContents(event.sender), log),
  );
}
