/**
 * renderer/src/db/blob-store.ts is the only module that touches the `blobs` table: no other
 * renderer module reads or writes it, through a database object's `blobs` property or by name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const OWNER = 'renderer/src/db/blob-store.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `db.blobs`, `database.blobs`, `this.database.blobs`, `table('blobs')`, `table(BLOB_TABLE)`. */
const ACCESS = [
  /\b(?:db|database|old|upgraded|idb|tx|trans|transaction)\s*\.\s*blobs\b/,
  /\.table\(\s*(?:'blobs'|"blobs"|`blobs`|BLOB_TABLE)\s*\)/,
  /\.objectStore\(\s*(?:'blobs'|"blobs"|BLOB_TABLE)\s*\)/,
];

describe('the blob store owns the blobs table', () => {
  it('no other renderer module touches it', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'renderer/src'))) {
      const path = relative(root, file).split('\\').join('/');
      if (path === OWNER) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (ACCESS.some((re) => re.test(line)))
            offenders.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the check sees an access when there is one', () => {
    expect(ACCESS.some((re) => re.test('await db.blobs.get(hash);'))).toBe(true);
    expect(ACCESS.some((re) => re.test("old.table('blobs').bulkAdd(rows)"))).toBe(true);
    expect(ACCESS.some((re) => re.test('for (const [h, b] of input.blobs)'))).toBe(false);
  });
});
