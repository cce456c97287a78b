/**
 * The blob store: evidence bytes and logos, stored once per SHA-256 in the `blobs` table. This is
 * the only module that reads or writes that table (test/unit/db/blob-store-owner.test.ts checks
 * it): put (idempotent by hash), get, has, which hashes are still referenced (by an evidence row
 * of any evaluation or by an instansi logo) and the removal of those that no longer are.
 *
 * Every method runs inside the caller's Dexie transaction when there is one; such a transaction
 * must include BLOB_STORE_TABLES (`withBlobTables` adds them to the caller's list), since Dexie
 * refuses a table outside the transaction's scope.
 */
import type { Table } from 'dexie';
import { isSha256Hex, type Sha256Hex } from '../../../shared/hash/sha256';
import { db, type BlobRow, type SpbeDatabase } from './db';
import { BLOB_STORE_TABLES } from './tables';

export { BLOB_STORE_TABLES };

/** The caller's transaction tables with the store's added (by name, each once). */
export function withBlobTables(tables: ReadonlyArray<string | Table>): string[] {
  return [
    ...new Set([...tables.map((t) => (typeof t === 'string' ? t : t.name)), ...BLOB_STORE_TABLES]),
  ];
}

/** Bytes to store under their hash (the caller hashed them). */
export interface NewBlob {
  hash: Sha256Hex;
  data: Blob;
  /** Defaults to the Blob's own type. */
  type?: string;
  createdAt: number;
}

const rowOf = (blob: NewBlob): BlobRow => ({
  hash: blob.hash,
  data: blob.data,
  size: blob.data.size,
  type: blob.type ?? blob.data.type,
  createdAt: blob.createdAt,
});

export class BlobStore {
  constructor(private readonly database: SpbeDatabase = db) {}

  /** The stored row (Blob handle and metadata), undefined when absent or not a hash. */
  async get(hash: string | null | undefined): Promise<BlobRow | undefined> {
    return isSha256Hex(hash) ? this.database.blobs.get(hash) : undefined;
  }

  /** The stored bytes, or null when they are missing (e.g. imported without evidence). */
  async data(hash: string | null | undefined): Promise<Blob | null> {
    return (await this.get(hash))?.data ?? null;
  }

  async has(hash: string): Promise<boolean> {
    return (await this.present([hash])).size > 0;
  }

  /** The hashes among `hashes` whose bytes are stored. Reads only keys. */
  async present(hashes: Iterable<string>): Promise<Set<Sha256Hex>> {
    const list = [...new Set(hashes)].filter(isSha256Hex);
    if (list.length === 0) return new Set();
    const keys = await this.database.blobs.where(':id').anyOf(list).primaryKeys();
    return new Set(keys);
  }

  /** Stores bytes unless their hash is already stored (the stored bytes are kept). */
  async put(blob: NewBlob): Promise<boolean> {
    return (await this.putMany([blob])).added.length > 0;
  }

  /**
   * Stores each hash once; hashes already stored keep their bytes. Returns the hashes added and
   * their bytes.
   */
  async putMany(blobs: Iterable<NewBlob>): Promise<{ added: Sha256Hex[]; bytes: number }> {
    const unique = new Map<Sha256Hex, NewBlob>();
    for (const b of blobs) if (!unique.has(b.hash)) unique.set(b.hash, b);
    const present = await this.present(unique.keys());
    const rows = [...unique.values()].filter((b) => !present.has(b.hash)).map(rowOf);
    if (rows.length > 0) await this.database.blobs.bulkAdd(rows);
    return { added: rows.map((r) => r.hash), bytes: rows.reduce((s, r) => s + r.size, 0) };
  }

  /** Every stored row (Blob handles, not bytes: cheap to read). */
  all(): Promise<BlobRow[]> {
    return this.database.blobs.toArray();
  }

  /** True while an evidence row (of any evaluation) or an instansi logo uses `hash`. */
  async isReferenced(hash: string): Promise<boolean> {
    return (await this.referenced([hash])).size > 0;
  }

  /** The hashes among `hashes` still in use (one pass over the evaluations for the logos). */
  private async referenced(hashes: ReadonlySet<string> | readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(hashes)].filter(isSha256Hex);
    const used = new Set<string>();
    if (wanted.length === 0) return used;
    const byEvidence = await this.database.evidence.where('hash').anyOf(wanted).keys();
    for (const h of byEvidence) used.add(String(h));
    const open = new Set(wanted.filter((h) => !used.has(h)));
    if (open.size > 0) {
      await this.database.evaluations.each((e) => {
        const logo = e.instansi.logoHash;
        if (logo && open.has(logo)) used.add(logo);
      });
    }
    return used;
  }

  /**
   * Deletes the bytes of each of `hashes` that nothing references any more (and that is not in
   * `keep`). Returns the hashes whose bytes were stored and are now deleted.
   */
  async collectGarbage(
    hashes: Iterable<string>,
    keep: ReadonlySet<string> = new Set(),
  ): Promise<Sha256Hex[]> {
    const stored = await this.present([...hashes].filter((h) => !keep.has(h)));
    const candidates = [...stored];
    if (candidates.length === 0) return [];
    const used = await this.referenced(candidates);
    const orphans = candidates.filter((h) => !used.has(h));
    if (orphans.length > 0) await this.database.blobs.bulkDelete(orphans);
    return orphans;
  }

  /** `collectGarbage` for one hash: true when its bytes were deleted. */
  async deleteIfUnreferenced(hash: string): Promise<boolean> {
    return (await this.collectGarbage([hash])).length > 0;
  }

  /**
   * Makes the store hold exactly `rows` (a full restore): other hashes are deleted, hashes already
   * stored keep their bytes and take the rows' type and date, the rest are added.
   */
  async replaceAll(rows: Iterable<BlobRow>): Promise<void> {
    const wanted = new Map<string, BlobRow>();
    for (const r of rows) wanted.set(r.hash, r);
    const current = await this.all();
    const byHash = new Map(current.map((r) => [r.hash as string, r]));
    const surplus = current.filter((r) => !wanted.has(r.hash)).map((r) => r.hash);
    if (surplus.length > 0) await this.database.blobs.bulkDelete(surplus);
    for (const row of wanted.values()) {
      const existing = byHash.get(row.hash);
      if (!existing) await this.database.blobs.add(row);
      else if (
        existing.type !== row.type ||
        existing.createdAt !== row.createdAt ||
        existing.size !== row.size
      ) {
        await this.database.blobs.put({ ...existing, type: row.type, createdAt: row.createdAt });
      }
    }
  }

  /**
   * Copies rows' metadata without their bytes (a scratch database where upgrades run: they never
   * need the bytes).
   */
  async putMetadata(rows: Iterable<BlobRow>): Promise<void> {
    const meta = [...rows].map(({ data: _data, ...rest }) => rest);
    if (meta.length > 0) await this.database.blobs.bulkAdd(meta as BlobRow[]);
  }
}

/** The app database's blob store. */
export const blobStore = new BlobStore(db);
