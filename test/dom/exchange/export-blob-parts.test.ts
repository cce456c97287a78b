/**
 * Exporting in a browser: the stored evidence Blobs reach the file as they are. Without the save
 * picker (a download) the result is a Blob whose parts include the very Blobs the store gave, and
 * with the File System Access picker those Blobs are written to the file's writable as they are;
 * either way the only read of an evidence Blob is the one stream of the CRC-32/SHA-256 pass
 * (no arrayBuffer, no slice, no second stream). A cancelled export downloads nothing, discards
 * the picked file and seals nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationId } from '../../../shared/assessment';
import { BundleError, type BundleProgress } from '../../../shared/bundle';
import { readBundle } from '../../../shared/bundle/zip';
import { defaultPack } from '../../../shared/instrument';
import { blobStore } from '../../../renderer/src/db/blob-store';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { addEvidenceFile } from '../../../renderer/src/db/commands/evidence';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { exportEvaluation } from '../../../renderer/src/features/exchange/export-bundle';
import { webPlatform } from '../../../renderer/src/platform/web';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';

const pack = defaultPack();
const actor = { id: null, name: 'Koordinator Uji' };

const setWebdriver = (value: boolean) =>
  Object.defineProperty(navigator, 'webdriver', { value, configurable: true });

/** How each evidence Blob the store handed out was read. */
interface Reads {
  blob: Blob;
  stream: number;
  other: number;
}

/** Wraps the blob store so that every Blob it gives counts its reads. */
function watchStore(): Reads[] {
  const handed: Reads[] = [];
  const original = blobStore.data.bind(blobStore);
  vi.spyOn(blobStore, 'data').mockImplementation(async (hash) => {
    const blob = await original(hash);
    if (!blob) return blob;
    const reads: Reads = { blob, stream: 0, other: 0 };
    handed.push(reads);
    const stream = blob.stream.bind(blob);
    Object.assign(blob, {
      stream: () => {
        reads.stream += 1;
        return stream();
      },
      arrayBuffer: () => {
        reads.other += 1;
        return Promise.reject(new Error('arrayBuffer tidak boleh dipakai'));
      },
      text: () => {
        reads.other += 1;
        return Promise.reject(new Error('text tidak boleh dipakai'));
      },
      slice: () => {
        reads.other += 1;
        throw new Error('slice tidak boleh dipakai');
      },
    });
    return blob;
  });
  return handed;
}

/** Records the parts of every Blob built while it is installed. */
function recordBlobParts(): WeakMap<Blob, readonly unknown[]> {
  const parts = new WeakMap<Blob, readonly unknown[]>();
  const Original = globalThis.Blob;
  class RecordingBlob extends Original {
    constructor(blobParts?: BlobPart[], options?: BlobPropertyBag) {
      super(blobParts, options);
      parts.set(this, [...(blobParts ?? [])]);
    }
  }
  vi.stubGlobal('Blob', RecordingBlob);
  return parts;
}

/** Every Blob a Blob was built from, through nested Blobs of parts. */
function leafParts(blob: unknown, parts: WeakMap<Blob, readonly unknown[]>): unknown[] {
  const own = parts.get(blob as Blob);
  return own ? own.flatMap((p) => [p, ...leafParts(p, parts)]) : [];
}

let id: EvaluationId;

beforeEach(async () => {
  await resetDatabase();
  id = await createEvaluation(sampleInput(), actor);
  await saveAnswer(
    id,
    1,
    { value: 3, justification: 'Perwal 14/2022', agency: '', status: 'draft', reviewNote: '' },
    actor,
  );
  for (const [i, name] of ['perwal.pdf', 'sk-tim.pdf', 'laporan.pdf'].entries()) {
    await addEvidenceFile(id, pdfFile(name, `isi dokumen ${i} `.repeat(200 * (i + 1))), actor, {
      linkTo: { indicator: 1, levels: [1, 2, 3] },
    });
  }
});

