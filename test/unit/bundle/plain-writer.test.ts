/**
 * The project's own stored-entry zip writer (shared/bundle/zip/plain-writer.ts) and its CRC-32:
 * what it writes is read back by zip.js under the reader's strict options, passes the reader's
 * own structure checks (one reading of the end, local headers agreeing with the directory), and
 * gives back every byte with a correct CRC-32, with many entries, with Blob and streamed entries
 * mixed, and in the ZIP64 layout (simulated by lowering the 32- and 16-bit limits). writeBundle
 * without a password goes through it: readBundle takes the result, from a byte sink and from a
 * sink taking Blob parts, where the evidence Blobs themselves are the parts.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Update, jsCrc32 } from '../../../shared/bundle/zip/crc32';
import {
  DEFLATED,
  PlainZipWriter,
  STORED,
  type ZipPart,
} from '../../../shared/bundle/zip/plain-writer';
import { STRICT_ZIP_READING, readBundle, writeBundle } from '../../../shared/bundle/zip';
import { checkArchiveEnd, checkLocalHeaders } from '../../../shared/bundle/zip/structure';
import { zipLib, type ZipFileEntry } from '../../../shared/bundle/zip/zip-lib';
import { nodeCrc32 } from '../../../electron/cli/node-io';
import { APP_VERSION, makeFixture, seededBytes, writeInput } from './fixtures';

const T = new Date(Date.UTC(2026, 10, 22, 3, 0, 0));

/** A writer collecting its parts, and the archive they make. */
function collecting(options: ConstructorParameters<typeof PlainZipWriter>[1] = { lastModDate: T }) {
  const parts: ZipPart[] = [];
  const writer = new PlainZipWriter(async (part) => {
    parts.push(part);
  }, options);
  return { writer, parts, blob: () => new Blob(parts as BlobPart[]) };
}

function streamOf(bytes: Uint8Array, chunk = 1000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

/** Reads an archive as the bundle reader does and returns each entry's bytes. */
async function readBack(blob: Blob): Promise<Map<string, Uint8Array>> {
  const end = await checkArchiveEnd(blob, { maxEntries: 100_000 });
  expect(end).not.toBeNull();
  const zip = zipLib();
  const reader = new zip.ZipReader(new zip.BlobReader(blob), STRICT_ZIP_READING);
  const entries = (await reader.getEntries()) as ZipFileEntry[];
  expect(entries.length).toBe(end!.entries);
  await checkLocalHeaders(blob, entries);
  const out = new Map<string, Uint8Array>();
  for (const e of entries) {
    out.set(e.filename, await e.getData(new zip.Uint8ArrayWriter(), STRICT_ZIP_READING));
  }
  await reader.close();
  return out;
}

const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);

