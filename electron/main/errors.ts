/**
 * Failures meant for the user: a UserFacingError carries a coded IpcError
 * (shared/ipc/errors.ts) that crosses the IPC bridge as the Result's error; the renderer words
 * it. Anything else is logged in main and reported as `internal`.
 */
import type { FileAction, FileErrorCode, IpcError } from '../../shared/ipc/errors';
import { ipcErrorMessage } from '../../shared/ipc/error-messages';

export type { FileAction } from '../../shared/ipc/errors';

export class UserFacingError extends Error {
  readonly error: IpcError;
  /** A coded error, or a sentence only main can word (code `invalid`). */
  constructor(error: IpcError | string) {
    const coded: IpcError = typeof error === 'string' ? { code: 'invalid', detail: error } : error;
    super(ipcErrorMessage(coded));
    this.error = coded;
  }
}

/** The IpcError code of a Node file-system error code (errno name); `fileFailed` when unknown. */
export function fileErrorCode(error: unknown): FileErrorCode {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'diskFull';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permissionDenied';
    case 'EBUSY':
      return 'busy';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'notFound';
    case 'EISDIR':
      return 'isDirectory';
    case 'ENAMETOOLONG':
      return 'nameTooLong';
    case 'EFBIG':
      return 'tooLarge';
    case 'EMFILE':
    case 'ENFILE':
      return 'tooManyOpen';
    default:
      return 'fileFailed';
  }
}

/** Wraps a file-system failure as a coded UserFacingError, logging the technical detail. */
export function asFileError(
  error: unknown,
  action: FileAction,
  log: (message: string) => void = console.warn,
): UserFacingError {
  if (error instanceof UserFacingError) return error;
  log(`Gagal ${action} berkas: ${error instanceof Error ? error.message : String(error)}`);
  return new UserFacingError({ code: fileErrorCode(error), action });
}
