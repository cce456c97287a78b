/**
 * The single Dexie instance of the app ("evaluasi-spbe"). Every table, every version, and the
 * database-level states the user must see (another window upgraded the database, the disk is
 * full) live here. Other modules import `db` and never create a Dexie of their own for app data.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  Answer,
  AuditEvent,
  Evaluation,
  Evidence,
  EvidenceHash,
  EvidenceLink,
  Member,
} from '../../../shared/assessment';
import { v001 } from './versions/v001';

export const DATABASE_NAME = 'evaluasi-spbe';
export const DATABASE_VERSION = 1;

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

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores(v001);
  }
}

export const db = new SpbeDatabase();

/** Thrown when the database on disk was written by a newer app version. */
export class NewerDatabaseError extends Error {
  constructor(found: number) {
    super(
      `Basis data di komputer ini dibuat oleh versi aplikasi yang lebih baru (skema ${found}, aplikasi ini ${DATABASE_VERSION}). Perbarui aplikasi untuk membukanya; data tidak diubah.`,
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
  if (found > DATABASE_VERSION) {
    database.close();
    throw new NewerDatabaseError(found);
  }
}
