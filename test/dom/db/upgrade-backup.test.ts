/**
 * The backup before a database upgrade, proved with a test-only schema version on top of the
 * real versions: a database at the app's current version holding data is backed up (in its own shape)
 * BEFORE the upgrade runs, and that backup restores into the upgraded database through the same
 * upgrade function.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, UNBACKED_TABLES } from '../../../shared/backup';
import { readBackup, restoreBackup } from '../../../renderer/src/db/backup';
import {
  db,
  DATABASE_NAME,
  DATABASE_VERSIONS,
  openChecked,
  SpbeDatabase,
  type DatabaseVersion,
} from '../../../renderer/src/db/db';
import { backupBeforeUpgrade, installedVersion } from '../../../renderer/src/db/upgrade-backup';
import { parseBackupFileName } from '../../../renderer/src/platform/backup-names';
import type { BackupStore } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { dump, json, populate, readZip } from './backup-helpers';
import { resetDatabase } from './helpers';

const UPGRADED_ADDRESS = 'Alamat diisi oleh pembaruan skema versi berikutnya';

/** A later schema as a real one would look: a new index and an upgrade that rewrites rows. */
const CURRENT = DATABASE_VERSIONS[DATABASE_VERSIONS.length - 1]!.version;
const NEXT = CURRENT + 1;
const testVersion2: DatabaseVersion = {
  version: NEXT,
  stores: { evidence: '&id, evaluationId, hash, [evaluationId+hash], addedAt, kind' },
  upgrade: async (tx) => {
    await tx
      .table('evaluations')
      .toCollection()
      .modify((e: { instansi: { address: string } }) => {
        e.instansi.address = UPGRADED_ADDRESS;
      });
  },
};
const versions = [...DATABASE_VERSIONS, testVersion2];

let target: SpbeDatabase | undefined;

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
});

afterEach(async () => {
  target?.close();
  target = undefined;
  await resetDatabase();
});

describe('backup before a database upgrade', () => {
  it('the app has no table a backup would leave out', () => {
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [...BACKUP_TABLES, ...UNBACKED_TABLES, 'blobs'].sort(),
    );
  });

  it('writes the old data into a backup first, then the upgrade runs', async () => {
    await populate();
    const before = await dump();
    db.close();

    // Record the schema version on disk at the moment the backup is written.
    let versionWhileWriting: number | null = null;
    const store: BackupStore = {
      ...webBackupStore,
      write: async (name, content, signal) => {
        versionWhileWriting = await installedVersion(DATABASE_NAME);
        return webBackupStore.write(name, content, signal);
      },
    };
    target = new SpbeDatabase(DATABASE_NAME, versions);
    const entry = await backupBeforeUpgrade(target, store);
    expect(entry).not.toBeNull();
    expect(parseBackupFileName(entry!.name)?.reason).toBe('sebelum-pembaruan');
    expect(versionWhileWriting).toBe(CURRENT);
    expect(await installedVersion(DATABASE_NAME)).toBe(CURRENT);

    // Now the upgrade: the next version, rows rewritten by its upgrade function.
    await openChecked(target);
    expect(await installedVersion(DATABASE_NAME)).toBe(NEXT);
    const upgraded = await target.evaluations.toArray();
    expect(upgraded.every((e) => e.instansi.address === UPGRADED_ADDRESS)).toBe(true);

    // The backup holds the data as it was before the upgrade, in the old version's shape.
    const file = await (await webBackupStore.read(entry!.name)).blob();
    const entries = await readZip(file);
    expect(json(entries, 'tables/evaluations.json')).toEqual(before.evaluations);
    expect(json(entries, 'tables/answers.json')).toEqual(before.answers);
    const preview = await readBackup(file, { versions });
    expect(preview.manifest.database.version).toBe(CURRENT);
    expect(preview.olderSchema).toBe(true);
    expect(preview.evaluations.map((e) => e.instansi).sort()).toEqual([
      'Pemerintah Kabupaten Mojokerto',
      'Pemerintah Kota Balikpapan',
    ]);

    // No second backup once the database is at the new version.
    expect(await backupBeforeUpgrade(target, store)).toBeNull();
  });

  it('restores a pre-upgrade backup into the upgraded database through the upgrade', async () => {
    await populate();
    const before = await dump();
    db.close();
    target = new SpbeDatabase(DATABASE_NAME, versions);
    const entry = await backupBeforeUpgrade(target, webBackupStore);
    await openChecked(target);
    await target.evaluations.clear();
    await target.answers.clear();

    const file = await (await webBackupStore.read(entry!.name)).blob();
    await restoreBackup(file, {
      selection: { mode: 'all' },
      store: webBackupStore,
      versions,
      database: target,
    });
    const evaluations = await target.evaluations.toArray();
    expect(evaluations.map((e) => e.instansi.address)).toEqual([
      UPGRADED_ADDRESS,
      UPGRADED_ADDRESS,
    ]);
    expect(
      evaluations.map(({ instansi: { address: _a, ...i }, ...e }) => ({ ...e, instansi: i })),
    ).toEqual(
      (before.evaluations as { instansi: { address: string } }[]).map(
        ({ instansi: { address: _a, ...i }, ...e }) => ({ ...e, instansi: i }),
      ),
    );
    expect(await target.answers.toArray()).toEqual(before.answers);
    // The scratch database used for the upgrade is gone.
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(
      `${DATABASE_NAME}-pemulihan`,
    );
  });

  it('takes no backup when there is no database yet or nothing to upgrade', async () => {
    db.close();
    await db.delete();
    expect(
      await backupBeforeUpgrade(new SpbeDatabase(DATABASE_NAME, versions), webBackupStore),
    ).toBeNull();
    await db.open();
    expect(await backupBeforeUpgrade(db, webBackupStore)).toBeNull();
    expect(await webBackupStore.list()).toEqual([]);
  });
});
