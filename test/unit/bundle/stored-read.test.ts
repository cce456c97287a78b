/**
 * The reader's fast path for evidence stored as is (shared/bundle/zip/stored-read.ts): the bytes
 * are read by slices straight from the source and verified (size, SHA-256, CRC-32) in the pass
 * that spools them. It refuses what the zip.js path refused, with the same words: a changed byte
 * (hash), a CRC-32 that disagrees with the content, a local header that disagrees with the
 * central directory; it spools only verified bytes, aborting the spool of a failing file; and it
 * keeps at most a few slices in flight when the spool is slow.
 */
import { describe, expect, it } from 'vitest';
import {
  readBundle,
  writeBundle,
  type BundleSource,
  type RandomAccessSource,
} from '../../../shared/bundle/zip';
import { crc32Update, type Crc32Factory } from '../../../shared/bundle/zip/crc32';
import { STORED_SLICE_BYTES } from '../../../shared/bundle/zip/stored-read';
import type { BundleFile } from '../../../shared/bundle';
import {
  APP_VERSION,
  makeFixture,
  memorySink,
  sha256,
  streamBytes,
  writeInput,
  type Fixture,
} from './fixtures';
import { centralDirectory, type CdEntry } from './zip-bytes';

const DESCRIPTOR_SIG = 0x08074b50;

async function bundleBytes(f: Fixture, password?: string): Promise<Uint8Array<ArrayBuffer>> {
  const { sink, blob } = memorySink();
  await writeBundle(sink, writeInput(f), { includeEvidence: true, password });
  return new Uint8Array(await blob().arrayBuffer());
}

function evidenceEntries(bytes: Uint8Array): CdEntry[] {
  return centralDirectory(bytes).filter((e) => e.name.startsWith('evidence/'));
}

/** The reads that lie inside an entry's data (not its headers, not the archive's end). */
const readsInData = (reads: [number, number][], e: CdEntry): [number, number][] =>
  reads.filter(
    ([offset, length]) =>
      offset >= e.dataStart && offset + length <= e.dataStart + e.compressedSize,
  );

/** A source over bytes in memory that records every read (offset and length). */
function recordingSource(bytes: Uint8Array): RandomAccessSource & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  return {
    size: bytes.byteLength,
    reads,
    read: (offset, length) => {
      reads.push([offset, length]);
      return Promise.resolve(bytes.slice(offset, offset + length));
    },
  };
}

/** Both kinds of source the reader takes: a Blob (browser) and a random-access file (CLI). */
const sources: [string, (bytes: Uint8Array) => BundleSource][] = [
  ['Blob', (bytes) => new Blob([bytes.slice()])],
  ['random access', (bytes) => recordingSource(bytes)],
];

/** Sets the CRC-32 of an entry in the central directory and in its data descriptor or header. */
function patchCrc(bytes: Uint8Array, entry: CdEntry, crc: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  view.setUint32(entry.cdOffset + 16, crc, true);
  const flags = view.getUint16(entry.localOffset + 6, true);
  if ((flags & 0x0008) === 0) {
    view.setUint32(entry.localOffset + 14, crc, true);
  } else {
    const after = entry.dataStart + entry.compressedSize;
    const at = view.getUint32(after, true) === DESCRIPTOR_SIG ? after + 4 : after;
    view.setUint32(at, crc, true);
  }
  return out;
}

async function refusal(
  source: BundleSource,
  options: Partial<Parameters<typeof readBundle>[1]> = {},
): Promise<{ code: string; message: string }> {
  const error = await readBundle(source, { appVersion: APP_VERSION, ...options }).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  if (!error) throw new Error('readBundle accepted the bundle');
  return { code: error.code, message: error.message };
}

