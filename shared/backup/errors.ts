/**
 * Why a backup file was refused or could not be written: one error class with a stable code (the
 * same vocabulary as the .spbe bundle's refusals, so zip-level errors translate once) and a
 * specific Indonesian message saying what is wrong and where.
 */
import type { BundleErrorCode } from '../bundle/errors';

export type BackupErrorCode = BundleErrorCode;

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    /** The zip entry concerned, when there is one. */
    readonly entry?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export const backupAborted = (): BackupError =>
  new BackupError('aborted', 'Proses dibatalkan oleh pengguna.');
