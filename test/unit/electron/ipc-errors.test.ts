/**
 * Main codes file-system failures by errno (electron/main/errors.ts); the renderer words the
 * code (shared/ipc/error-messages.ts) with the same Indonesian sentences the app always showed.
 */
import { describe, expect, it, vi } from 'vitest';
import { asFileError, fileErrorCode, UserFacingError } from '../../../electron/main/errors';
import { ipcErrorMessage } from '../../../shared/ipc/error-messages';

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('fileErrorCode', () => {
  it.each([
    ['ENOSPC', 'diskFull'],
    ['EDQUOT', 'diskFull'],
    ['EACCES', 'permissionDenied'],
    ['EPERM', 'permissionDenied'],
    ['EROFS', 'permissionDenied'],
    ['EBUSY', 'busy'],
    ['ENOENT', 'notFound'],
    ['ENOTDIR', 'notFound'],
    ['EISDIR', 'isDirectory'],
    ['ENAMETOOLONG', 'nameTooLong'],
    ['EFBIG', 'tooLarge'],
    ['EMFILE', 'tooManyOpen'],
    ['ENFILE', 'tooManyOpen'],
    ['EIO', 'fileFailed'],
  ])('%s → %s', (code, expected) => {
    expect(fileErrorCode(errno(code))).toBe(expected);
  });

  it('an error without an errno code is a plain failure', () => {
    expect(fileErrorCode(new Error('x'))).toBe('fileFailed');
    expect(fileErrorCode(undefined)).toBe('fileFailed');
  });
});

describe('asFileError', () => {
  it('codes ENOSPC on save as diskFull, logs the detail, and words it as before', () => {
    const log = vi.fn();
    const error = asFileError(errno('ENOSPC'), 'menyimpan', log);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.error).toEqual({ code: 'diskFull', action: 'menyimpan' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ENOSPC'));
    expect(ipcErrorMessage(error.error)).toBe(
      'Ruang penyimpanan penuh. Berkas tidak disimpan; kosongkan ruang lalu coba lagi.',
    );
  });

  it('keeps a UserFacingError as it is', () => {
    const refused = new UserFacingError('Nama berkas cadangan tidak sah.');
    expect(asFileError(refused, 'membaca', () => undefined)).toBe(refused);
    expect(refused.error).toEqual({ code: 'invalid', detail: 'Nama berkas cadangan tidak sah.' });
    expect(refused.message).toBe('Nama berkas cadangan tidak sah.');
  });
});

describe('ipcErrorMessage', () => {
  it('words each file failure with the action the user took', () => {
    const say = (code: Parameters<typeof fileErrorCode>[0], action: 'membaca' | 'menyimpan') =>
      ipcErrorMessage({ code: fileErrorCode(code), action });
    expect(say(errno('ENOSPC'), 'membaca')).toBe(
      'Ruang penyimpanan penuh. Berkas tidak diproses; kosongkan ruang lalu coba lagi.',
    );
    expect(say(errno('EACCES'), 'menyimpan')).toBe(
      'Tidak ada izin menyimpan berkas di lokasi ini. Pilih folder lain atau periksa izin foldernya.',
    );
    expect(say(errno('EBUSY'), 'membaca')).toBe(
      'Berkas sedang dipakai aplikasi lain. Tutup aplikasi itu lalu coba membaca lagi.',
    );
    expect(say(errno('ENOENT'), 'membaca')).toBe(
      'Berkas atau folder tidak ditemukan. Mungkin sudah dipindahkan atau dihapus.',
    );
    expect(say(errno('EFBIG'), 'menyimpan')).toBe(
      'Berkas terlalu besar untuk disimpan di lokasi ini. Pilih lokasi lain.',
    );
    expect(say(errno('EIO'), 'menyimpan')).toBe('Gagal menyimpan berkas. Silakan coba lagi.');
  });

  it("shows main's own sentence when the error carries one", () => {
    expect(
      ipcErrorMessage({
        code: 'notFound',
        action: 'membaca',
        detail: 'Cadangan "a.spbe" tidak ditemukan.',
      }),
    ).toBe('Cadangan "a.spbe" tidak ditemukan.');
    expect(ipcErrorMessage({ code: 'staleGrant' })).toBe(
      'Berkas tidak lagi tersedia. Pilih berkas itu sekali lagi.',
    );
  });
});
