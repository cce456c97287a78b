/**
 * The database's versions as Dexie opens them. Version 1 is the first schema: a fresh database
 * gets exactly the released tables and indexes (the committed snapshot's literal strings), blobs
 * are never indexed, and a database written by a NEWER app version is refused with a message
 * (the data is not touched). Version 2 adds `mergeDrafts` and `tombstones`. Upgrades holding
 * data: migrations.test.ts.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  DATABASE_VERSION,
  DATABASE_VERSIONS,
  openChecked,
  SpbeDatabase,
} from '../../../renderer/src/db/db';
import snapshot from '../../unit/db/schema-snapshot.json';

const v001 = snapshot['1'];
const v002 = snapshot['2'];

describe('database version 1', () => {
  it('creates every table with its declared indexes on a fresh database', async () => {
    const db = new SpbeDatabase('uji-versi-1', DATABASE_VERSIONS.slice(0, 1));
    await db.open();
    expect(db.verno).toBe(1);
    const tables = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', '),
      ]),
    );
    const declared = Object.fromEntries(
      Object.entries(v001).map(([name, spec]) => [name, spec.replace(/(^|, )&/g, '$1')]),
    );
    expect(Object.keys(tables).sort()).toEqual(Object.keys(declared).sort());
    for (const [name, spec] of Object.entries(declared)) expect(tables[name], name).toBe(spec);
    expect(db.table('blobs').schema.indexes).toEqual([]);
    db.close();
    await db.delete();
  });

  it('refuses to use a database written by a newer version, leaving it intact', async () => {
    const newer = new Dexie('uji-versi-baru');
    newer.version(5).stores({ evaluations: '&id' });
    await newer.open();
    await newer.table('evaluations').add({ id: 'x', year: 2030 });
    newer.close();
    const db = new SpbeDatabase('uji-versi-baru');
    await expect(openChecked(db)).rejects.toThrow(/versi aplikasi yang lebih baru/);
    expect(db.isOpen()).toBe(false);
    const again = new Dexie('uji-versi-baru');
    again.version(5).stores({ evaluations: '&id' });
    expect(await again.table('evaluations').get('x')).toEqual({ id: 'x', year: 2030 });
    again.close();
    await again.delete();
  });
});

describe('database version 2', () => {
  it('adds mergeDrafts and tombstones to a fresh database', async () => {
    const db = new SpbeDatabase('uji-versi-2');
    await db.open();
    expect(DATABASE_VERSION).toBe(2);
    expect(db.verno).toBe(2);
    const names = db.tables.map((t) => t.name).sort();
    expect(names).toEqual([...Object.keys(v001), ...Object.keys(v002)].sort());
    for (const [name, spec] of Object.entries(v002)) {
      const schema = db.table(name).schema;
      expect([schema.primKey.src, ...schema.indexes.map((i) => i.src)].join(', '), name).toBe(
        spec.replace(/(^|, )&/g, '$1'),
      );
    }
    db.close();
    await db.delete();
  });
});
