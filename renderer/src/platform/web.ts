/** The platform in a plain browser: the same interface on browser APIs. */
import { acceptAttribute, fileKinds } from './file-kinds';
import { pickedFromFile } from './picked-file';
import type { Platform, PlatformInfo, SavedFile } from './types';
import { collectToBlob, webBackupStore } from './web-backups';

function mimeFor(name: string, kind: keyof typeof fileKinds): string {
  return (
    fileKinds[kind].mimeTypes[0] ??
    (name.endsWith('.spbe') ? 'application/x-spbe' : 'application/octet-stream')
  );
}

/** Starts a browser download of a Blob. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const webPlatform: Platform = {
  kind: 'web',
  info: async (): Promise<PlatformInfo> => ({
    kind: 'web',
    description: `Versi peramban ${__APP_VERSION__}`,
    version: __APP_VERSION__,
    dataLocation: `Penyimpanan peramban (IndexedDB) untuk alamat ${window.location.origin}`,
    backupLocation: `Basis data cadangan di peramban ini (alamat ${window.location.origin}); unduh cadangan untuk menyimpannya di luar peramban`,
  }),

  pickFiles: (options) =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = options.multiple;
      input.accept = acceptAttribute(options.kind);
      input.setAttribute('aria-label', options.title);
      input.style.display = 'none';
      const done = (files: File[] | null) => {
        input.remove();
        resolve(files ? files.map(pickedFromFile) : null);
      };
      input.addEventListener('change', () => done(input.files ? [...input.files] : null), {
        once: true,
      });
      input.addEventListener('cancel', () => done(null), { once: true });
      document.body.append(input);
      input.click();
    }),

  async saveFile(options, content, signal): Promise<SavedFile | null> {
    // A download: the browser decides the folder (and may ask). The content is collected first.
    const blob = await collectToBlob(content, mimeFor(options.suggestedName, options.kind), signal);
    downloadBlob(blob, options.suggestedName);
    return { name: options.suggestedName, size: blob.size };
  },

  async openDocument(file) {
    const url = URL.createObjectURL(file.blob);
    const opened = window.open(url, '_blank', 'noopener');
    if (!opened) downloadBlob(file.blob, file.name);
    setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
  },

  async openExternalLink(url) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return;
    if (window.confirm(`Buka tautan di luar aplikasi?\n${parsed.href}`)) {
      window.open(parsed.href, '_blank', 'noopener,noreferrer');
    }
  },

  async printToPdf(options) {
    const target = `#${options.route.startsWith('/') ? options.route : `/${options.route}`}`;
    if (window.location.hash !== target) {
      window.location.hash = target;
      await new Promise((r) => setTimeout(r, 300));
    }
    const previous = document.title;
    document.title = options.suggestedName.replace(/\.pdf$/i, '');
    window.print();
    document.title = previous;
    return null;
  },

  backups: webBackupStore,

  // A browser page cannot be handed files from outside; files come through the pickers.
  onOpenFile: () => () => undefined,
};
