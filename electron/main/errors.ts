/**
 * Failures meant for the user: an Indonesian message that crosses the IPC bridge as the Result's
 * error. Anything else is logged in main and reported with a generic message.
 */

export class UserFacingError extends Error {}

/** Indonesian words for what the user was doing when a file operation failed. */
export type FileAction = 'membaca' | 'menyimpan' | 'menghapus' | 'membuka';

/**
 * Turns a Node file-system error into a message the user can act on (full disk, no permission,
 * file in use, file gone). Unknown errors keep a generic message; the caller logs the detail.
 */
export function fileErrorMessage(error: unknown, action: FileAction): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Ruang penyimpanan penuh. Berkas tidak ${action === 'menyimpan' ? 'disimpan' : 'diproses'}; kosongkan ruang lalu coba lagi.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Tidak ada izin ${action} berkas di lokasi ini. Pilih folder lain atau periksa izin foldernya.`;
    case 'EBUSY':
      return `Berkas sedang dipakai aplikasi lain. Tutup aplikasi itu lalu coba ${action} lagi.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return 'Berkas atau folder tidak ditemukan. Mungkin sudah dipindahkan atau dihapus.';
    case 'EISDIR':
      return 'Yang dipilih adalah folder, bukan berkas.';
    case 'ENAMETOOLONG':
      return 'Nama atau alamat berkas terlalu panjang. Pilih nama yang lebih pendek.';
    case 'EMFILE':
    case 'ENFILE':
      return 'Terlalu banyak berkas terbuka. Tutup beberapa berkas lalu coba lagi.';
    default:
      return `Gagal ${action} berkas. Silakan coba lagi.`;
  }
}

/** Wraps a file-system failure as a UserFacingError, logging the technical detail. */
export function asFileError(
  error: unknown,
  action: FileAction,
  log: (message: string) => void = console.warn,
): UserFacingError {
  if (error instanceof UserFacingError) return error;
  log(`Gagal ${action} berkas: ${error instanceof Error ? error.message : String(error)}`);
  return new UserFacingError(fileErrorMessage(error, action));
}
