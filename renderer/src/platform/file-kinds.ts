/** File kinds: the extensions and MIME types each picker and save dialog offers. */
import type { FileKind } from './types';

export interface FileKindSpec {
  /** Indonesian filter label, e.g. "Dokumen bukti dukung". */
  label: string;
  extensions: string[];
  mimeTypes: string[];
}

export const fileKinds: Record<FileKind, FileKindSpec> = {
  evidence: {
    label: 'Dokumen bukti dukung (PDF, gambar, dokumen Office)',
    extensions: [
      'pdf',
      'png',
      'jpg',
      'jpeg',
      'gif',
      'webp',
      'doc',
      'docx',
      'xls',
      'xlsx',
      'ppt',
      'pptx',
      'odt',
      'ods',
      'odp',
      'txt',
      'csv',
      'zip',
    ],
    mimeTypes: [],
  },
  bundle: {
    label: 'Berkas Evaluasi SPBE (.spbe)',
    extensions: ['spbe'],
    mimeTypes: ['application/x-spbe'],
  },
  image: {
    label: 'Gambar (PNG, JPEG, SVG)',
    extensions: ['png', 'jpg', 'jpeg', 'svg', 'webp'],
    mimeTypes: ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp'],
  },
  profile: {
    label: 'Profil daerah (.json)',
    extensions: ['json'],
    mimeTypes: ['application/json'],
  },
  pdf: { label: 'Dokumen PDF', extensions: ['pdf'], mimeTypes: ['application/pdf'] },
  docx: {
    label: 'Dokumen Word (.docx)',
    extensions: ['docx'],
    mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  xlsx: {
    label: 'Buku kerja Excel (.xlsx)',
    extensions: ['xlsx'],
    mimeTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
  json: { label: 'Berkas JSON', extensions: ['json'], mimeTypes: ['application/json'] },
};

/** The `accept` attribute of a file input for a kind. */
export const acceptAttribute = (kind: FileKind): string =>
  [...fileKinds[kind].extensions.map((e) => `.${e}`), ...fileKinds[kind].mimeTypes].join(',');