describe('CRC-32', () => {
  it('the JavaScript one equals zlib on every length and however the bytes are split', () => {
    for (const size of [0, 1, 7, 8, 9, 63, 64, 65, 1000, 4096 + 3, 100_003]) {
      const bytes = seededBytes(size + 1, size);
      const expected = zlibCrc32(bytes);
      expect(crc32Update(0, bytes)).toBe(expected);
      for (const factory of [jsCrc32, nodeCrc32]) {
        const c = factory();
        for (let at = 0; at < size; at += 777) c.update(bytes.subarray(at, at + 777));
        expect(c.digest()).toBe(expected);
      }
    }
    expect(crc32Update(0, new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('PlainZipWriter', () => {
  it('writes an empty archive that reads as empty', async () => {
    const { writer, blob } = collecting();
    await writer.close();
    expect((await readBack(blob())).size).toBe(0);
    expect(blob().size).toBe(22);
  });

  it('300 entries, Blobs and streams mixed, read back byte for byte with correct CRC-32', async () => {
    const { writer, parts, blob } = collecting();
    const expected = new Map<string, Uint8Array>();
    const blobs: Blob[] = [];
    for (let i = 0; i < 300; i += 1) {
      const bytes = seededBytes(i, ((i * 37) % 5000) + 1);
      const name = `evidence/${String(i).padStart(4, '0')}`;
      expected.set(name, bytes);
      if (i % 2 === 0) {
        const b = new Blob([bytes as Uint8Array<ArrayBuffer>]);
        blobs.push(b);
        await writer.addKnown(name, b, {
          crc32: zlibCrc32(bytes),
          size: bytes.length,
          method: STORED,
        });
      } else {
        const sizeHint = i % 3 === 0 ? undefined : bytes.length;
        const n = await writer.addStreamed(name, streamOf(bytes, 333), {
          crc32: jsCrc32,
          sizeHint,
        });
        expect(n).toBe(bytes.length);
      }
    }
    const total = await writer.close();
    expect(total).toBe(blob().size);
    // The Blob entries are handed on as the same objects, not copied.
    for (const b of blobs) expect(parts).toContain(b);
    const back = await readBack(blob());
    expect([...back.keys()]).toEqual([...expected.keys()]);
    for (const [name, bytes] of expected) expect(back.get(name)).toEqual(bytes);
  });

  it('a deflated entry with known sizes reads back', async () => {
    const text = new TextEncoder().encode('{"a":"' + 'manifest '.repeat(2000) + '"}');
    const deflated = new Uint8Array(
      await new Response(
        new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw')),
      ).arrayBuffer(),
    );
    const { writer, blob } = collecting();
    await writer.addKnown('manifest.json', deflated, {
      crc32: zlibCrc32(text),
      size: text.length,
      method: DEFLATED,
    });
    await writer.close();
    expect((await readBack(blob())).get('manifest.json')).toEqual(text);
  });

  it('writes the ZIP64 layout where sizes, offsets and the count pass the limits', async () => {
    // Limits of 1000 bytes and 10 entries: what a 4 GiB file and 65 535 entries would need.
    const { writer, blob } = collecting({ lastModDate: T, limits: { u32: 1000, u16: 10 } });
    const expected = new Map<string, Uint8Array>();
    for (let i = 0; i < 14; i += 1) {
      const bytes = seededBytes(100 + i, i % 4 === 0 ? 3000 + i : 200 + i);
      const name = `evidence/${i}`;
      expected.set(name, bytes);
      if (i % 2 === 0) {
        await writer.addKnown(name, new Blob([bytes as Uint8Array<ArrayBuffer>]), {
          crc32: zlibCrc32(bytes),
          size: bytes.length,
          method: STORED,
        });
      } else {
        await writer.addStreamed(name, streamOf(bytes, 128), {
          crc32: nodeCrc32,
          sizeHint: bytes.length,
        });
      }
    }
    await writer.close();
    const bytes = new Uint8Array(await blob().arrayBuffer());
    // End of central directory: every field a sentinel; the locator and ZIP64 record before it.
    const eocd = bytes.length - 22;
    expect(u32(bytes, eocd)).toBe(0x06054b50);
    expect(u16(bytes, eocd + 10)).toBe(0xffff);
    expect(u32(bytes, eocd + 16)).toBe(0xffffffff);
    expect(u32(bytes, eocd - 20)).toBe(0x07064b50);
    expect(u32(bytes, eocd - 20 - 56)).toBe(0x06064b50);
    const back = await readBack(blob());
    for (const [name, data] of expected) expect(back.get(name)).toEqual(data);
  });

  it('stops an entry when the inspection throws, and hands on nothing past it', async () => {
    const { writer, parts } = collecting();
    const bytes = seededBytes(1, 5000);
    let seen = 0;
    await expect(
      writer.addStreamed('evidence/x', streamOf(bytes, 1000), {
        crc32: jsCrc32,
        inspect: (chunk) => {
          seen += chunk.length;
          if (seen > 2000) throw new Error('hash salah');
        },
      }),
    ).rejects.toThrow('hash salah');
    const handed = parts.reduce((s, p) => s + (p instanceof Uint8Array ? p.byteLength : p.size), 0);
    expect(handed).toBeLessThan(30 + 'evidence/x'.length + 20 + 2000 + 1);
  });
});

describe('writeBundle without a password', () => {
  const many = Array.from({ length: 120 }, (_, i) => 50 + ((i * 97) % 3000));

  it('reads back from a byte sink with 120 evidence files', async () => {
    const f = makeFixture({ evidenceSizes: many, logo: true });
    const chunks: Uint8Array[] = [];
    const sink = new WritableStream<Uint8Array>({
      write: (c) => {
        chunks.push(c.slice());
      },
    });
    const result = await writeBundle(sink, writeInput(f), {
      includeEvidence: true,
      crc32: nodeCrc32,
    });
    const blob = new Blob(chunks as BlobPart[]);
    expect(result.bytesWritten).toBe(blob.size);
    const opened = await readBundle(blob, { appVersion: APP_VERSION });
    expect(opened.files.length).toBe(f.blobs.size);
    for (const [hash, bytes] of f.blobs) {
      expect(new Uint8Array(await (await opened.evidenceBlob(hash)).arrayBuffer())).toEqual(bytes);
      // Stored as is: a slice of the file.
      expect(opened.storedRange(hash)).not.toBeNull();
    }
  });

  it('hands the evidence Blobs themselves to a sink taking Blob parts', async () => {
    const f = makeFixture({ evidenceSizes: many });
    const source = new Map<string, Blob>();
    for (const [hash, bytes] of f.blobs)
      source.set(hash, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const parts: (Uint8Array | Blob)[] = [];
    const blobParts = new WritableStream<Uint8Array | Blob>({
      write: (p) => {
        parts.push(p);
      },
    });
    await writeBundle(
      { blobParts },
      { ...writeInput(f), evidenceSource: (hash) => source.get(hash)! },
      { includeEvidence: true },
    );
    for (const b of source.values()) expect(parts).toContain(b);
    const blob = new Blob(parts as BlobPart[]);
    const opened = await readBundle(blob, { appVersion: APP_VERSION });
    expect(opened.manifest.snapshot).toEqual(f.snapshot);
    for (const [hash, bytes] of f.blobs) {
      expect(new Uint8Array(await (await opened.evidenceBlob(hash)).arrayBuffer())).toEqual(bytes);
    }
  });
});
