/**
 * The browser platform's save and print: a streamed save into the file picked with the File
 * System Access API (committed on success, discarded on failure), the download fallback under
 * automation, and print waiting for the route's ready signal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setPrintReady } from '../../../renderer/src/platform/print-ready';
import { saveFilePicker, webPlatform } from '../../../renderer/src/platform/web';

interface FakeWritable {
  chunks: Uint8Array[];
  closed: boolean;
  aborted: boolean;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

function installPicker(result: 'ok' | 'cancel' | 'no-activation') {
  const writable: FakeWritable = {
    chunks: [],
    closed: false,
    aborted: false,
    async write(chunk) {
      this.chunks.push(chunk);
    },
    async close() {
      this.closed = true;
    },
    async abort() {
      this.aborted = true;
    },
  };
  const picker = vi.fn(async () => {
    if (result === 'cancel') throw new DOMException('The user aborted a request.', 'AbortError');
    if (result === 'no-activation') {
      throw new DOMException(
        'Must be handling a user gesture to show a file picker.',
        'SecurityError',
      );
    }
    return { name: 'Ekspor Kota.spbe', createWritable: async () => writable };
  });
  Object.defineProperty(window, 'showSaveFilePicker', { value: picker, configurable: true });
  return { picker, writable };
}

const setWebdriver = (value: boolean) =>
  Object.defineProperty(navigator, 'webdriver', { value, configurable: true });

const bytes = (s: string) => new TextEncoder().encode(s);

beforeEach(() => setWebdriver(false));
afterEach(() => {
  delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  setPrintReady(null);
  vi.restoreAllMocks();
});

describe('saveFile with the File System Access API', () => {
  it('streams into the picked file and commits it', async () => {
    const { picker, writable } = installPicker('ok');
    const saved = await webPlatform.saveFile(
      { kind: 'bundle', suggestedName: 'Ekspor.spbe', title: 'Simpan' },
      async (sink) => {
        const w = sink.getWriter();
        await w.write(bytes('satu'));
        await w.write(bytes('dua'));
        await w.close();
      },
    );
    expect(saved).toEqual({ name: 'Ekspor Kota.spbe', size: 7 });
    expect(picker).toHaveBeenCalledWith({
      suggestedName: 'Ekspor.spbe',
      types: [
        {
          description: 'Berkas Evaluasi SPBE (.spbe)',
          accept: { 'application/x-spbe': ['.spbe'] },
        },
      ],
    });
    expect(writable.chunks.map((c) => new TextDecoder().decode(c))).toEqual(['satu', 'dua']);
    expect(writable.closed).toBe(true);
    expect(writable.aborted).toBe(false);
  });

  it('discards the file when the writer fails', async () => {
    const { writable } = installPicker('ok');
    await expect(
      webPlatform.saveFile(
        { kind: 'bundle', suggestedName: 'x.spbe', title: 'Simpan' },
        async (sink) => {
          await sink.getWriter().write(bytes('sebagian'));
          throw new Error('rusak');
        },
      ),
    ).rejects.toThrow('rusak');
    expect(writable.aborted).toBe(true);
    expect(writable.closed).toBe(false);
  });

  it('resolves null when the user cancels the picker', async () => {
    installPicker('cancel');
    const writer = vi.fn();
    await expect(
      webPlatform.saveFile({ kind: 'pdf', suggestedName: 'a.pdf', title: 'Simpan' }, writer),
    ).resolves.toBeNull();
    expect(writer).not.toHaveBeenCalled();
  });

  it('downloads instead when the browser refuses a second picker for the same click', async () => {
    const { picker } = installPicker('no-activation');
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const saved = await webPlatform.saveFile(
      { kind: 'xlsx', suggestedName: 'Laporan.xlsx', title: 'Simpan' },
      async (sink) => {
        const w = sink.getWriter();
        await w.write(bytes('isi'));
        await w.close();
      },
    );
    expect(picker).toHaveBeenCalledTimes(1);
    expect(saved).toEqual({ name: 'Laporan.xlsx', size: 3 });
    expect(click).toHaveBeenCalled();
  });

  it('is not used under automation (navigator.webdriver): the download path is', async () => {
    const { picker } = installPicker('ok');
    setWebdriver(true);
    expect(saveFilePicker()).toBeNull();
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const saved = await webPlatform.saveFile(
      { kind: 'bundle', suggestedName: 'Unduh.spbe', title: 'Simpan' },
      async (sink) => {
        const w = sink.getWriter();
        await w.write(bytes('isi'));
        await w.close();
      },
    );
    expect(saved).toEqual({ name: 'Unduh.spbe', size: 3 });
    expect(picker).not.toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
  });
});

describe('printToPdf in the browser', () => {
  it('opens the print dialog only after the route signals it is ready', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const done = webPlatform.printToPdf({
      route: '/laporan/1',
      suggestedName: 'Laporan.pdf',
      title: 'Cetak',
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(window.location.hash).toBe('#/laporan/1');
    expect(print).not.toHaveBeenCalled();
    setPrintReady('true');
    await expect(done).resolves.toBeNull();
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('does not print a route that reports an error', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const done = webPlatform.printToPdf({
      route: '/laporan/2',
      suggestedName: 'L.pdf',
      title: 'Cetak',
    });
    setPrintReady('error');
    await expect(done).rejects.toThrow(/tidak dapat disiapkan untuk dicetak/);
    expect(print).not.toHaveBeenCalled();
  });
});
