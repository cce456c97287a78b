/**
 * What an evidence file must be before it enters the vault: not empty, not above the size limit,
 * of an accepted type, and with content that matches its extension (a renamed executable is not
 * a PDF). Checking the first bytes keeps the in-app previewer away from disguised content.
 */
import { formatBytes } from '../../../../shared/format/number';
import { extensionOf, fileKinds, mimeTypeFor } from '../../../../shared/ipc/file-kinds';

export interface FileLike {
  name: string;
  size: number;
  type: string;
  slice(start?: number, end?: number): Blob;
}

/** Leading bytes each type must start with ("magic numbers"). Text types have none. */
const SIGNATURES: Record<string, number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46]],
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[0x47, 0x49, 0x46, 0x38]],
  webp: [[0x52, 0x49, 0x46, 0x46]],
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  xlsx: [[0x50, 0x4b, 0x03, 0x04]],
  pptx: [[0x50, 0x4b, 0x03, 0x04]],
  odt: [[0x50, 0x4b, 0x03, 0x04]],
  ods: [[0x50, 0x4b, 0x03, 0x04]],
  odp: [[0x50, 0x4b, 0x03, 0x04]],
  zip: [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ],
  doc: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  xls: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ppt: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
};

/** The evidence types the vault accepts: the evidence picker's list (shared with main). */
const ACCEPTED = new Set(fileKinds.evidence.extensions);

/** The stored MIME type: by extension, else what the browser said. */
export const mimeOf = (name: string, given: string): string =>
  mimeTypeFor(name) || given || 'application/octet-stream';

export class RejectedFileError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = 'RejectedFileError';
  }
}

/** Throws RejectedFileError with an Indonesian message when the file may not be stored. */
export async function checkEvidenceFile(file: FileLike, maxBytes: number): Promise<void> {
  const ext = extensionOf(file.name);
  if (file.size === 0) {
    throw new RejectedFileError(
      file.name,
      `Berkas "${file.name}" kosong (0 bita) dan tidak disimpan.`,
    );
  }
  if (file.size > maxBytes) {
    throw new RejectedFileError(
      file.name,
      `Berkas "${file.name}" berukuran ${formatBytes(file.size)}, melebihi batas ${formatBytes(maxBytes)} per berkas.`,
    );
  }
  if (!ACCEPTED.has(ext)) {
    throw new RejectedFileError(
      file.name,
      `Jenis berkas "${file.name}" tidak diterima sebagai bukti dukung. Gunakan PDF, gambar (PNG/JPEG), atau dokumen Office.`,
    );
  }
  const signatures = SIGNATURES[ext];
  if (!signatures) return;
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  } catch {
    throw new RejectedFileError(file.name, `Berkas "${file.name}" tidak dapat dibaca.`);
  }
  const matches = signatures.some((sig) => sig.every((b, i) => head[i] === b));
  if (!matches) {
    throw new RejectedFileError(
      file.name,
      `Isi berkas "${file.name}" tidak sesuai dengan jenisnya (.${ext}); berkas mungkin rusak atau bukan dokumen ${ext.toUpperCase()}.`,
    );
  }
}
