/**
 * Migration tests' helper: a database as a released app version left it, holding rows, then
 * opened by the app's own SpbeDatabase at the next version. The old database is created from
 * the committed schema snapshot (test/unit/db/schema-snapshot.json: what the released app
 * declared, frozen), not from today's descriptor, so an upgrade is proved against the real past.
 */
import { Dexie } from 'dexie';
import { DATABASE_VERSIONS, openChecked, SpbeDatabase } from '../../../renderer/src/db/db';
import snapshot from '../../unit/db/schema-snapshot.json';

type Stores = Record<string, string | null>;
const SNAPSHOT = snapshot as Record<string, Stores>;

export type FixtureRows = Readonly<Record<string, readonly unknown[]>>;

/**
 * Creates database `name` at released version `version` (every snapshot version up to it) and
 * writes `rows` into it, table by table, in one transaction.
 */
export async function openAt(name: string, version: number, rows: FixtureRows): Promise<void> {
  const old = new Dexie(name);
  const versions = Object.keys(SNAPSHOT)
    .map(Number)
    .filter((v) => v <= version)
    .sort((a, b) => a - b);
  if (!versions.includes(version)) throw new Error(`version ${version} is not in the snapshot`);
  for (const v of versions) old.version(v).stores(SNAPSHOT[String(v)]!);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd([...list]);
  });
  old.close();
}

/** Opens database `name` with the app's schema up to `version`, running its upgrades. */
export async function upgradeTo(name: string, version: number): Promise<SpbeDatabase> {
  const upgraded = new SpbeDatabase(
    name,
    DATABASE_VERSIONS.filter((v) => v.version <= version),
  );
  await openChecked(upgraded);
  return upgraded;
}

/**
 * One migration: a fresh database at `to − 1` holding `rows`, upgraded to `to`. The caller
 * checks the rows and closes and deletes the database (`done`).
 */
export async function migrate(
  name: string,
  to: number,
  rows: FixtureRows,
): Promise<{ db: SpbeDatabase; done: () => Promise<void> }> {
  await Dexie.delete(name);
  await openAt(name, to - 1, rows);
  const db = await upgradeTo(name, to);
  return {
    db,
    done: async () => {
      db.close();
      await db.delete();
    },
  };
}

/**
 * Rows as comparable values: a file row's bytes as text (Blobs do not compare as values), the
 * rows in one order (by their JSON) whatever order the database keeps them in.
 */
export async function comparable(rows: readonly unknown[]): Promise<unknown[]> {
  const values = await Promise.all(
    rows.map(async (row) => {
      const r = row as Record<string, unknown>;
      return r.data instanceof Blob ? { ...r, data: await r.data.text() } : row;
    }),
  );
  const key = (v: unknown) => JSON.stringify(v);
  return values.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Every row of every table of `db`, as comparable values. */
export async function dumpTables(db: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await comparable(await table.toArray());
  return out;
}
