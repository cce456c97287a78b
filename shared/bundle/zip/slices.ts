/**
 * Reading a range of a source slice by slice for a consumer that only looks at each slice (hash,
 * CRC-32) and keeps nothing. From a Blob the slices are read through a byte stream into two
 * buffers reused for the whole range, one read ahead of the one being looked at: in a browser,
 * fresh memory for every slice (`slice().arrayBuffer()`) costs several times the reading itself.
 * Other sources (the CLI's file handle) and runtimes without byte streams read each slice anew.
 */
import { readRange, type BundleSource } from './source';

const isBlob = (s: BundleSource): s is Blob =>
  typeof (s as Blob).slice === 'function' && typeof (s as Blob).stream === 'function';

/** Fills buffers from one byte stream over a Blob range; null when the runtime has none. */
function byteReader(blob: Blob, start: number, size: number): ReadableStreamBYOBReader | null {
  const range = start === 0 && size === blob.size ? blob : blob.slice(start, start + size);
  try {
    return range.stream().getReader({ mode: 'byob' });
  } catch {
    return null;
  }
}

/**
 * Reads up to `length` bytes into `target` (which the reads take over) and returns the filled
 * view, whose buffer is the one to reuse; shorter only where the stream ends.
 */
async function fill(
  reader: ReadableStreamBYOBReader,
  length: number,
  target: ArrayBuffer,
): Promise<Uint8Array<ArrayBuffer>> {
  let buffer = target;
  let filled = 0;
  while (filled < length) {
    const { done, value } = await reader.read(new Uint8Array(buffer, filled, length - filled));
    if (value) buffer = value.buffer as ArrayBuffer; // the read hands the buffer back
    if (done || !value || value.byteLength === 0) break;
    filled += value.byteLength;
  }
  return new Uint8Array(buffer, 0, filled);
}

/**
 * Calls `each` with consecutive slices of `source` covering [start, start + size), at most
 * `sliceBytes` each; `each` must not keep its chunk (the buffer is refilled). Stops early when
 * the source ends (a slice shorter than asked is the last one). Rejects with what `each` throws.
 */
export async function forEachSlice(
  source: BundleSource,
  start: number,
  size: number,
  sliceBytes: number,
  each: (chunk: Uint8Array) => void,
): Promise<void> {
  if (size <= 0) return;
  const reader = isBlob(source) ? byteReader(source, start, size) : null;
  const slots = reader
    ? [
        new ArrayBuffer(Math.min(sliceBytes, size)),
        new ArrayBuffer(Math.min(sliceBytes, Math.max(0, size - sliceBytes))),
      ]
    : null;
  const read = async (at: number, slot: number): Promise<Uint8Array> => {
    const length = Math.min(sliceBytes, size - at);
    if (!reader || !slots) return readRange(source, start + at, length);
    const view = await fill(reader, length, slots[slot]!);
    slots[slot] = view.buffer;
    return view;
  };
  let done = 0;
  let slot = 0;
  let next: Promise<Uint8Array> | null = read(0, slot);
  try {
    while (next) {
      const chunk: Uint8Array = await next;
      if (chunk.byteLength === 0) break;
      const at: number = done + chunk.byteLength;
      const short: boolean = chunk.byteLength < Math.min(sliceBytes, size - done);
      slot = 1 - slot;
      // The next slice is read while this one is looked at (into the other buffer).
      next = at < size && !short ? read(at, slot) : null;
      each(chunk);
      done = at;
    }
  } catch (e) {
    // The read ahead is not waited for; its failure must not go unhandled.
    next?.catch(() => undefined);
    await reader?.cancel(e).catch(() => undefined);
    throw e;
  } finally {
    reader?.releaseLock();
  }
}
