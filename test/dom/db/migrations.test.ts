/**
 * One upgrade test per real schema version: a database as the released version before it left
 * it (schema from the committed snapshot), holding realistic rows of every table that version
 * had, opened by the app at the new version. Every row comes back unchanged and valid for the
 * app, the new tables and indexes are there and usable. A new version without a test here fails.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluationSnapshotSchema,
  type AuditEvent,
  type EvaluationId,
  type MemberId,
} from '../../../shared/assessment';
import { BACKUP_ROW_SCHEMAS, BLOB_TABLE, type BackupTableName } from '../../../shared/backup';
import { DATABASE_VERSIONS } from '../../../renderer/src/db/db';
import { currentMemberKey } from '../../../renderer/src/db/commands/members';
import { MAX_EVIDENCE_SETTING } from '../../../renderer/src/db/commands/evidence';
import snapshot from '../../unit/db/schema-snapshot.json';
import { comparable, dumpTables, migrate, type FixtureRows } from './migrate-helper';

const root = path.resolve(__dirname, '../../..');
const read = (file: string): unknown =>
  JSON.parse(readFileSync(path.join(root, file), 'utf8')) as unknown;

/** Two fixture evaluations of the two packs, as version 1 stored them. */
function fixtureEvaluations() {
  return ['pemdi-2026', 'mojokerto-2026-partial'].map((name) =>
    evaluationSnapshotSchema.parse(read(`test/fixtures/evaluations/${name}.json`)),
  );
}

/** Realistic rows of every version-1 table: evaluations with their parts, files, merge, settings. */
function version1Rows(): FixtureRows {
  const snapshots = fixtureEvaluations();
  const first = snapshots[0]!.evaluation;
  const evidence = snapshots.flatMap((s) => s.evidence);
  const audit: AuditEvent[] = snapshots.flatMap((s, i) => [
    {
      seq: 2 * i + 1,
      id: `audit-${i}-1`,
      evaluationId: s.evaluation.id,
      at: s.evaluation.createdAt,
      actor: null,
      actorName: 'Siti Aminah',
      entity: 'evaluation',
      action: 'create',
      indicator: null,
      field: null,
      oldValue: null,
      newValue: null,
      note: '',
    },
    {
      seq: 2 * i + 2,
      id: `audit-${i}-2`,
      evaluationId: s.evaluation.id,
      at: s.evaluation.updatedAt,
      actor: s.members[0]?.id ?? null,
      actorName: s.members[0]?.name ?? '',
      entity: 'answer',
      action: 'update',
      indicator: s.answers[0]!.indicator,
      field: 'value',
      oldValue: null,
      newValue: String(s.answers[0]!.value),
      note: '',
    },
  ]);
  // The stored files of the documents: bytes keyed by the hash the documents name.
  const blobs = [...new Set(evidence.map((e) => e.hash))].map((hash, i) => {
    const data = new Blob([`%PDF-1.4\nbukti dukung ${i + 1}\n%%EOF`], {
      type: 'application/pdf',
    });
    return { hash, data, size: data.size, type: 'application/pdf', createdAt: first.createdAt };
  });
  const logo = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
  blobs.push({
    hash: createHash('sha256').update(logo).digest('hex') as (typeof blobs)[number]['hash'],
    data: new Blob([logo], { type: 'image/svg+xml' }),
    size: logo.length,
    type: 'image/svg+xml',
    createdAt: first.createdAt,
  });
  const profile = read('shared/profiles/data/kota-balikpapan.json') as Record<string, unknown>;
  return {
    evaluations: snapshots.map((s) => s.evaluation),
    answers: snapshots.flatMap((s) => s.answers),
    evidence,
    links: snapshots.flatMap((s) => s.links),
    members: snapshots.flatMap((s) => s.members),
    audit,
    blobs,
    merges: [
      {
        id: 'gabung-pemdi-2026',
        resultEvaluationId: first.id,
        createdAt: first.updatedAt,
        record: { id: 'gabung-pemdi-2026', mergedAt: first.updatedAt, evaluationId: first.id },
        coordinator: { name: 'Drs. Hendra Wiratama, M.Si.', nip: '196805121994031007' },
      },
    ],
    profiles: [{ id: 'kota-balikpapan-ubahan', updatedAt: first.updatedAt, profile }],
    settings: [
      { key: MAX_EVIDENCE_SETTING, value: 50 * 1024 * 1024 },
      { key: currentMemberKey(first.id), value: snapshots[0]!.members[0]!.id },
    ],
  };
}

