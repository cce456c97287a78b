/**
 * One test per database version. Version 1 is the first schema: a fresh database gets exactly the
 * declared tables and indexes, blobs are never indexed, and a database written by a NEWER app
 * version is refused with a message (the data is not touched).
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DATABASE_VERSION, openChecked, SpbeDatabase } from '../../../renderer/src/db/db';
import { v001 } from '../../../renderer/src/db/versions/v001';

describe('database version 1', () => {
  it('creates every table with its declared indexes on a fresh database', async () => {
    const db = new SpbeDatabase('uji-versi-1');
    await db.open();
    expect(DATABASE_VERSION).toBe(1);
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
