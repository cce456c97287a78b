/**
 * Where a bundle is read from. A zip is read from its end (the central directory) and then entry
 * by entry, so the reader needs random access: a Blob (a File from a picker or drop, a lazily-read
 * Blob from the platform) or any `RandomAccessSource` (the CLI's file handle). Neither is ever
 * read whole into memory.
 */
import { zipLib } from './zip-lib';

export interface RandomAccessSource {
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export type BundleSource = Blob | RandomAccessSource;

const isBlob = (s: BundleSource): s is Blob =>
  typeof (s as Blob).slice === 'function' && typeof (s as Blob).stream === 'function';

/** Reads a byte range of any source (for the magic-number check). */
export async function readRange(
  source: BundleSource,
  offset: number,
  length: number,
): Promise<Uint8Array> {
  if (isBlob(source)) {
    return new Uint8Array(await source.slice(offset, offset + length).arrayBuffer());
  }
  return source.read(offset, length);
}

/** The signatures a zip file starts with: a local file header, or the end record of an empty zip. */
const ZIP_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/** True when the source starts like a zip file (checked before zip.js reads its directory). */
export async function startsLikeZip(source: BundleSource): Promise<boolean> {
  const head = await readRange(source, 0, 4);
  return ZIP_MAGIC.some((m) => m.every((b, i) => head[i] === b));
}

/** The zip.js reader over a source. */
export function zipReaderOf(source: BundleSource) {
  const zip = zipLib();
  if (isBlob(source)) return new zip.BlobReader(source);
  class RandomAccessReader extends zip.Reader<RandomAccessSource> {
    constructor(private readonly src: RandomAccessSource) {
      super(src);
      this.size = src.size;
    }
    override readUint8Array(index: number, length: number): Promise<Uint8Array> {
      return this.src.read(index, length);
    }
  }
  return new RandomAccessReader(source);
}
