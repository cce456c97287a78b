/**
 * The one place an `IpcError` becomes Indonesian text: the renderer throws it to the screen where
 * the user acted (renderer/src/platform/desktop.ts), and main uses it only for its own native
 * dialogs. Same wording the app always used; `detail` (main's own sentence) wins when present.
 */
import type { FileAction, IpcError } from './errors';

export function ipcErrorMessage(error: IpcError): string {
  if ('detail' in error && error.detail) return error.detail;
  switch (error.code) {
    case 'diskFull':
      return `Ruang penyimpanan penuh. Berkas tidak ${error.action === 'menyimpan' ? 'disimpan' : 'diproses'}; kosongkan ruang lalu coba lagi.`;
    case 'permissionDenied':
      return `Tidak ada izin ${error.action} berkas di lokasi ini. Pilih folder lain atau periksa izin foldernya.`;
    case 'busy':
      return `Berkas sedang dipakai aplikasi lain. Tutup aplikasi itu lalu coba ${error.action} lagi.`;
    case 'notFound':
      return 'Berkas atau folder tidak ditemukan. Mungkin sudah dipindahkan atau dihapus.';
    case 'isDirectory':
      return 'Yang dipilih adalah folder, bukan berkas.';
    case 'nameTooLong':
      return 'Nama atau alamat berkas terlalu panjang. Pilih nama yang lebih pendek.';
    case 'tooLarge':
      return `Berkas terlalu besar untuk ${actionNoun(error.action)} di lokasi ini. Pilih lokasi lain.`;
    case 'tooManyOpen':
      return 'Terlalu banyak berkas terbuka. Tutup beberapa berkas lalu coba lagi.';
    case 'fileFailed':
      return `Gagal ${error.action} berkas. Silakan coba lagi.`;
    case 'rejectedSender':
      return 'Permintaan ditolak: pengirim tidak dikenal.';
    case 'invalidPayload':
      return 'Permintaan tidak sah: data yang dikirim tidak sesuai.';
    case 'internal':
      return 'Terjadi kesalahan pada aplikasi. Silakan coba lagi.';
    case 'staleGrant':
      return 'Berkas tidak lagi tersedia. Pilih berkas itu sekali lagi.';
    case 'staleHandle':
      return 'Berkas sudah ditutup atau tidak dikenal. Ulangi langkah tadi dari awal.';
    case 'tooManyHandles':
      return 'Terlalu banyak berkas terbuka sekaligus. Tunggu proses lain selesai lalu coba lagi.';
    case 'noViewer':
      return 'Tidak ada aplikasi di komputer ini yang dapat membuka berkas ini. Simpan berkasnya lalu buka dengan aplikasi yang sesuai.';
    case 'invalid':
      return error.detail;
  }
}

const actionNoun = (action: FileAction): string =>
  action === 'menyimpan' ? 'disimpan' : action === 'menghapus' ? 'dihapus' : 'dibuka';
