/**
 * SHA-256 of evidence bytes with Web Crypto (native speed; it has no streaming digest, so the
 * file is read whole). A `Sha256Reader` reads each file with a BYOB stream into one buffer it
 * reuses, so ingesting hundreds of files does not leave hundreds of dead buffers for the garbage
 * collector: memory stays at about the largest file per reader (measured in `npm run bench`).
 */
import type { EvidenceHash } from '../../../../shared/assessment';

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
