/**
 * Restoring a backup: the file is checked again in full (it may have changed since the preview),
 * the current data is written to a backup of its own ("sebelum-pemulihan") so the restore can be
 * undone, the files the restore needs are staged, and then ONE transaction replaces the data,
 * either all of it or the chosen evaluations. A refusal or failure at any point leaves the
 * database as it was.
 */
import type { Dexie } from 'dexie';
import {
  labelsTellingApart,
  LIMITS,
  type EvaluationId,
  type EvaluationIdentity,
  type MemberId,
} from '../../../../shared/assessment';
import {
  BACKUP_TABLES,
  BackupError,
  backupAborted,
  BLOB_TABLE,
  EVALUATION_COLUMN,
  restorePlan,
  summarizeEvaluations,
  type EvaluationSummary,
  type RestorePlanItem,
  type RepairedName,
  type RestoreSelection,
} from '../../../../shared/backup';
import { freshBackupFileName } from '../../platform/backup-names';
import type { BackupEntry, BackupStore } from '../../platform/types';
import { formatDateTime } from '../../../../shared/format/date';
import { ANONYMOUS } from '../commands/actor';
import { auditEvent } from '../commands/audit';
import { originalNameNote } from '../commands/evidence';
import { currentMemberKey } from '../commands/members';
import { PACK_KEY_PREFIX } from '../commands/packs';
import { BlobStore, withBlobTables } from '../blob-store';
import { db, type SpbeDatabase, type BlobRow } from '../db';
import { toStorageError } from '../errors';
import { MiB, type Row } from './common';
import { exportDatabase } from './export';
import { openBackup, type OpenedBackup, type ReadBackupOptions } from './read';

/** The evaluations on this computer now, summarised like a backup's. */
export async function currentSummaries(database: Dexie = db): Promise<EvaluationSummary[]> {
  return database.transaction(
    'r',
    [database.table('evaluations'), database.table('answers'), database.table('evidence')],
    async () =>
      summarizeEvaluations({
        evaluations: await database.table('evaluations').toArray(),
        answers: await database.table('answers').toArray(),
        evidence: await database.table('evidence').toArray(),
      }),
  );
}

export interface RestoreOptions extends ReadBackupOptions {
  selection: RestoreSelection;
  /** Where the backup of the current data goes before anything is replaced. */
  store: BackupStore;
  /** The manifest hash of the preview the user confirmed: another file is refused. */
  expectedManifestHash?: string;
  /** The backup's file name, recorded in the history of every restored evaluation. */
  sourceName?: string;
  database?: SpbeDatabase;
}

export interface RestoreResult {
  /** The backup of the data as it was just before the restore ("sebelum-pemulihan"). */
  safetyBackup: BackupEntry;
  plan: RestorePlanItem[];
  /** Rows of the backup left out, and why (the rest was restored). */
  skipped: string[];
  /** Evidence names over the limit that were restored shortened (originals in the history). */
  shortenedNames: number;
}

/**
 * Restores a backup: checks it in full, backs up the current data, then replaces the data in one
 * transaction. Any refusal or failure leaves the database as it was.
 */
export async function restoreBackup(source: Blob, options: RestoreOptions): Promise<RestoreResult> {
  const database = options.database ?? db;
  const opened = await openBackup(source, options);
  if (
    options.expectedManifestHash !== undefined &&
    opened.preview.manifestHash !== options.expectedManifestHash
  ) {
    throw new BackupError(
      'content',
      'Berkas cadangan berubah sejak pratinjau. Buka pratinjaunya lagi sebelum memulihkan.',
    );
  }
  const { selection } = options;
  const inBackup = new Set(opened.rows.evaluations.map((e) => String(e.id)));
  if (selection.mode === 'selected') {
    if (selection.ids.length === 0) {
      throw new BackupError('content', 'Pilih sedikitnya satu evaluasi untuk dipulihkan.');
    }
    const unknown = selection.ids.find((id) => !inBackup.has(id));
    if (unknown) {
      const listed = opened.preview.evaluations.some((e) => e.id === unknown);
      throw new BackupError(
        'content',
        listed
          ? 'Evaluasi yang dipilih tidak dapat dipulihkan: datanya di cadangan tidak sah dan dilewati.'
          : 'Evaluasi yang dipilih tidak ada di cadangan ini.',
      );
    }
  }
  if (options.signal?.aborted) throw backupAborted();

  const plan = restorePlan(opened.preview.evaluations, await currentSummaries(database), selection);
  // The data as it is now, kept before anything changes: a restore can itself be undone.
  const safetyBackup = await options.store.write(
    await freshBackupFileName(options.store, 'sebelum-pemulihan'),
    (sink, signal) => exportDatabase(sink, signal, undefined, { database }).then(() => undefined),
    options.signal,
  );
  if (options.signal?.aborted) throw backupAborted();

  // Filled as files are staged, so that a failure half-way still removes those already added.
  const staged: string[] = [];
  try {
    const files =
      selection.mode === 'all'
        ? [...opened.blobs.values()]
        : [...selectedBlobs(opened, selection.ids)].flatMap((h) => {
            const row = opened.blobs.get(h);
            return row ? [row] : [];
          });
    await stageBlobs(database, files, staged);
    if (options.signal?.aborted) throw backupAborted();
    const record = restoreRecord(opened, options.sourceName);
    record.repaired = opened.repaired;
    if (selection.mode === 'all') await replaceAll(database, opened, record);
    else await replaceSelected(database, opened, selection.ids as EvaluationId[], record);
  } catch (e) {
    await unstageBlobs(database, staged).catch(() => undefined);
    if (e instanceof BackupError) throw e;
    const error = toStorageError(e, 'Pemulihan cadangan');
    throw new BackupError(
      'io',
      `${error.message} Data sebelum pemulihan juga tersimpan sebagai ${safetyBackup.name}.`,
      undefined,
      { cause: e },
    );
  }
  const restored =
    selection.mode === 'all' ? null : new Set<string>(selection.ids as readonly string[]);
  return {
    safetyBackup,
    plan,
    skipped: opened.preview.skipped,
    shortenedNames: opened.repaired.filter((r) => !restored || restored.has(r.evaluationId)).length,
  };
}

