/**
 * One test per database version. Version 1 is the first schema: a fresh database gets exactly the
 * declared tables and indexes, blobs are never indexed, and a database written by a NEWER app
 * version is refused with a message (the data is not touched). Version 2 adds `mergeDrafts`: a
 * version-1 database holding data upgrades with every row kept.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  DATABASE_VERSION,
  DATABASE_VERSIONS,
  openChecked,
  SpbeDatabase,
} from '../../../renderer/src/db/db';
import { v001 } from '../../../renderer/src/db/versions/v001';
import { v002 } from '../../../renderer/src/db/versions/v002';

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
  it('adds mergeDrafts to a fresh database', async () => {
    const db = new SpbeDatabase('uji-versi-2');
    await db.open();
    expect(DATABASE_VERSION).toBe(2);
    expect(db.verno).toBe(2);
    const names = db.tables.map((t) => t.name).sort();
    expect(names).toEqual([...Object.keys(v001), ...Object.keys(v002)].sort());
    const drafts = db.table('mergeDrafts').schema;
    expect([drafts.primKey.src, ...drafts.indexes.map((i) => i.src)].join(', ')).toBe(
      v002.mergeDrafts.replace(/^&/, ''),
    );
    db.close();
    await db.delete();
  });

  it('upgrades a version-1 database holding data, keeping every row', async () => {
    const old = new SpbeDatabase('uji-naik-2', DATABASE_VERSIONS.slice(0, 1));
    await old.open();
    await old.table('evaluations').add({ id: 'e1', year: 2026, status: 'active', updatedAt: 5 });
    await old.table('answers').add({ evaluationId: 'e1', indicator: 3, value: 4, updatedAt: 6 });
    await old.table('settings').add({ key: 'k', value: 'v' });
    old.close();

    const db = new SpbeDatabase('uji-naik-2');
    await openChecked(db);
    expect(db.verno).toBe(2);
    expect(await db.table('evaluations').toArray()).toEqual([
      { id: 'e1', year: 2026, status: 'active', updatedAt: 5 },
    ]);
    expect(await db.table('answers').get(['e1', 3])).toMatchObject({ value: 4 });
    expect(await db.table('settings').get('k')).toEqual({ key: 'k', value: 'v' });
    expect(await db.mergeDrafts.count()).toBe(0);
    await db.mergeDrafts.put({ id: 'draf', savedAt: 7, draft: { files: [] } });
    expect((await db.mergeDrafts.get('draf'))?.savedAt).toBe(7);
    db.close();
    await db.delete();
  });
});
