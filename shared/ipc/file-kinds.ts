/**
 * File kinds: the extensions and MIME types each picker and save dialog offers. Shared by the
 * renderer (file inputs, browser save pickers) and Electron main (native dialog filters, the
 * types of evidence that may be opened with the system application).
 */

/** What kind of file a picker or save dialog is for (decides filters and default folders). */
export const FILE_KINDS = [
  'evidence',
  'bundle',
  'image',
  'profile',
  'pdf',
  'docx',
  'xlsx',
  'json',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

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

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  json: 'application/json',
  spbe: 'application/x-spbe',
};

/** The lower-case extension of a file name without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The MIME type of a file name by its extension ('' when unknown, like File.type). */
export const mimeTypeFor = (name: string): string => MIME_BY_EXTENSION[extensionOf(name)] ?? '';
