/**
 * SHA-256 of a backup's own pieces (the manifest, each table's JSON, the content fingerprint):
 * bytes already in memory, so the digest is synchronous (@noble/hashes). The evidence files of a
 * backup are hashed like bundle evidence (shared/bundle/hash.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface SyncHash {
  update(chunk: Uint8Array): void;
  digestHex(): string;
}

export type SyncHashFactory = () => SyncHash;

export const syncSha256: SyncHashFactory = () => {
  const h = sha256.create();
  return {
    update: (chunk) => {
      h.update(chunk);
    },
    digestHex: () => bytesToHex(h.digest()),
  };
};

export function sha256HexSync(bytes: Uint8Array, factory: SyncHashFactory = syncSha256): string {
  const h = factory();
  h.update(bytes);
  return h.digestHex();
}
