/**
 * SHA-256 of evidence bytes in the renderer, with Web Crypto (native speed; it has no streaming
 * digest, so a file is read whole). The type, the hex and the streaming fallback are the shared
 * ones (shared/hash/sha256.ts); this module only adds the native digest. A `Sha256Reader` reads
 * each file with a BYOB stream into one buffer it reuses, so ingesting hundreds of files does not
 * leave hundreds of dead buffers for the garbage collector: memory stays at about the largest file
 * per reader (measured in `npm run bench`). `webSha256` is the same native hash in the incremental
 * form the bundle reader and writer use.
 */
import {
  digestToSha256Hex,
  nobleSha256,
  type HashFactory,
  type IncrementalHash,
  type Sha256Hex,
} from '../../../../shared/hash/sha256';

const nativeDigest = async (bytes: BufferSource): Promise<Sha256Hex> =>
  digestToSha256Hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));

export class Sha256Reader {
  private pool = new Uint8Array(0);

  async hash(blob: Blob): Promise<Sha256Hex> {
    const size = blob.size;
    let reader: ReadableStreamBYOBReader;
    try {
      reader = blob.stream().getReader({ mode: 'byob' });
    } catch {
      // No byte stream here (some test environments): read it whole.
      return nativeDigest(await blob.arrayBuffer());
    }
    if (this.pool.byteLength < size) this.pool = new Uint8Array(size);
    let buffer = this.pool.buffer as ArrayBuffer;
    let offset = 0;
    try {
      while (offset < size) {
        const { done, value } = await reader.read(
          new Uint8Array(buffer, offset, Math.min(1 << 20, size - offset)),
        );
        if (value) buffer = value.buffer as ArrayBuffer; // the read transfers the buffer back
        if (done || !value) break;
        offset += value.byteLength;
      }
    } finally {
      reader.releaseLock();
    }
    this.pool = new Uint8Array(buffer);
    if (offset !== size) throw new Error(`Berkas terbaca ${offset} dari ${size} bita`);
    return nativeDigest(this.pool.subarray(0, size));
  }
}

/** One-off native hash of a Blob (logos, generated documents, a team-folder file). */
export function blobSha256(blob: Blob): Promise<Sha256Hex> {
  return new Sha256Reader().hash(blob);
}

/** Files up to this size are hashed natively at the end; larger ones stream through JS. */
export const NATIVE_HASH_LIMIT = 64 * 1024 * 1024;

/**
 * Buffers the bundle hash copies chunks into, kept warm between files: in a browser, touching
 * fresh memory costs several times the copy itself (measured: copying 64 MB into a new buffer
 * takes 50 times as long as into a reused one), so one spare buffer, the largest returned, is kept
 * and dropped after a while unused.
 */
const SPARE_KEPT_MS = 15_000;
let spare: Uint8Array<ArrayBuffer> | null = null;
let spareTimer: ReturnType<typeof setTimeout> | undefined;

function takeBuffer(minBytes: number): Uint8Array<ArrayBuffer> {
  if (spare && spare.byteLength >= minBytes) {
    const taken = spare;
    spare = null;
    return taken;
  }
  return new Uint8Array(minBytes);
}

function returnBuffer(buffer: Uint8Array<ArrayBuffer>): void {
  if (spare && spare.byteLength >= buffer.byteLength) return;
  spare = buffer;
  clearTimeout(spareTimer);
  spareTimer = setTimeout(() => {
    spare = null;
  }, SPARE_KEPT_MS);
}

/** First buffer of a hash: big enough for most evidence files without growing. */
const FIRST_BUFFER_BYTES = 1024 * 1024;

/**
 * SHA-256 for the bundle reader and writer (shared/bundle HashFactory) in the renderer. Web Crypto
 * is native but digests only a whole buffer, while the pure-JS hash streams at a fraction of its
 * speed; so a file's chunks are copied (the stream may reuse them) into one warm buffer and
 * digested natively at the end, unless the file passes NATIVE_HASH_LIMIT, when the bytes so far
 * and the rest go through the streaming JS hash and memory stays bounded.
 */
export const webSha256: HashFactory = () => nativeThenStreaming(NATIVE_HASH_LIMIT);

/** The hash of `webSha256` with its own limit (tests use a small one). */
export function nativeThenStreaming(limit: number): IncrementalHash {
  let buffer: Uint8Array<ArrayBuffer> | null = null;
  let size = 0;
  let streaming: IncrementalHash | null = null;
  const release = (): void => {
    if (buffer) returnBuffer(buffer);
    buffer = null;
  };
  return {
    update(chunk) {
      if (streaming) {
        streaming.update(chunk);
        return;
      }
      const needed = size + chunk.byteLength;
      if (needed > limit) {
        streaming = nobleSha256();
        if (buffer) streaming.update(buffer.subarray(0, size));
        release();
        streaming.update(chunk);
        return;
      }
      if (!buffer || buffer.byteLength < needed) {
        const grown = takeBuffer(
          Math.min(limit, Math.max(needed, FIRST_BUFFER_BYTES, 2 * (buffer?.byteLength ?? 0))),
        );
        if (buffer) {
          grown.set(buffer.subarray(0, size));
          returnBuffer(buffer);
        }
        buffer = grown;
      }
      buffer.set(chunk, size);
      size = needed;
    },
    async digestHex() {
      if (streaming) return streaming.digestHex();
      // Web Crypto copies its input when called, so the buffer is free again at once.
      const digest = nativeDigest(buffer ? buffer.subarray(0, size) : new Uint8Array(0));
      release();
      return digest;
    },
  };
}
