/**
 * SHA-256 of evidence bytes with Web Crypto (native speed; it has no streaming digest, so the
 * file is read whole). A `Sha256Reader` reads each file with a BYOB stream into one buffer it
 * reuses, so ingesting hundreds of files does not leave hundreds of dead buffers for the garbage
 * collector: memory stays at about the largest file per reader (measured in `npm run bench`).
 * `webSha256` is the same native hash in the incremental form the bundle reader and writer use.
 */
import type { EvidenceHash } from '../../../../shared/assessment';
import { nobleSha256, type HashFactory, type IncrementalHash } from '../../../../shared/bundle';

const hex = (digest: ArrayBuffer): EvidenceHash => {
  let out = '';
  for (const b of new Uint8Array(digest)) out += b.toString(16).padStart(2, '0');
  return out as EvidenceHash;
};

export class Sha256Reader {
  private pool = new Uint8Array(0);

  async hash(blob: Blob): Promise<EvidenceHash> {
    const size = blob.size;
    let reader: ReadableStreamBYOBReader;
    try {
      reader = blob.stream().getReader({ mode: 'byob' });
    } catch {
      // No byte stream here (some test environments): read it whole.
      return hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
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
    if (offset !== size) throw new Error(`Berkas terbaca ${offset} dari ${size} bait`);
    return hex(await crypto.subtle.digest('SHA-256', this.pool.subarray(0, size)));
  }
}

/** One-off hash (small files, logos). */
export async function sha256Hex(blob: Blob): Promise<EvidenceHash> {
  return hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
}

/** Files up to this size are hashed natively at the end; larger ones stream through JS. */
export const NATIVE_HASH_LIMIT = 64 * 1024 * 1024;

/**
 * SHA-256 for the bundle reader and writer (shared/bundle HashFactory) in the renderer. Web Crypto
 * is native but digests only a whole buffer, while the pure-JS hash streams at a fraction of its
 * speed; so a file's chunks are kept (copied: the stream may reuse them) and digested natively at
 * the end, unless the file passes NATIVE_HASH_LIMIT, when the kept chunks and the rest go through
 * the streaming JS hash and memory stays bounded.
 */
export const webSha256: HashFactory = () => nativeThenStreaming(NATIVE_HASH_LIMIT);

/** The hash of `webSha256` with its own limit (tests use a small one). */
export function nativeThenStreaming(limit: number): IncrementalHash {
  let chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  let streaming: IncrementalHash | null = null;
  return {
    update(chunk) {
      if (streaming) {
        streaming.update(chunk);
        return;
      }
      chunks.push(chunk.slice() as Uint8Array<ArrayBuffer>);
      size += chunk.byteLength;
      if (size > limit) {
        streaming = nobleSha256();
        for (const c of chunks) streaming.update(c);
        chunks = [];
      }
    },
    async digestHex() {
      if (streaming) return streaming.digestHex();
      const whole = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        whole.set(c, at);
        at += c.byteLength;
      }
      chunks = [];
      return hex(await crypto.subtle.digest('SHA-256', whole));
    },
  };
}
