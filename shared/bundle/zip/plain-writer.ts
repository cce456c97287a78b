/**
 * The project's own small zip writer for entries that are not encrypted: local header, the data
 * as it is, and the central directory at the end, with ZIP64 records wherever a size, an offset
 * or the entry count needs them. It exists so that stored evidence never passes through zip.js's
 * JavaScript pipeline: a Blob is handed to the sink as it is (the sink may keep it by reference,
 * a browser download or a File System Access write), a stream is passed on chunk by chunk while
 * its CRC-32 is computed (native in Node), and nothing is kept.
 *
 * The layout is the one the bundle reader demands (structure.ts, read.ts): one central record per
 * entry in the order written, local headers agreeing with it in name, flags, method, CRC-32 and
 * sizes (a streamed entry says "data descriptor" and holds zeros there; its descriptor carries the
 * values, 8-byte sizes when the local header has a ZIP64 field), central directory and end
 * records back to back at the end of the file, no comment. Encrypted bundles are written by
 * zip.js (AES), not here.
 */
import type { Crc32Factory } from './crc32';

/** What the writer hands to its sink: bytes, or a Blob to be written as it is. */
export type ZipPart = Uint8Array | Blob;

export interface PlainZipOptions {
  /** The modification time of every entry (stored as MS-DOS local time, as zip.js does). */
  lastModDate: Date;
  /**
   * The largest values the 32- and 16-bit fields may hold before ZIP64 takes over; the zip
   * format's limits by default. Tests lower them to write the ZIP64 layout of a 4 GiB file with a
   * few kilobytes.
   */
  limits?: { u32: number; u16: number };
}

/**
 * The length of a part. Duck-typed: bytes and Blobs from another realm (a test environment, a
 * worker) fail instanceof.
 */
export const partSize = (part: ZipPart): number =>
  ArrayBuffer.isView(part) ? part.byteLength : part.size;

export const STORED = 0;
export const DEFLATED = 8;

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const DESCRIPTOR_SIG = 0x08074b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const EOCD_SIG = 0x06054b50;
const ZIP64_EXTRA = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
const U16 = 0xffff;
const U32 = 0xffffffff;

interface CentralRecord {
  name: Uint8Array;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
  /** The local header has a ZIP64 field (then so does the central record, for readers' sake). */
  zip64: boolean;
}

