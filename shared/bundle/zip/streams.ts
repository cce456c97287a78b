/**
 * Web stream pieces shared by the bundle writer and reader: a pass-through that hashes and counts
 * an evidence file while it flows (refusing it at the first byte past its size, and at the end
 * when the hash differs), and small conversions. Memory per stream is one chunk.
 */
import type { BundleError } from '../errors';
import type { HashFactory } from '../../hash/sha256';

export interface VerifyOptions {
  /** The zip entry (or file) name for messages. */
  name: string;
  expectedHash: string;
  /** Undefined when the size is not known beforehand (then only the hash is checked). */
  expectedSize: number | undefined;
  hash: HashFactory;
  /** Called with each chunk's length as it passes. */
  onBytes?: (n: number) => void;
  /** The errors to raise: a reader reports a bad bundle, a writer a bad evidence store. */
  tooLong: () => BundleError;
  wrongSize: (actual: number) => BundleError;
  wrongHash: (actual: string) => BundleError;
}

/**
 * The two steps of a chunk transformer. Declared here rather than taken from the DOM library's
 * `Transformer` so that the code type-checks under Node's stream types as well (the CLI).
 */
export interface ChunkTransformer {
  transform(chunk: Uint8Array, controller: { enqueue(chunk: Uint8Array): void }): void;
  flush(): void | Promise<void>;
}

/** A transformer that hashes and counts; its errors go to both sides of the stream. */
export function verifyingTransformer(o: VerifyOptions): ChunkTransformer {
  const h = o.hash();
  let count = 0;
  return {
    transform(chunk, controller) {
      count += chunk.byteLength;
      if (o.expectedSize !== undefined && count > o.expectedSize) throw o.tooLong();
      h.update(chunk);
      o.onBytes?.(chunk.byteLength);
      controller.enqueue(chunk);
    },
    async flush() {
      if (o.expectedSize !== undefined && count !== o.expectedSize) throw o.wrongSize(count);
      const actual = await h.digestHex();
      if (actual !== o.expectedHash) throw o.wrongHash(actual);
    },
  };
}

/** The transformer as a TransformStream. */
export function transformStream(t: ChunkTransformer): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream<Uint8Array, Uint8Array>({
    transform: (chunk, controller) => t.transform(chunk, controller),
    flush: () => t.flush(),
  });
}

/** A writable end that hashes and counts and keeps nothing (the reader's validation pass). */
export function verifyingSink(o: VerifyOptions): WritableStream<Uint8Array> {
  const t = verifyingTransformer(o);
  const discard = { enqueue: () => undefined };
  return new WritableStream<Uint8Array>({
    write: (chunk) => t.transform(chunk, discard),
    close: () => t.flush(),
  });
}

/** Collects a small stream (the manifest) into one array, refusing it past `max` bytes. */
export function collectingSink(
  max: number,
  tooLarge: () => BundleError,
): { sink: WritableStream<Uint8Array>; bytes: () => Uint8Array } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      total += chunk.byteLength;
      if (total > max) throw tooLarge();
      chunks.push(chunk.slice());
    },
  });
  return {
    sink,
    bytes: () => {
      const out = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.byteLength;
      }
      return out;
    },
  };
}

/** A Blob or stream from the evidence store as a stream. */
export function asStream(data: Blob | ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  // Duck-typed: streams from another realm (a test environment, a worker) fail instanceof.
  return 'getReader' in data ? data : (data.stream() as ReadableStream<Uint8Array>);
}

/**
 * A writable that passes every chunk on to `sink` and counts the bytes: what a zip writer writes
 * into. Aborting `signal` stops the pipe. `done` settles once the sink has everything; its
 * failure also reaches the writer's writes, so it is never left unhandled here.
 */
export function countingPipe(
  sink: WritableStream<Uint8Array>,
  signal: AbortSignal,
): { writable: WritableStream<Uint8Array>; bytes: () => number; done: Promise<void> } {
  let bytes = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const done = counter.readable.pipeTo(sink, { signal });
  done.catch(() => undefined);
  return { writable: counter.writable, bytes: () => bytes, done };
}
