/**
 * The fast path of the bundle reader for an entry stored as is (not deflated, not encrypted),
 * which is how every evidence file is written. zip.js has already checked everything about the
 * entry except its bytes (local header against the central record, data inside the file, no
 * overlap with another entry: read.ts runs its `checkOverlappingEntryOnly` pass first); this
 * module reads the bytes straight from the source by large slices (a file handle in the CLI,
 * Blob.slice in the browser), and in one pass over each slice counts it, hashes it (SHA-256),
 * updates its CRC-32 and hands it to the spool. The next slice is already being read while one
 * is hashed and written; the spool's backpressure is honoured (`writer.ready`), so memory stays at
 * a few slices whatever the file's size. No slice is copied: the spool gets the buffer the source
 * returned and nothing else keeps it.
 *
 * The checks at the end, in the order the zip.js path reported them: size, then SHA-256 (a changed
 * byte is a `hashMismatch`, as before), then the CRC-32 against the central directory (the CRC
 * also fails then, but the hash names the problem better; a CRC that alone disagrees means
 * headers another zip tool would refuse).
 */
import { abortedError, type BundleError } from '../errors';
import type { Crc32Factory } from './crc32';
import { readRange, type BundleSource } from './source';
import { verifyingTransformer, type VerifyOptions } from './streams';

/** How much of a stored entry one read takes: large enough that per-read costs vanish. */
export const STORED_SLICE_BYTES = 2 * 1024 * 1024;

export interface StoredEntryRead {
  source: BundleSource;
  /** Where the entry's data starts in the source (after its local header). */
  start: number;
  /** Its size, stored = uncompressed = the manifest's size (checked before). */
  size: number;
  verify: VerifyOptions;
  crc32: Crc32Factory;
  /**
   * The CRC-32 the central directory declares (the local header agrees: structure.ts). A stored
   * entry without one (zip.js leaves it out only for AES entries) fails the check.
   */
  expectedCrc: number | undefined;
  /** The refusal when only the CRC-32 disagrees. */
  wrongCrc: () => BundleError;
  /** Receives the verified bytes; closed when every check passed, aborted otherwise. */
  sink?: WritableStream<Uint8Array>;
  signal?: AbortSignal;
  sliceBytes?: number;
}

const ignore = (): void => undefined;

/** Reads, verifies and (optionally) spools one stored entry. Rejects with the first failure. */
export async function readStoredEntry(o: StoredEntryRead): Promise<void> {
  const slice = o.sliceBytes ?? STORED_SLICE_BYTES;
  const verify = verifyingTransformer(o.verify);
  const crc = o.crc32();
  const writer = o.sink?.getWriter();
  const read = (at: number): Promise<Uint8Array> => {
    const pending = readRange(o.source, o.start + at, Math.min(slice, o.size - at));
    // Awaited below unless an earlier step fails; then nobody waits for it.
    pending.catch(ignore);
    return pending;
  };
  const keep = { enqueue: ignore };
  try {
    let done = 0;
    let next = o.size > 0 ? read(0) : null;
    while (next) {
      const chunk = await next;
      if (o.signal?.aborted) throw abortedError();
      // A short read means the source ended early (it changed after the directory was read).
      if (chunk.byteLength === 0) break;
      done += chunk.byteLength;
      next = done < o.size ? read(done) : null;
      verify.transform(chunk, keep);
      crc.update(chunk);
      if (writer) {
        await writer.ready;
        // Its failure also rejects `ready` or `close`, where it is raised.
        writer.write(chunk).catch(ignore);
      }
    }
    // Also when the signal fired during the last slice (a progress listener may abort).
    if (o.signal?.aborted) throw abortedError();
    await verify.flush();
    if (crc.digest() !== o.expectedCrc) throw o.wrongCrc();
    await writer?.close();
  } catch (e) {
    await writer?.abort(e).catch(ignore);
    throw e;
  }
}

/**
 * A verified stored entry read again as a stream, slice by slice, checked again as it flows (the
 * source may have changed since it was verified). Pulled: a slice is read only when the consumer
 * wants one.
 */
export function storedEntryStream(o: Omit<StoredEntryRead, 'sink'>): ReadableStream<Uint8Array> {
  const slice = o.sliceBytes ?? STORED_SLICE_BYTES;
  const verify = verifyingTransformer(o.verify);
  const crc = o.crc32();
  let done = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (o.signal?.aborted) throw abortedError();
      const chunk =
        done < o.size
          ? await readRange(o.source, o.start + done, Math.min(slice, o.size - done))
          : new Uint8Array(0);
      if (chunk.byteLength === 0) {
        await verify.flush();
        if (crc.digest() !== o.expectedCrc) throw o.wrongCrc();
        controller.close();
        return;
      }
      done += chunk.byteLength;
      crc.update(chunk);
      verify.transform(chunk, controller);
    },
  });
}