describe('stored evidence read by slices', () => {
  it.each(sources)(
    '%s: a changed byte is a hash mismatch, and that file’s spool is aborted',
    async (_n, make) => {
      const f = makeFixture({ evidenceSizes: [50_000, 70_000] });
      const bytes = await bundleBytes(f);
      const [first] = evidenceEntries(bytes);
      bytes[first!.dataStart + 1234] = bytes[first!.dataStart + 1234]! ^ 0x40;
      const closed: string[] = [];
      const aborted: string[] = [];
      const spool = (file: BundleFile): WritableStream<Uint8Array> =>
        new WritableStream<Uint8Array>({
          close: () => {
            closed.push(file.entry);
          },
          abort: () => {
            aborted.push(file.entry);
          },
        });
      const error = await refusal(make(bytes), { spool });
      expect(error).toEqual({
        code: 'hashMismatch',
        message: `Isi berkas bukti "${first!.name}" tidak cocok dengan hash SHA-256-nya; berkas rusak atau diubah.`,
      });
      expect(aborted).toEqual([first!.name]);
      expect(closed).not.toContain(first!.name);
    },
  );

  it.each(sources)(
    '%s: a CRC-32 that disagrees with intact content is refused in zip.js’s words',
    async (_n, make) => {
      const f = makeFixture({ evidenceSizes: [50_000] });
      const bytes = await bundleBytes(f);
      const [entry] = evidenceEntries(bytes);
      const view = new DataView(bytes.buffer);
      const wrong = (view.getUint32(entry!.cdOffset + 16, true) ^ 0x1) >>> 0;
      const error = await refusal(make(patchCrc(bytes, entry!, wrong)));
      expect(error).toEqual({
        code: 'corrupt',
        message: `Isi berkas rusak (entri "${entry!.name}"): data tidak dapat dibaca utuh.`,
      });
    },
  );

  it('refuses a local header that names another file than the central directory', async () => {
    const f = makeFixture({ evidenceSizes: [50_000] });
    const bytes = await bundleBytes(f);
    const [entry] = evidenceEntries(bytes);
    // The last hex digit of the name in the local header only.
    const at = entry!.localOffset + 30 + entry!.name.length - 1;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    expect(await refusal(new Blob([bytes]))).toEqual({
      code: 'corrupt',
      message: `Berkas rusak atau dimanipulasi: kepala lokal entri "${entry!.name}" berbeda dari daftar isi arsip (nama).`,
    });
  });

  it('refuses a data descriptor that disagrees with the central directory', async () => {
    const f = makeFixture({ evidenceSizes: [50_000] });
    const bytes = await bundleBytes(f);
    const [entry] = evidenceEntries(bytes);
    const view = new DataView(bytes.buffer);
    expect(view.getUint16(entry!.localOffset + 6, true) & 0x0008).toBe(0x0008);
    const after = entry!.dataStart + entry!.compressedSize;
    const at = view.getUint32(after, true) === DESCRIPTOR_SIG ? after + 4 : after;
    view.setUint32(at, view.getUint32(at, true) ^ 0x1, true);
    expect(await refusal(new Blob([bytes]))).toEqual({
      code: 'corrupt',
      message: `Berkas rusak atau dimanipulasi: struktur arsip zip dapat dibaca lebih dari satu cara (entri "${entry!.name}").`,
    });
  });

  it('reads each file once, by slices no larger than the slice size, and spools its bytes', async () => {
    const big = STORED_SLICE_BYTES * 2 + 12_345;
    const f = makeFixture({ evidenceSizes: [big, 40_000] });
    const bytes = await bundleBytes(f);
    const source = recordingSource(bytes);
    const spooled = new Map<string, Uint8Array[]>();
    const opened = await readBundle(source, {
      appVersion: APP_VERSION,
      spool: (file) => {
        const parts: Uint8Array[] = [];
        spooled.set(file.hash, parts);
        return new WritableStream<Uint8Array>({ write: (c) => void parts.push(c) });
      },
    });
    for (const file of opened.files) {
      const parts = spooled.get(file.hash)!;
      const whole = new Uint8Array(
        await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer(),
      );
      expect(sha256(whole)).toBe(file.hash);
    }
    for (const e of evidenceEntries(bytes)) {
      const inData = readsInData(source.reads, e);
      expect(inData.reduce((s, [, length]) => s + length, 0)).toBe(e.compressedSize);
      for (const [, length] of inData) expect(length).toBeLessThanOrEqual(STORED_SLICE_BYTES);
    }
  });

  it('waits for a slow spool: at most two slices read ahead of what it took', async () => {
    const f = makeFixture({ evidenceSizes: [STORED_SLICE_BYTES * 6] });
    const bytes = await bundleBytes(f);
    const [entry] = evidenceEntries(bytes);
    const source = recordingSource(bytes);
    let written = 0;
    let maxAhead = 0;
    // Reads answer at once; each write finishes only after a turn of the event loop, so a reader
    // ignoring backpressure would read the whole file before the first write is done.
    const spool = (): WritableStream<Uint8Array> =>
      new WritableStream<Uint8Array>(
        {
          write: async () => {
            maxAhead = Math.max(maxAhead, readsInData(source.reads, entry!).length - written);
            await new Promise<void>((resolve) => setImmediate(resolve));
            written += 1;
          },
        },
        { highWaterMark: 1 },
      );
    await readBundle(source, { appVersion: APP_VERSION, spool });
    expect(written).toBe(6);
    expect(maxAhead).toBeLessThanOrEqual(3);
  });

  it('checks the CRC-32 with the factory it is given', async () => {
    const f = makeFixture({ evidenceSizes: [50_000, 70_000] });
    const bytes = await bundleBytes(f);
    let fed = 0;
    const counting: Crc32Factory = () => {
      let crc = 0;
      return {
        update: (chunk) => {
          fed += chunk.byteLength;
          crc = crc32Update(crc, chunk);
        },
        digest: () => crc,
      };
    };
    await readBundle(new Blob([bytes]), { appVersion: APP_VERSION, crc32: counting });
    expect(fed).toBe(120_000);
  });

  it('streams a verified file again, and errors when the source changed since', async () => {
    const f = makeFixture({ evidenceSizes: [STORED_SLICE_BYTES + 5_000] });
    const bytes = await bundleBytes(f);
    const source = recordingSource(bytes);
    const opened = await readBundle(source, { appVersion: APP_VERSION });
    const file = opened.files[0]!;
    expect(sha256(await streamBytes(opened.openEvidence(file.hash)))).toBe(file.hash);

    const [entry] = evidenceEntries(bytes);
    bytes[entry!.dataStart + 10] = bytes[entry!.dataStart + 10]! ^ 0x01;
    await expect(streamBytes(opened.openEvidence(file.hash))).rejects.toMatchObject({
      code: 'hashMismatch',
    });
  });

  it('leaves encrypted files to zip.js, verified as before', async () => {
    const f = makeFixture({ evidenceSizes: [50_000] });
    const bytes = await bundleBytes(f, 'sandi-yang-benar');
    const opened = await readBundle(new Blob([bytes]), {
      appVersion: APP_VERSION,
      password: 'sandi-yang-benar',
    });
    const file = opened.files[0]!;
    expect(opened.storedRange(file.hash)).toBeNull();
    expect(sha256(await streamBytes(opened.openEvidence(file.hash)))).toBe(file.hash);
  });
});
