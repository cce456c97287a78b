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

export const sourceSize = (s: BundleSource): number => s.size;

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
