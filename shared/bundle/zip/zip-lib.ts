/**
 * The one import of @zip.js/zip.js, configured once for bundles. The "custom" core build carries
 * no web worker script and no WASM codec: deflate comes from the platform's CompressionStream
 * (Node 20 and Chromium both have "deflate-raw"), and nothing is loaded from a blob: or data: URL,
 * which the renderer's Content Security Policy forbids. Evidence is stored, not deflated, so the
 * codec only ever runs on the manifest.
 */
import * as zip from '@zip.js/zip.js/lib/zip-core-custom.js';
import { BundleError } from '../errors';
import { displayName } from '../entries';

let configured = false;

export function zipLib(): typeof zip {
  if (!configured) {
    zip.configure({ useWebWorkers: false, useCompressionStream: true });
    configured = true;
  }
  return zip;
}

/** An entry of a zip directory as zip.js gives it (typed through generics not needed here). */
export type ZipEntry = Awaited<
  ReturnType<InstanceType<ReturnType<typeof zipLib>['ZipReader']>['getEntries']>
>[number];
/** A file entry (not a directory). */
export type ZipFileEntry = Extract<ZipEntry, { directory: false }>;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A zip.js error (or any error from reading a bundle) as a `BundleError` with an Indonesian
 * message. `entry` is the entry being read when it happened.
 */
export function bundleErrorFromZip(e: unknown, entry?: string): BundleError {
  if (e instanceof BundleError) return e;
  const z = zipLib();
  const message = messageOf(e);
  const where = entry ? ` (entri "${displayName(entry)}")` : '';
  const name = e instanceof Error ? e.name : '';
  if (name === 'AbortError' || message === z.ERR_ABORTED) {
    return new BundleError('aborted', 'Proses dibatalkan oleh pengguna.', entry, { cause: e });
  }
  switch (message) {
    case z.ERR_INVALID_PASSWORD:
      return new BundleError(
        'wrongPassword',
        'Kata sandi salah. Periksa kata sandi dari pengirim berkas lalu coba lagi.',
        entry,
        { cause: e },
      );
    case z.ERR_ENCRYPTED:
      return new BundleError(
        'passwordRequired',
        'Berkas ini dilindungi kata sandi. Masukkan kata sandi untuk membukanya.',
        entry,
        { cause: e },
      );
    case z.ERR_EOCDR_NOT_FOUND:
    case z.ERR_EOCDR_LOCATOR_ZIP64_NOT_FOUND:
    case z.ERR_CENTRAL_DIRECTORY_NOT_FOUND:
      return new BundleError(
        'corrupt',
        'Berkas terpotong atau rusak: daftar isi arsip zip di akhir berkas tidak ditemukan.',
        entry,
        { cause: e },
      );
    case z.ERR_LOCAL_FILE_HEADER_NOT_FOUND:
    case z.ERR_ENTRY_DATA_OUT_OF_BOUNDS:
    case z.ERR_BAD_FORMAT:
    case z.ERR_EXTRAFIELD_ZIP64_NOT_FOUND:
    case z.ERR_SPLIT_ZIP_FILE:
    case z.ERR_OVERLAPPING_ENTRY:
      return new BundleError(
        'corrupt',
        `Berkas terpotong atau rusak: struktur arsip zip tidak utuh${where}.`,
        entry,
        { cause: e },
      );
    case z.ERR_AMBIGUOUS_ARCHIVE:
      return new BundleError(
        'corrupt',
        `Berkas rusak atau dimanipulasi: struktur arsip zip dapat dibaca lebih dari satu cara${where}.`,
        entry,
        { cause: e },
      );
    case z.ERR_INVALID_AUTHENTICATION_CODE:
      return new BundleError(
        'corrupt',
        `Isi terenkripsi rusak atau diubah${where}: kode autentikasi tidak cocok.`,
        entry,
        { cause: e },
      );
    case z.ERR_INVALID_CRC32:
    case z.ERR_INVALID_COMPRESSED_DATA:
      return new BundleError(
        'corrupt',
        `Isi berkas rusak${where}: data tidak dapat dibaca utuh.`,
        entry,
        {
          cause: e,
        },
      );
    case z.ERR_INVALID_UNCOMPRESSED_SIZE:
      return new BundleError(
        'zipBomb',
        // A flipped byte in deflated data does this as well as a zip bomb: the file is damaged.
        `Berkas rusak atau dimanipulasi: ${entry ? `entri "${displayName(entry)}"` : 'sebuah entri'} menghasilkan lebih banyak data daripada ukuran yang dinyatakan; pembacaan dihentikan.`,
        entry,
        { cause: e },
      );
    case z.ERR_UNSUPPORTED_COMPRESSION:
    case z.ERR_UNSUPPORTED_ENCRYPTION:
    case z.ERR_ENCRYPTED_CENTRAL_DIRECTORY:
      return new BundleError(
        'unsupported',
        `Berkas memakai metode kompresi atau enkripsi yang tidak didukung${where}.`,
        entry,
        { cause: e },
      );
    default:
      return new BundleError(
        'corrupt',
        `Berkas rusak atau tidak lengkap dan tidak dapat dibaca${where}.`,
        entry,
        { cause: e },
      );
  }
}
