/**
 * The Berita Acara Rekonsiliasi of a Pemdi merge in which nobody has assessed an indicator yet:
 * no "1,00 dengan predikat Kurang" from the four assumed values of the awaited external indices.
 */
import { describe, expect, it } from 'vitest';
import { readBundle, writeBundle } from '../../../shared/bundle/zip';
import { findPack } from '../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  reconciliationMinutes,
  sourceFromBundle,
  type MergeSource,
} from '../../../shared/merge';
import { APP_VERSION, makeFixture, memorySink, T0, writeInput } from '../bundle/fixtures';

const pemdi = findPack('permenpanrb-8-2026')!;

async function emptySource(id: string, seed: number, name: string): Promise<MergeSource> {
  const f = makeFixture({
    seed,
    evaluationId: 'eval-kota',
    levels: {},
    evidenceSizes: [],
    members: [{ id: `m-${seed}`, name, nip: '', indicators: [1, 5] }],
  });
  f.snapshot.evaluation.instrument = { id: pemdi.id, version: pemdi.version };
  const { sink, blob } = memorySink();
  await writeBundle(
    sink,
    { ...writeInput(f, name), pack: pemdi, exportedAt: T0 + seed },
    { includeEvidence: true },
  );
  return sourceFromBundle(id, `${id}.spbe`, await readBundle(blob(), { appVersion: APP_VERSION }));
}

describe('Berita Acara Rekonsiliasi with nothing assessed', () => {
  it('says the Indeks Pemdi cannot be computed, with no predikat', async () => {
    const inputs = [
      await emptySource('1', 1, 'Ani Rahmawati'),
      await emptySource('2', 2, 'Budi Santoso'),
    ];
    const { snapshot, record } = applyMerge(analyzeMerge({ pack: pemdi, inputs }), [], {
      now: Date.UTC(2026, 10, 22, 3),
    });
    const doc = reconciliationMinutes(record, snapshot, pemdi, {
      coordinator: { name: 'Sri Wahyuni', nip: '' },
    });
    const all = JSON.stringify(doc);
    expect(all).toContain(
      'Belum ada indikator yang dinilai; Indeks Pemdi belum dapat dihitung. 4 indikator menunggu ' +
        'nilai eksternal; nilai anggapannya baru dihitung setelah ada indikator yang dinilai.',
    );
    expect(all).not.toMatch(/predikat Kurang|dihitung 1,00/);
  });
});
