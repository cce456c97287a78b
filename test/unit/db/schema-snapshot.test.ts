/**
 * The database schema against its committed snapshot (schema-snapshot.json: the Dexie stores
 * every released version declared, as literal strings). A released version never changes; a
 * new version only adds (tables, indexes); the backup's tables and the e2e seed come from the
 * same table descriptor (shared/database/tables.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  BACKUP_ROW_SCHEMAS,
  BACKUP_TABLES,
  BLOB_TABLE,
  EVALUATION_COLUMN,
  primaryKeyOf,
  TABLE_LABELS,
  UNBACKED_TABLES,
} from '../../../shared/backup';
import {
  currentSpec,
  FILE_TABLE,
  SCHEMA_VERSIONS,
  storesAt,
  TABLES,
} from '../../../shared/database/tables';
import { BLOB_STORE_TABLES, TABLE_GROUPS } from '../../../renderer/src/db/tables';
import snapshot from './schema-snapshot.json';

type Stores = Record<string, string | null>;
const SNAPSHOT = snapshot as Record<string, Stores>;
const snapshotVersions = Object.keys(SNAPSHOT)
  .map(Number)
  .sort((a, b) => a - b);

const NEW_VERSION_STEP =
  'A new schema version is a deliberate step: declare its tables/indexes in ' +
  'shared/database/tables.ts (additions only), add its stores to test/unit/db/schema-snapshot.json ' +
  '(exactly storesAt(version)) and add its upgrade test to test/dom/db/migrations.test.ts, in one commit.';

/** A Dexie store spec as its primary key and its other indexes (with their &, *, ++ marks). */
function parseSpec(spec: string): { primary: string; indexes: string[] } {
  const [primary = '', ...indexes] = spec.split(',').map((s) => s.trim());
  return { primary, indexes };
}

/**
 * What a version takes away from the schema before it: a dropped table, a changed primary key,
 * a removed (or renamed) index. Empty when the version only adds.
 */
function nonAdditiveChanges(before: Stores, next: Stores): string[] {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(next)) {
    const old = before[name];
    if (old === undefined || old === null) continue; // a new table
    if (spec === null) {
      out.push(`table ${name} dropped`);
      continue;
    }
    const a = parseSpec(old);
    const b = parseSpec(spec);
    if (a.primary !== b.primary) out.push(`table ${name}: primary key ${a.primary} → ${b.primary}`);
    for (const index of a.indexes)
      if (!b.indexes.includes(index)) out.push(`table ${name}: index ${index} removed`);
  }
  return out;
}

/** The whole schema after each version (Dexie keeps earlier tables as they were). */
function cumulative(versions: readonly number[], storesOf: (v: number) => Stores): Stores[] {
  const out: Stores[] = [];
  let current: Stores = {};
  for (const v of versions) {
    current = { ...current, ...storesOf(v) };
    out.push(current);
  }
  return out;
}

describe('schema snapshot', () => {
  it('every released version declares exactly the stores of the snapshot', () => {
    for (const v of snapshotVersions) {
      expect(
        storesAt(v),
        `Released schema version ${v} changed. Released versions never change: add a new ` +
          `version instead. ${NEW_VERSION_STEP}`,
      ).toEqual(SNAPSHOT[String(v)]);
    }
  });

  it('every declared version is in the snapshot', () => {
    expect(SCHEMA_VERSIONS, NEW_VERSION_STEP).toEqual(snapshotVersions);
  });

  it('each version after the first only adds tables and indexes', () => {
    for (const [label, versions, storesOf] of [
      ['descriptor', SCHEMA_VERSIONS, storesAt],
      ['snapshot', snapshotVersions, (v: number) => SNAPSHOT[String(v)] ?? {}],
    ] as const) {
      const schemas = cumulative(versions, storesOf);
      versions.forEach((v, i) => {
        if (i === 0) return;
        expect(
          nonAdditiveChanges(schemas[i - 1]!, storesOf(v)),
          `${label} version ${v} is not additive. ${NEW_VERSION_STEP}`,
        ).toEqual([]);
      });
    }
  });

  it('the additive check refuses a dropped table, a renamed index and a new primary key', () => {
    const v1 = { a: '&id, year, status', b: '&key' };
    expect(nonAdditiveChanges(v1, { a: '&id, year, status, kind', c: '&id' })).toEqual([]);
    expect(nonAdditiveChanges(v1, { b: null })).toEqual(['table b dropped']);
    expect(nonAdditiveChanges(v1, { a: '&id, year, state' })).toEqual([
      'table a: index status removed',
    ]);
    expect(nonAdditiveChanges(v1, { b: '++seq, key' })).toEqual([
      'table b: primary key &key → ++seq',
    ]);
  });
});

describe('tables derived from the descriptor', () => {
  it('names each table once', () => {
    const names = TABLES.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the backup carries every table as rows, as files or leaves it out on purpose', () => {
    const all = TABLES.map((t) => t.name).sort();
    expect([...BACKUP_TABLES, ...UNBACKED_TABLES, BLOB_TABLE].sort()).toEqual(all);
    expect(FILE_TABLE).toBe(BLOB_TABLE);
    expect(UNBACKED_TABLES).toEqual(['mergeDrafts']);
    expect(BACKUP_TABLES).toEqual([
      'evaluations',
      'answers',
      'evidence',
      'links',
      'members',
      'audit',
      'merges',
      'profiles',
      'settings',
      'tombstones',
    ]);
    expect(Object.keys(BACKUP_ROW_SCHEMAS).sort()).toEqual([...BACKUP_TABLES].sort());
    for (const name of all) expect(TABLE_LABELS[name], name).toMatch(/^[a-z ]+$/);
  });

  it('keys rows by the primary key of the current spec, compound keys joined', () => {
    const row = {
      id: 'x',
      seq: 7,
      key: 'k',
      evaluationId: 'e1',
      indicator: 3,
    };
    const keys = Object.fromEntries(BACKUP_TABLES.map((t) => [t, primaryKeyOf[t](row)]));
    expect(keys).toEqual({
      evaluations: 'x',
      answers: 'e1\u00003',
      evidence: 'x',
      links: 'x',
      members: 'x',
      audit: '7',
      merges: 'x',
      profiles: 'x',
      settings: 'k',
      tombstones: 'x',
    });
  });

  it('names the column tying rows to their evaluation', () => {
    expect(EVALUATION_COLUMN).toEqual({
      answers: 'evaluationId',
      evidence: 'evaluationId',
      links: 'evaluationId',
      members: 'evaluationId',
      audit: 'evaluationId',
      merges: 'resultEvaluationId',
      tombstones: 'evaluationId',
    });
    // Each is an index of its table, so a restore can find an evaluation's rows.
    for (const [name, column] of Object.entries(EVALUATION_COLUMN)) {
      const spec = currentSpec(TABLES.find((t) => t.name === name)!) ?? '';
      expect(spec.split(', '), name).toContain(column);
    }
  });

  it('transaction groups name only declared tables', () => {
    const declared = new Set<string>(TABLES.map((t) => t.name));
    for (const [group, tables] of Object.entries(TABLE_GROUPS)) {
      for (const t of tables) expect(declared.has(t), `${group}: ${t}`).toBe(true);
      expect(new Set(tables).size, group).toBe(tables.length);
    }
  });

  it('every group that holds blobs holds every table the blob store reads', () => {
    for (const [group, tables] of Object.entries(TABLE_GROUPS)) {
      if (!(tables as readonly string[]).includes('blobs')) continue;
      expect(tables, group).toEqual(expect.arrayContaining([...BLOB_STORE_TABLES]));
    }
  });
});
