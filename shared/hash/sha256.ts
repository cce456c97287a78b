/**
 * The one SHA-256 of the project: the branded `Sha256Hex` (lowercase hex of a digest, the key
 * under which evidence bytes are stored once), the incremental hash contract every runtime
 * implements (@noble/hashes here; Node's crypto in the CLI; Web Crypto in the renderer), and the
 * helpers that hash bytes, a Blob or a byte stream. Pure: no DOM or Node types; a Blob or a web
 * stream is accepted by its shape.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';

/** SHA-256, lowercase hex (64 characters). */
export const sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'hash SHA-256 harus 64 karakter heksadesimal')
  .brand<'Sha256Hex'>();
export type Sha256Hex = z.infer<typeof sha256HexSchema>;

/** True when `value` is a SHA-256 in lowercase hex (narrows to the branded type). */
export const isSha256Hex = (value: unknown): value is Sha256Hex =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** The hex of a finished digest (32 bytes), as the branded type. */
export const digestToSha256Hex = (digest: Uint8Array): Sha256Hex => bytesToHex(digest) as Sha256Hex;

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

/** An incremental hash whose digest is ready at once (bytes already in memory). */
export interface SyncHash extends IncrementalHash {
  digestHex(): string;
}

export type SyncHashFactory = () => SyncHash;

/** @noble/hashes (audited, dependency-free): chunk by chunk in any runtime. */
export const nobleSha256: SyncHashFactory = () => {
  const h = sha256.create();
  return {
    update: (chunk) => {
      h.update(chunk);
    },
    digestHex: () => bytesToHex(h.digest()),
  };
};

/** The synchronous hash of a backup's own pieces (manifest, table JSON, fingerprint). */
export const syncSha256: SyncHashFactory = nobleSha256;

/** A Blob by its shape (shared/ is typed without the DOM library). */
export interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A web ReadableStream of bytes by its shape. */
export interface ByteStreamLike {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array }>;
    releaseLock(): void;
  };
}

export type Sha256Input = Uint8Array | BlobLike | ByteStreamLike | AsyncIterable<Uint8Array>;

/**
 * SHA-256 of bytes, a Blob (read whole) or a byte stream (chunk by chunk: memory stays at one
 * chunk), with `factory`'s hash.
 */
export async function sha256Hex(
  input: Sha256Input,
  factory: HashFactory = nobleSha256,
): Promise<Sha256Hex> {
  const h = factory();
  // isView, not instanceof: bytes made in another realm (a test DOM's TextEncoder) count too.
  if (ArrayBuffer.isView(input)) h.update(input);
  else if ('getReader' in input) {
    const reader = input.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value) h.update(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else if ('arrayBuffer' in input) h.update(new Uint8Array(await input.arrayBuffer()));
  else for await (const chunk of input) h.update(chunk);
  return (await h.digestHex()) as Sha256Hex;
}

/** SHA-256 of bytes in memory, synchronously (the backup's manifest and tables). */
export function sha256HexSync(bytes: Uint8Array, factory: SyncHashFactory = syncSha256): Sha256Hex {
  const h = factory();
  h.update(bytes);
  return h.digestHex() as Sha256Hex;
}