/** Bytes of files written per staging transaction (bounds what one transaction holds). */
const STAGE_BATCH_BYTES = 32 * MiB;

/**
 * Writes the files a restore needs and the database lacks, in small transactions BEFORE the one
 * transaction that replaces the data. Files are stored by content (SHA-256), so a staged file
 * nothing refers to yet changes nothing the user sees; staging keeps the memory of the browser's
 * database writes bounded, where one transaction holding every file would hold them all at once.
 * Records the hashes it added in `staged` (removed again if the restore fails).
 */
async function stageBlobs(
  database: SpbeDatabase,
  rows: readonly BlobRow[],
  staged: string[],
): Promise<void> {
  let batch: BlobRow[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const group = batch;
    batch = [];
    bytes = 0;
    let added: string[] = [];
    await database.transaction('rw', withBlobTables([]), async () => {
      added = (await new BlobStore(database).putMany(group)).added;
    });
    // Recorded once committed: only files this restore really added are ever removed again.
    staged.push(...added);
  };
  for (const row of rows) {
    batch.push(row);
    bytes += row.size;
    if (bytes >= STAGE_BATCH_BYTES) await flush();
  }
  await flush();
}

/** Removes staged files nothing refers to (after a failed restore). */
async function unstageBlobs(database: SpbeDatabase, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await database.transaction('rw', withBlobTables([]), () =>
    new BlobStore(database).collectGarbage(hashes),
  );
}

/** The files a selective restore needs: the chosen evaluations' documents and logos. */
function selectedBlobs(opened: OpenedBackup, ids: readonly string[]): Set<string> {
  const chosen = new Set(ids);
  const hashes = new Set<string>();
  for (const e of opened.rows.evidence)
    if (chosen.has(String(e.evaluationId))) hashes.add(String(e.hash));
  for (const e of opened.rows.evaluations) {
    const logo = (e.instansi as { logoHash?: unknown } | undefined)?.logoHash;
    if (chosen.has(String(e.id)) && typeof logo === 'string') hashes.add(logo);
  }
  return hashes;
}

/** What the history of a restored evaluation says about the restore. */
interface RestoreRecord {
  sourceName: string | null;
  note: string;
  /** Evidence names shortened on the way in: each gets its own history entry. */
  repaired?: readonly RepairedName[];
}

function restoreRecord(opened: OpenedBackup, sourceName: string | undefined): RestoreRecord {
  const createdAt = formatDateTime(opened.preview.manifest.createdAt);
  return {
    sourceName: sourceName ?? null,
    note: sourceName
      ? `Dipulihkan dari cadangan ${sourceName} yang dibuat ${createdAt}.`
      : `Dipulihkan dari cadangan yang dibuat ${createdAt}.`,
  };
}

/**
 * Records the restore in the history of each restored evaluation, stamped with the person the
 * restored data names as this computer's user of that evaluation. Inside the restore transaction.
 */
async function recordRestore(
  database: SpbeDatabase,
  ids: readonly EvaluationId[],
  record: RestoreRecord,
): Promise<void> {
  const at = Date.now();
  const events = [];
  for (const id of ids) {
    const memberId = (await database.settings.get(currentMemberKey(id)))?.value;
    const member =
      typeof memberId === 'string' ? await database.members.get(memberId as MemberId) : undefined;
    const actor = member ? { id: member.id, name: member.name } : ANONYMOUS;
    events.push(
      auditEvent(
        id,
        actor,
        {
          entity: 'evaluation',
          action: 'import',
          field: 'backup',
          newValue: record.sourceName,
          note: record.note,
        },
        at,
      ),
    );
    for (const fix of record.repaired ?? []) {
      if (fix.evaluationId !== id) continue;
      events.push(
        auditEvent(
          id,
          actor,
          {
            entity: 'evidence',
            action: 'update',
            field: 'fileName',
            oldValue: fix.original.slice(0, LIMITS.auditValue),
            newValue: fix.stored,
            note: originalNameNote(fix.original),
          },
          at,
        ),
      );
    }
  }
  if (events.length > 0) await database.audit.bulkAdd(events);
}