afterEach(() => {
  delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const request = (suggestedName: string) => ({
  evaluationId: id,
  pack,
  includeEvidence: true,
  exporter: { memberId: null, name: 'Ani', nip: '' },
  actor,
  suggestedName,
});

describe('export as a download (no save picker)', () => {
  beforeEach(() => setWebdriver(true));

  it('is a Blob whose evidence parts are the stored Blobs, read only by the CRC pass', async () => {
    const handed = watchStore();
    const parts = recordBlobParts();
    const createObjectURL = vi.fn((_: Blob) => 'blob:ekspor');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);

    const outcome = await exportEvaluation(webPlatform, request('ani.spbe'));
    expect(outcome?.saved.name).toBe('ani.spbe');
    expect(click).toHaveBeenCalledTimes(1);
    const downloaded = createObjectURL.mock.calls[0]![0];
    expect(downloaded.size).toBe(outcome!.saved.size);

    expect(handed).toHaveLength(3);
    const leaves = leafParts(downloaded, parts);
    for (const reads of handed) {
      expect(leaves).toContain(reads.blob);
      expect(reads.stream).toBe(1);
      expect(reads.other).toBe(0);
    }

    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    const opened = await readBundle(downloaded, { appVersion: 'uji' });
    expect(opened.files).toHaveLength(3);
    for (const f of opened.files) {
      const stored = await blobStore.data(f.hash);
      const back = await opened.evidenceBlob(f.hash);
      expect(new Uint8Array(await back.arrayBuffer())).toEqual(
        new Uint8Array(await stored!.arrayBuffer()),
      );
    }
  });

  it('a cancelled export downloads nothing and seals nothing', async () => {
    const createObjectURL = vi.fn(() => 'blob:ekspor');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const controller = new AbortController();
    const error = await exportEvaluation(webPlatform, request('batal.spbe'), {
      signal: controller.signal,
      onProgress: (p: BundleProgress) => {
        if (p.phase === 'evidence' && p.filesDone === 1) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('aborted');
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(click).not.toHaveBeenCalled();
    expect((await db.answers.get([id, 1]))?.revisionOpen).toBe(true);
  });
});

describe('export through the File System Access picker', () => {
  function installPicker() {
    const writable = {
      chunks: [] as (Uint8Array | Blob)[],
      closed: false,
      aborted: false,
      async write(chunk: Uint8Array | Blob) {
        this.chunks.push(chunk);
      },
      async close() {
        this.closed = true;
      },
      async abort() {
        this.aborted = true;
      },
    };
    const picker = vi.fn(async () => ({
      name: 'Ekspor Kota.spbe',
      createWritable: async () => writable,
    }));
    Object.defineProperty(window, 'showSaveFilePicker', { value: picker, configurable: true });
    setWebdriver(false);
    return writable;
  }

  it('writes the stored Blobs to the file as they are', async () => {
    const writable = installPicker();
    const handed = watchStore();
    const outcome = await exportEvaluation(webPlatform, request('ani.spbe'));
    expect(writable.closed).toBe(true);
    expect(writable.aborted).toBe(false);
    for (const reads of handed) {
      expect(writable.chunks).toContain(reads.blob);
      expect(reads.stream).toBe(1);
      expect(reads.other).toBe(0);
    }
    vi.restoreAllMocks();
    const file = new Blob(writable.chunks as BlobPart[]);
    expect(file.size).toBe(outcome!.saved.size);
    expect((await readBundle(file, { appVersion: 'uji' })).files).toHaveLength(3);
  });

  it('a cancelled export discards the picked file', async () => {
    const writable = installPicker();
    const controller = new AbortController();
    const error = await exportEvaluation(webPlatform, request('batal.spbe'), {
      signal: controller.signal,
      onProgress: (p: BundleProgress) => {
        if (p.phase === 'evidence' && p.filesDone === 2) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((error as BundleError).code).toBe('aborted');
    expect(writable.aborted).toBe(true);
    expect(writable.closed).toBe(false);
    expect((await db.answers.get([id, 1]))?.revisionOpen).toBe(true);
  });
});
