/**
 * Seeding the app's database with fixture evaluations for e2e tests: the rows of evaluation
 * snapshots (test/fixtures/evaluations) and blobs (a logo) written straight into IndexedDB in
 * one transaction, as an import would leave them. Used once the app has opened its database.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { evaluationSnapshotSchema, type EvaluationSnapshot } from '../../../shared/assessment';
import { TABLE_GROUPS } from '../../../renderer/src/db/tables';

const root = path.resolve(__dirname, '../../..');

/** A fixture evaluation snapshot, validated. */
export function fixtureSnapshot(name: string): EvaluationSnapshot {
  const text = readFileSync(path.join(root, 'test/fixtures/evaluations', `${name}.json`), 'utf8');
  return evaluationSnapshotSchema.parse(JSON.parse(text));
}

export interface SeedBlob {
  hash: string;
  type: string;
  base64: string;
}

/** A blob row for bytes, keyed by their SHA-256 as the app keys them. */
export function seedBlob(bytes: Buffer, type: string): SeedBlob {
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    type,
    base64: bytes.toString('base64'),
  };
}

/** A plain logo (a shield with a star) in SVG, as an instansi might upload. */
export const LOGO_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="240" viewBox="0 0 200 240">` +
    `<path d="M100 8 L188 40 L180 140 Q168 200 100 232 Q32 200 20 140 L12 40 Z" fill="#1f4e79" stroke="#c9a227" stroke-width="8"/>` +
    `<polygon points="100,58 114,100 158,100 122,126 136,168 100,142 64,168 78,126 42,100 86,100" fill="#c9a227"/>` +
    `</svg>`,
);

export async function seedSnapshots(
  page: Page,
  snapshots: readonly EvaluationSnapshot[],
  blobs: readonly SeedBlob[] = [],
): Promise<void> {
  await page.evaluate(
    async ({ snapshots, blobs, stores }) => {
      const open = indexedDB.open('evaluasi-spbe');
      const idb: IDBDatabase = await new Promise((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = idb.transaction(stores, 'readwrite');
      for (const s of snapshots) {
        tx.objectStore('evaluations').put(s.evaluation);
        for (const row of s.answers) tx.objectStore('answers').put(row);
        for (const row of s.evidence) tx.objectStore('evidence').put(row);
        for (const row of s.links) tx.objectStore('links').put(row);
        for (const row of s.members) tx.objectStore('members').put(row);
        for (const row of s.audit) {
          const { seq: _seq, ...rest } = row as typeof row & { seq?: number };
          tx.objectStore('audit').add(rest);
        }
      }
      for (const b of blobs) {
        const bytes = Uint8Array.from(atob(b.base64), (c) => c.charCodeAt(0));
        const data = new Blob([bytes], { type: b.type });
        tx.objectStore('blobs').put({
          hash: b.hash,
          data,
          size: data.size,
          type: b.type,
          createdAt: Date.now(),
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      idb.close();
    },
    {
      snapshots: snapshots as EvaluationSnapshot[],
      blobs: blobs as SeedBlob[],
      stores: [...TABLE_GROUPS.seed],
    },
  );
}