/** Everything becomes the backup's: every table, and exactly the backup's files. */
async function replaceAll(
  database: SpbeDatabase,
  opened: OpenedBackup,
  record: RestoreRecord,
): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    for (const table of database.tables) if (table.name !== BLOB_TABLE) await table.clear();
    for (const name of BACKUP_TABLES) {
      const rows = opened.rows[name];
      if (rows.length > 0) await database.table(name).bulkAdd(rows);
    }
    // Exactly the backup's files (rows hold Blob handles, not bytes: reading them all is cheap).
    await new BlobStore(database).replaceAll(opened.blobs.values());
    await recordRestore(
      database,
      opened.rows.evaluations.map((e) => e.id as EvaluationId),
      record,
    );
  });
}

/**
 * The evaluations a selective restore adds, each told apart from an evaluation of the same
 * instansi and year already here (or added before it) by the label a new one would get
 * ("salinan 2"), unless its own label already does. Those in `present` replace themselves and
 * keep theirs.
 */
async function toldApart(
  database: SpbeDatabase,
  rows: readonly Row[],
  present: ReadonlySet<string>,
): Promise<Row[]> {
  const identities = rows as unknown as EvaluationIdentity[];
  const labels = labelsTellingApart(
    identities.filter((e) => !present.has(e.id)),
    [...(await database.evaluations.toArray()), ...identities.filter((e) => present.has(e.id))],
  );
  return rows.map((row) =>
    labels.has(String(row.id)) ? { ...row, label: labels.get(String(row.id)) } : row,
  );
}

async function replaceSelected(
  database: SpbeDatabase,
  opened: OpenedBackup,
  ids: readonly EvaluationId[],
  record: RestoreRecord,
): Promise<void> {
  const chosen = new Set<string>(ids);
  const owned = (table: keyof typeof EVALUATION_COLUMN) => {
    const column = EVALUATION_COLUMN[table]!;
    return opened.rows[table].filter((r) => chosen.has(String(r[column])));
  };
  const evaluations = opened.rows.evaluations.filter((e) => chosen.has(String(e.id)));
  const needed = selectedBlobs(opened, ids);
  const blobRows = [...needed].flatMap((h) => {
    const row = opened.blobs.get(h);
    return row ? [row] : [];
  });
  // Audit events are renumbered after the ones on this computer, in their original order.
  const audit = owned('audit')
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map(({ seq: _seq, ...event }) => event);
  const settingKeys = new Set(ids.map((id) => currentMemberKey(id)));
  const settings = opened.rows.settings.filter((s) => settingKeys.has(String(s.key)));
  // Packs loaded from files travel with the backup: the restored evaluations may use them. One
  // already on this computer is kept as it is (a pack's id and version name one content).
  const packRows = opened.rows.settings.filter((s) => String(s.key).startsWith(PACK_KEY_PREFIX));

  await database.transaction('rw', database.tables, async () => {
    const replacedHashes = new Set<string>();
    const present = new Set<string>();
    for (const id of ids) {
      const old = await database.evaluations.get(id);
      if (old) present.add(id);
      if (old?.instansi.logoHash) replacedHashes.add(old.instansi.logoHash);
      for (const doc of await database.evidence.where('evaluationId').equals(id).toArray()) {
        replacedHashes.add(doc.hash);
      }
      for (const table of Object.keys(EVALUATION_COLUMN) as (keyof typeof EVALUATION_COLUMN)[]) {
        await database.table(table).where(EVALUATION_COLUMN[table]!).equals(id).delete();
      }
      await database.evaluations.delete(id);
      await database.settings.delete(currentMemberKey(id));
    }
    await database.table('evaluations').bulkAdd(await toldApart(database, evaluations, present));
    for (const table of ['answers', 'evidence', 'links', 'members', 'merges'] as const) {
      const rows = owned(table);
      if (rows.length > 0) await database.table(table).bulkAdd(rows);
    }
    if (audit.length > 0) await database.table('audit').bulkAdd(audit);
    if (settings.length > 0) await database.table('settings').bulkAdd(settings);
    if (packRows.length > 0) {
      const present = new Set(
        (await database.settings
          .where(':id')
          .anyOf(packRows.map((r) => String(r.key)))
          .primaryKeys()) as string[],
      );
      const absent = packRows.filter((r) => !present.has(String(r.key)));
      if (absent.length > 0) await database.table('settings').bulkAdd(absent);
    }
    const blobs = new BlobStore(database);
    await blobs.putMany(blobRows);
    // Files only the replaced versions used go with them.
    await blobs.collectGarbage(replacedHashes, needed);
    await recordRestore(database, ids, record);
  });
}
