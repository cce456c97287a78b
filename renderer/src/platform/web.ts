/**
 * The platform in a plain browser: the same interface on browser APIs. Saves stream into the
 * file the user picks with the File System Access API where the browser has it (Chromium), and
 * fall back to a download elsewhere and under automation (`navigator.webdriver`: the e2e suite
 * cannot drive the native picker, and asserts on downloads). Both accept Blob parts from the
 * writer (ContentSinkInfo.blobs): a stored Blob is written or referenced as it is.
 */
import { runContentWriter } from './content-writer';
import { acceptAttribute, fileKinds } from './file-kinds';
import { pickedFromFile } from './picked-file';
import { setPrintReady, waitForPrintReady } from './print-ready';
import type { FileKind, Platform, PlatformInfo, SavedFile, SaveOptions } from './types';
import { collectToBlob, webBackupStore } from './web-backups';
import { webTeamFolder } from './web-team-folder';

/** How long the browser waits for a route to signal it is ready to print. */
const PRINT_READY_TIMEOUT_MS = 30_000;

/** The parts of the File System Access API used here (not in TypeScript's DOM lib yet). */
interface SaveFilePickerOptions {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}
type ShowSaveFilePicker = (options: SaveFilePickerOptions) => Promise<FileSystemFileHandle>;

/** The browser's save picker, when it has one and is not driven by automation. */
export function saveFilePicker(): ShowSaveFilePicker | null {
  const picker = (window as unknown as { showSaveFilePicker?: ShowSaveFilePicker })
    .showSaveFilePicker;
  if (typeof picker !== 'function' || navigator.webdriver) return null;
  return (options) => picker.call(window, options);
}

const pickerTypes = (kind: FileKind): SaveFilePickerOptions['types'] => [
  {
    description: fileKinds[kind].label,
    accept: {
      [fileKinds[kind].mimeTypes[0] ?? 'application/octet-stream']: fileKinds[kind].extensions.map(
        (e) => `.${e}`,
      ),
    },
  },
];

/** What saveWithPicker returns when the browser refuses to show the picker at this moment. */
const PICKER_REFUSED = Symbol('picker refused');

/**
 * Streams the content into a file the user picks; null when the user cancels the picker.
 * The browser shows the picker only during a click ("user activation"), once per click: a
 * second save started by the same click (the report's "all three formats") is refused, and
 * that save goes to a download instead.
 */
async function saveWithPicker(
  picker: ShowSaveFilePicker,
  options: SaveOptions,
  content: Parameters<Platform['saveFile']>[1],
  signal?: AbortSignal,
): Promise<SavedFile | null | typeof PICKER_REFUSED> {
  let handle: FileSystemFileHandle;
  try {
    handle = await picker({
      suggestedName: options.suggestedName,
      types: pickerTypes(options.kind),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    if (
      error instanceof DOMException &&
      (error.name === 'SecurityError' || error.name === 'NotAllowedError')
    ) {
      return PICKER_REFUSED;
    }
    throw error;
  }
  // The browser writes to a swap file and replaces the target only on close(); abort() drops it.
  const writable = await handle.createWritable();
  let size = 0;
  await runContentWriter(
    content,
    {
      write: async (chunk) => {
        await writable.write(chunk as Uint8Array<ArrayBuffer>);
        size += chunk.byteLength;
      },
      // The browser copies a Blob into the file itself: no bytes pass through script memory.
      writeBlob: async (blob) => {
        await writable.write(blob);
        size += blob.size;
      },
      commit: () => writable.close(),
      abort: () => writable.abort(),
    },
    signal,
  );
  return { name: handle.name, size };
}

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
    const picker = saveFilePicker();
    if (picker) {
      const saved = await saveWithPicker(picker, options, content, signal);
      if (saved !== PICKER_REFUSED) return saved;
    }
    // A download: the browser decides the folder (and may ask). The content is collected first,
    // as a Blob of parts (stored Blobs the writer hands over are kept by reference).
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
      // The previous route's signal must not be mistaken for the new route's.
      setPrintReady(null);
      window.location.hash = target;
    }
    const state = await waitForPrintReady(PRINT_READY_TIMEOUT_MS);
    if (state !== 'true') {
      throw new Error(
        'Halaman laporan tidak dapat disiapkan untuk dicetak. Periksa data laporan lalu coba lagi.',
      );
    }
    const previous = document.title;
    document.title = options.suggestedName.replace(/\.pdf$/i, '');
    window.print();
    document.title = previous;
    return null;
  },

  backups: webBackupStore,

  teamFolder: webTeamFolder,

  // A browser page cannot be handed files from outside; files come through the pickers.
  onOpenFile: () => () => undefined,
};
