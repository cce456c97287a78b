/**
 * Incremental SHA-256 for evidence streams. Web Crypto only digests a whole buffer, which would
 * need the whole file in memory; @noble/hashes (audited, dependency-free) hashes chunk by chunk
 * in any runtime. A runtime with a faster native hash (Node's crypto in the CLI) passes its own
 * factory; both produce the same lowercase hex.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface IncrementalHash {
  update(chunk: Uint8Array): void;
  /**
   * Lowercase hex of the digest; the hash cannot be updated afterwards. May be asynchronous: a
   * runtime whose native hash has no streaming form (Web Crypto in the renderer) digests at the
   * end.
   */
  digestHex(): string | Promise<string>;
}

export type HashFactory = () => IncrementalHash;

export const nobleSha256: HashFactory = () => {
  const h = sha256.create();
  return {
    update: (chunk) => {
      h.update(chunk);
    },
    digestHex: () => bytesToHex(h.digest()),
  };
};

/** SHA-256 of bytes in memory (the manifest), lowercase hex. */
export async function sha256Hex(
  bytes: Uint8Array,
  factory: HashFactory = nobleSha256,
): Promise<string> {
  const h = factory();
  h.update(bytes);
  return h.digestHex();
}