/** The schema a database has after `version`: every snapshot version up to it, merged. */
function snapshotSchema(version: number): Record<string, string> {
  const out: Record<string, string | null> = {};
  for (const [v, stores] of Object.entries(snapshot as Record<string, Record<string, string>>))
    if (Number(v) <= version) Object.assign(out, stores);
  return Object.fromEntries(
    Object.entries(out).filter((e): e is [string, string] => e[1] !== null),
  );
}

/** A Dexie store spec as the opened database reports it (Dexie drops the `&` of a primary key). */
const reported = (spec: string): string => spec.replace(/(^|, )&/g, '$1');

async function upgradeToVersion2(): Promise<void> {
  const rows = version1Rows();
  expect(Object.keys(rows).sort(), 'rows of every version-1 table').toEqual(
    Object.keys(snapshotSchema(1)).sort(),
  );
  const { db, done } = await migrate('uji-migrasi-2', 2, rows);
  try {
    expect(db.verno).toBe(2);
    // The schema is exactly the released one.
    const schema = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', '),
      ]),
    );
    expect(schema).toEqual(
      Object.fromEntries(
        Object.entries(snapshotSchema(2)).map(([name, spec]) => [name, reported(spec)]),
      ),
    );

    // Every row of version 1 is kept as it was, files with their bytes.
    const dump = await dumpTables(db);
    for (const [name, list] of Object.entries(rows))
      expect(dump[name], name).toEqual(await comparable(list));
    expect(dump.tombstones).toEqual([]);
    expect(dump.mergeDrafts).toEqual([]);

    // ... and valid for the app today: each row passes the schema a backup checks it with.
    for (const [name, list] of Object.entries(rows)) {
      if (name === BLOB_TABLE) continue;
      const schema = BACKUP_ROW_SCHEMAS[name as BackupTableName];
      for (const row of list) expect(schema.safeParse(row).success, name).toBe(true);
    }

    // The version-1 indexes answer queries; the version-2 tables take rows and are indexed.
    const evaluations = rows.evaluations as { id: EvaluationId }[];
    const links = rows.links as { evaluationId: EvaluationId }[];
    const answers = rows.answers as { evaluationId: EvaluationId; indicator: number }[];
    const id = evaluations[1]!.id;
    const indicator = answers.find((a) => a.evaluationId === id)!.indicator;
    expect(await db.links.where('evaluationId').equals(id).count()).toBe(
      links.filter((l) => l.evaluationId === id).length,
    );
    expect(await db.answers.get([id, indicator])).toMatchObject({ evaluationId: id, indicator });
    expect(await db.audit.where('[evaluationId+indicator]').equals([id, indicator]).count()).toBe(
      1,
    );
    const member = (await db.members.where('evaluationId').equals(id).first())!;
    await db.transaction('rw', [db.members, db.tombstones], async () => {
      await db.members.delete(member.id);
      await db.tombstones.add({
        id: 'hapus-anggota-1',
        evaluationId: id,
        at: member.createdAt + 1,
        by: { memberId: null, name: 'Siti Aminah' },
        entity: 'member',
        member: { ...member, id: member.id as MemberId },
      });
    });
    expect(await db.tombstones.where('evaluationId').equals(id).count()).toBe(1);
    await db.mergeDrafts.put({ id: 'draf', savedAt: 7, draft: { files: [] } });
    expect(await db.mergeDrafts.where('savedAt').above(6).count()).toBe(1);
  } finally {
    await done();
  }
}

/** The upgrade test of each schema version after the first. */
const UPGRADE_TESTS: Record<number, () => Promise<void>> = { 2: upgradeToVersion2 };

describe('database upgrades', () => {
  it('every schema version after the first has an upgrade test', () => {
    expect(
      Object.keys(UPGRADE_TESTS).map(Number),
      'A new schema version needs its upgrade test here (rows of every table of the version before).',
    ).toEqual(DATABASE_VERSIONS.slice(1).map((v) => v.version));
  });

  for (const [version, run] of Object.entries(UPGRADE_TESTS))
    it(
      `upgrades a version-${Number(version) - 1} database holding rows of every table to version ${version}`,
      run,
    );
});
