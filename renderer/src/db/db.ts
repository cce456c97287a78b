/**
 * The single Dexie instance of the app ("evaluasi-spbe"). Every table, every version, and the
 * database-level states the user must see (another window upgraded the database, the disk is
 * full) live here. Other modules import `db` and never create a Dexie of their own for app data.
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  Answer,
  AuditEvent,
  Evaluation,
  Evidence,
  EvidenceHash,
  EvidenceLink,
  Member,
  Tombstone,
} from '../../../shared/assessment';
import { SCHEMA_VERSIONS, storesAt } from './tables';

export const DATABASE_NAME = 'evaluasi-spbe';

/** One schema version: its tables (Dexie store specs) and the upgrade from the one before. */
export interface DatabaseVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown> | void;
}

/**
 * Upgrade functions by version: a version that must rewrite rows adds versions/vNNN.ts exporting
 * its upgrade and registers it here (its tables and indexes go in shared/database/tables.ts).
 * Versions 1 and 2 have none: version 2 only added tables.
 */
const UPGRADES: Readonly<Record<number, DatabaseVersion['upgrade']>> = {};

/**
 * Every released schema, oldest first, from the table descriptor (shared/database/tables.ts):
 * each version declares the tables it adds or changes. Additive after release.
 */
export const DATABASE_VERSIONS: readonly DatabaseVersion[] = SCHEMA_VERSIONS.map((version) => {
  const upgrade = UPGRADES[version];
  return upgrade
    ? { version, stores: storesAt(version), upgrade }
    : { version, stores: storesAt(version) };
});

export const DATABASE_VERSION = DATABASE_VERSIONS[DATABASE_VERSIONS.length - 1]!.version;

/** Evidence bytes, stored once per SHA-256. */
export interface BlobRow {
  hash: EvidenceHash;
  data: Blob;
  size: number;
  type: string;
  createdAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A coordinator's merge, kept for the Berita Acara Rekonsiliasi (content owned by shared/merge). */
export interface MergeRow {
  id: string;
  resultEvaluationId: string;
  createdAt: number;
  record: unknown;
  /** Who signs the minutes as Koordinator SPBE (unindexed; absent in rows made before it). */
  coordinator?: { name: string; nip: string };
  /** The merged answers as they were when merged: the minutes print these, not later edits. */
  answers?: Answer[];
  /**
   * The evaluation of this computer the merge took as its base (unindexed; absent without a base
   * and in rows made before it): the team folder brings that evaluation's files into the result.
   */
  baseEvaluationId?: string;
}

/**
 * The coordinator's unfinished merge (content owned by features/merge: checked when read back).
 * `draft` holds the loaded files (manifest and evidence bytes), base, signer and decisions.
 */
export interface MergeDraftRow {
  id: string;
  savedAt: number;
  draft: unknown;
}

/** A user-made regional profile (format owned by shared/profiles). */
export interface ProfileRow {
  id: string;
  updatedAt: number;
  profile: unknown;
}

export class SpbeDatabase extends Dexie {
  evaluations!: EntityTable<Evaluation, 'id'>;
  answers!: Table<Answer, [string, number]>;
  evidence!: EntityTable<Evidence, 'id'>;
  blobs!: EntityTable<BlobRow, 'hash'>;
  links!: EntityTable<EvidenceLink, 'id'>;
  members!: EntityTable<Member, 'id'>;
  audit!: EntityTable<AuditEvent, 'seq'>;
  merges!: EntityTable<MergeRow, 'id'>;
  profiles!: EntityTable<ProfileRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  /** Deletions that travel (shared/assessment/tombstone.ts); version 2. */
  tombstones!: Table<Tombstone, string>;
  mergeDrafts!: EntityTable<MergeDraftRow, 'id'>;

  /** The newest schema version this instance declares. */
  readonly latestVersion: number;

  /**
   * `versions` is the app's list; tests pass their own (a later version on top of the real
   * ones) to prove upgrades and the backup taken before one.
   */
  constructor(name = DATABASE_NAME, versions: readonly DatabaseVersion[] = DATABASE_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.latestVersion = versions[versions.length - 1]?.version ?? 0;
  }
}

export const db = new SpbeDatabase();

/** Thrown when the database on disk was written by a newer app version. */
export class NewerDatabaseError extends Error {
  constructor(found: number, supported: number = DATABASE_VERSION) {
    super(
      `Basis data di komputer ini dibuat oleh versi aplikasi yang lebih baru (skema ${found}, aplikasi ini ${supported}). Perbarui aplikasi untuk membukanya; data tidak diubah.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * Opens the database, refusing one whose schema is newer than this app's: Dexie 4 would open it
 * at the installed version, and this app would then write rows a newer schema does not expect.
 */
export async function openChecked(database: SpbeDatabase = db): Promise<void> {
  await database.open();
  // IndexedDB holds Dexie's version × 10; Dexie 4 reports its declared version in `verno`.
  const found = Math.floor(database.backendDB().version / 10);
  if (found > database.latestVersion) {
    database.close();
    throw new NewerDatabaseError(found, database.latestVersion);
  }
}