/** A little-endian record builder. */
class Record {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(length: number) {
    this.bytes = new Uint8Array(length);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(v: number): this {
    this.view.setUint16(this.at, v, true);
    this.at += 2;
    return this;
  }
  u32(v: number): this {
    this.view.setUint32(this.at, v >>> 0, true);
    this.at += 4;
    return this;
  }
  u64(v: number): this {
    this.view.setUint32(this.at, v % 0x1_0000_0000, true);
    this.view.setUint32(this.at + 4, Math.floor(v / 0x1_0000_0000), true);
    this.at += 8;
    return this;
  }
  raw(b: Uint8Array): this {
    this.bytes.set(b, this.at);
    this.at += b.length;
    return this;
  }
}

/** MS-DOS time and date of `d` in local time (the zip convention), clamped to 1980-2107. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  const early = d.getFullYear() < 1980;
  return {
    time: early ? 0 : (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: early ? (1 << 5) | 1 : ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class PlainZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  private readonly time: number;
  private readonly date: number;
  private readonly u32: number;
  private readonly u16: number;
  private closed = false;

  constructor(
    private readonly write: (part: ZipPart) => Promise<void>,
    options: PlainZipOptions,
  ) {
    ({ time: this.time, date: this.date } = dosDateTime(options.lastModDate));
    this.u32 = Math.min(U32 - 1, options.limits?.u32 ?? U32 - 1);
    this.u16 = Math.min(U16 - 1, options.limits?.u16 ?? U16 - 1);
  }

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.offset;
  }

  private async emit(part: ZipPart): Promise<void> {
    this.offset += partSize(part);
    await this.write(part);
  }

  private localHeader(r: CentralRecord, knownSizes: boolean): Uint8Array {
    const extra = r.zip64 ? 20 : 0;
    const rec = new Record(30 + r.name.length + extra)
      .u32(LOCAL_SIG)
      .u16(r.zip64 ? VERSION_ZIP64 : VERSION_DEFAULT)
      .u16(r.flags)
      .u16(r.method)
      .u16(this.time)
      .u16(this.date)
      .u32(knownSizes ? r.crc32 : 0);
    if (r.zip64) rec.u32(U32).u32(U32);
    else rec.u32(knownSizes ? r.compressedSize : 0).u32(knownSizes ? r.uncompressedSize : 0);
    rec.u16(r.name.length).u16(extra).raw(r.name);
    if (r.zip64) {
      rec
        .u16(ZIP64_EXTRA)
        .u16(16)
        .u64(knownSizes ? r.uncompressedSize : 0)
        .u64(knownSizes ? r.compressedSize : 0);
    }
    return rec.bytes;
  }

  private startEntry(
    name: string,
    method: number,
    streamed: boolean,
    sizeHint: number | undefined,
  ): CentralRecord {
    if (this.closed) throw new Error('PlainZipWriter: already closed');
    const encoded = new TextEncoder().encode(name);
    if (encoded.length > U16) throw new Error('PlainZipWriter: name too long');
    return {
      name: encoded,
      flags: FLAG_UTF8 | (streamed ? FLAG_DESCRIPTOR : 0),
      method,
      crc32: 0,
      compressedSize: 0,
      uncompressedSize: 0,
      offset: this.offset,
      // A size not known beforehand may turn out large: the ZIP64 field is allowed at any size.
      zip64: this.offset > this.u32 || sizeHint === undefined || sizeHint > this.u32,
    };
  }

  /**
   * An entry whose CRC-32 and sizes are known before it is written: the local header, then
   * `data` handed on as it is (a Blob stays a Blob). `size` is the uncompressed size.
   */
  async addKnown(
    name: string,
    data: Uint8Array | Blob,
    info: { crc32: number; size: number; method: typeof STORED | typeof DEFLATED },
  ): Promise<void> {
    const compressedSize = partSize(data);
    if (info.method === STORED && compressedSize !== info.size) {
      throw new Error('PlainZipWriter: a stored entry has equal sizes');
    }
    const r = this.startEntry(name, info.method, false, Math.max(info.size, compressedSize));
    r.crc32 = info.crc32 >>> 0;
    r.compressedSize = compressedSize;
    r.uncompressedSize = info.size;
    await this.emit(this.localHeader(r, true));
    if (compressedSize > 0) await this.emit(data);
    this.records.push(r);
  }

