/**
 * Validation work grows linearly with the rows of a manifest: the content checks read each
 * evidence row a bounded number of times, counted through a Proxy (no timing), including the
 * worst case of the issue (every referenced file missing from the list).
 */
import { describe, expect, it } from 'vitest';
import { checkManifestContent, type BundleManifest } from '../../../shared/bundle';
import { findPack } from '../../../shared/instrument/packs';
import { corpusFixture, manifestOf } from '../../fixtures/bundles/make-corpus';

/** A manifest with `n` extra evidence rows, none of whose files is listed; and a read counter. */
function manyRows(n: number): { manifest: BundleManifest; reads: () => number } {
  const m = manifestOf(corpusFixture());
  const template = m.snapshot.evidence[0]!;
  const rows = [...m.snapshot.evidence];
  for (let i = 0; i < n; i += 1) {
    const hash = i.toString(16).padStart(64, '0');
    rows.push({ ...template, id: `ev-${i}` as never, hash: hash as never });
  }
  let reads = 0;
  const counted = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return {
    manifest: { ...m, files: [], snapshot: { ...m.snapshot, evidence: counted } },
    reads: () => reads,
  };
}

describe('manifest content checks', () => {
  it('read each evidence row a bounded number of times, whatever the number of rows', () => {
    const pack = findPack('permenpanrb-59-2020')!;
    const perRow: number[] = [];
    for (const n of [500, 4_000]) {
      const { manifest, reads } = manyRows(n);
      const problems = checkManifestContent(manifest, pack);
      // Every row's file is missing: one problem each (and the original rows' files too).
      expect(problems.length).toBeGreaterThanOrEqual(n);
      perRow.push(reads() / (n + 4));
    }
    // Linear: the reads per row do not grow with the rows (a lookup per row would make it ~n).
    expect(perRow[1]!).toBeLessThanOrEqual(perRow[0]! + 1);
    expect(perRow[1]!).toBeLessThan(20);
  });

  it('check 200 000 evidence rows in one pass (a quadratic check would not finish)', () => {
    const pack = findPack('permenpanrb-59-2020')!;
    const { manifest, reads } = manyRows(200_000);
    const problems = checkManifestContent(manifest, pack);
    expect(problems.filter((p) => p.startsWith('isi bukti dukung')).length).toBeGreaterThanOrEqual(
      200_000,
    );
    expect(reads()).toBeLessThan(20 * 200_004);
  });
});