  /**
   * A stored entry streamed once: the local header (sizes in a data descriptor), each chunk
   * handed on after `inspect` has seen it (it may throw to stop the entry: a wrong hash, a
   * cancel), then the descriptor. `sizeHint` is the expected size when known (decides ZIP64 up
   * front). Returns the size written.
   */
  async addStreamed(
    name: string,
    stream: ReadableStream<Uint8Array>,
    options: {
      crc32: Crc32Factory;
      sizeHint?: number;
      inspect?: (chunk: Uint8Array) => void;
      /** After the last chunk, before the descriptor (the verifier's final check). */
      finish?: () => void | Promise<void>;
    },
  ): Promise<number> {
    const r = this.startEntry(name, STORED, true, options.sizeHint);
    await this.emit(this.localHeader(r, false));
    const crc = options.crc32();
    const reader = stream.getReader();
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value.byteLength === 0) continue;
        options.inspect?.(value);
        crc.update(value);
        size += value.byteLength;
        await this.emit(value);
      }
      await options.finish?.();
    } catch (e) {
      await reader.cancel(e).catch(() => undefined);
      throw e;
    } finally {
      reader.releaseLock();
    }
    if (!r.zip64 && size > this.u32) {
      // The source grew past what its expected size promised: this layout cannot say so.
      throw new Error('PlainZipWriter: entry larger than announced');
    }
    r.crc32 = crc.digest() >>> 0;
    r.compressedSize = size;
    r.uncompressedSize = size;
    const descriptor = new Record(r.zip64 ? 24 : 16).u32(DESCRIPTOR_SIG).u32(r.crc32);
    if (r.zip64) descriptor.u64(size).u64(size);
    else descriptor.u32(size).u32(size);
    await this.emit(descriptor.bytes);
    this.records.push(r);
    return size;
  }

  private centralRecord(r: CentralRecord): Uint8Array {
    const big = (v: number): boolean => r.zip64 && v > this.u32;
    const fields: number[] = [];
    if (big(r.uncompressedSize)) fields.push(r.uncompressedSize);
    if (big(r.compressedSize)) fields.push(r.compressedSize);
    if (big(r.offset)) fields.push(r.offset);
    const extra = fields.length > 0 ? 4 + 8 * fields.length : 0;
    const rec = new Record(46 + r.name.length + extra)
      .u32(CENTRAL_SIG)
      .u16(r.zip64 ? VERSION_ZIP64 : VERSION_DEFAULT)
      .u16(r.zip64 ? VERSION_ZIP64 : VERSION_DEFAULT)
      .u16(r.flags)
      .u16(r.method)
      .u16(this.time)
      .u16(this.date)
      .u32(r.crc32)
      .u32(big(r.compressedSize) ? U32 : r.compressedSize)
      .u32(big(r.uncompressedSize) ? U32 : r.uncompressedSize)
      .u16(r.name.length)
      .u16(extra)
      .u16(0) // comment
      .u16(0) // disk
      .u16(0) // internal attributes
      .u32(0) // external attributes
      .u32(big(r.offset) ? U32 : r.offset)
      .raw(r.name);
    if (fields.length > 0) {
      rec.u16(ZIP64_EXTRA).u16(8 * fields.length);
      for (const f of fields) rec.u64(f);
    }
    return rec.bytes;
  }

  /** Writes the central directory and the end records. */
  async close(): Promise<number> {
    if (this.closed) throw new Error('PlainZipWriter: already closed');
    this.closed = true;
    const cdOffset = this.offset;
    // In parts of about a megabyte: a directory of many entries is not one large array.
    let batch: Uint8Array[] = [];
    let batchBytes = 0;
    let cdSize = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const joined = new Uint8Array(batchBytes);
      let at = 0;
      for (const b of batch) {
        joined.set(b, at);
        at += b.length;
      }
      batch = [];
      batchBytes = 0;
      await this.emit(joined);
    };
    for (const r of this.records) {
      const bytes = this.centralRecord(r);
      batch.push(bytes);
      batchBytes += bytes.length;
      cdSize += bytes.length;
      if (batchBytes >= 1 << 20) await flush();
    }
    await flush();
    const count = this.records.length;
    const zip64 = count > this.u16 || cdSize > this.u32 || cdOffset > this.u32;
    const zip64End = this.offset;
    const end: Record[] = [];
    if (zip64) {
      end.push(
        new Record(56)
          .u32(ZIP64_EOCD_SIG)
          .u64(44)
          .u16(VERSION_ZIP64)
          .u16(VERSION_ZIP64)
          .u32(0)
          .u32(0)
          .u64(count)
          .u64(count)
          .u64(cdSize)
          .u64(cdOffset),
        new Record(20).u32(ZIP64_LOCATOR_SIG).u32(0).u64(zip64End).u32(1),
      );
    }
    end.push(
      new Record(22)
        .u32(EOCD_SIG)
        .u16(0)
        .u16(0)
        .u16(zip64 ? U16 : count)
        .u16(zip64 ? U16 : count)
        .u32(zip64 ? U32 : cdSize)
        .u32(zip64 ? U32 : cdOffset)
        .u16(0),
    );
    const tail = new Uint8Array(end.reduce((s, r) => s + r.bytes.length, 0));
    let at = 0;
    for (const r of end) {
      tail.set(r.bytes, at);
      at += r.bytes.length;
    }
    await this.emit(tail);
    return this.offset;
  }
}
