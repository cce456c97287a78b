/**
 * Merging Pemdi (PermenPANRB 8/2026) evaluations through real bundles: a conflict on a decimal
 * value with butir statuses that differ, and one on an entered external source index (SDI), are
 * settled; the merged answers keep the chosen value, source index and butir statuses, the merge
 * record keeps every side's, and the Berita Acara lists the differences and what was decided.
 * Also with the coordinator's evaluation as the common base, and the same merge on 59/2020,
 * whose record and Berita Acara stay as they were (no source index, no butir).
 */
import { describe, expect, it } from 'vitest';
import type { Answer, RevisionId } from '../../../shared/assessment';
import { snapshotValues } from '../../../shared/assessment/snapshot';
import { readBundle, writeBundle } from '../../../shared/bundle/zip';
import { findIndicator, findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  mergeRecordSchema,
  reconciliationMinutes,
  sourceFromBase,
  sourceFromBundle,
  type MergeSource,
  type MinutesBlock,
  type Resolution,
} from '../../../shared/merge';
import { rangeProse } from '../../../shared/report/text';
import { score } from '../../../shared/scoring/score';
import {
  APP_VERSION,
  makeFixture,
  memorySink,
  T0,
  writeInput,
  type Fixture,
} from '../bundle/fixtures';

const pemdi = findPack('permenpanrb-8-2026')!;
const pack59 = findPack('permenpanrb-59-2020')!;

const ANI = { id: 'm-ani', name: 'Ani Rahmawati', nip: '198501012010012001', indicators: [1, 5] };
const BUDI = { id: 'm-budi', name: 'Budi Santoso', nip: '', indicators: [1, 5] };
const coordinator = { name: 'Sri Wahyuni', nip: '197001011995032001' };

type Details = Partial<Pick<Answer, 'external' | 'butir' | 'ancestors' | 'revision'>>;

/** An evaluation on `pack` with the given values, each answer patched with its details. */
function evaluation(
  pack: InstrumentPack,
  seed: number,
  who: typeof ANI,
  values: Record<number, number>,
  details: Record<number, Details> = {},
): Fixture {
  const f = makeFixture({
    seed,
    evaluationId: 'eval-kota',
    levels: values,
    evidenceSizes: [300 + seed],
    members: [who],
  });
  f.snapshot.evaluation.instrument = { id: pack.id, version: pack.version };
  f.snapshot.answers = f.snapshot.answers.map((a) => ({
    ...a,
    justification: `Penjelasan indikator ${a.indicator}.`,
    ...details[a.indicator],
  }));
  return f;
}

/** Exports the evaluation as a .spbe file and opens it again, as a merge source. */
async function throughBundle(
  id: string,
  f: Fixture,
  pack: InstrumentPack,
  exporter: string,
): Promise<MergeSource> {
  const { sink, blob } = memorySink();
  await writeBundle(
    sink,
    { ...writeInput(f, exporter), pack, exportedAt: T0 + Number(id) * 60_000 },
    { includeEvidence: true },
  );
  const opened = await readBundle(blob(), { appVersion: APP_VERSION });
  expect(opened.pack).toBe(pack);
  return sourceFromBundle(id, `${exporter.split(' ')[0]!.toLowerCase()}.spbe`, opened);
}

const resolve = (indicator: number, choice: Resolution['choice'], reason: string): Resolution => ({
  indicator,
  choice,
  reason,
  decidedBy: { memberId: null, name: coordinator.name },
  decidedAt: T0 + 99_000,
});

const sdi = (input: number, year: number) => ({ input, year, note: 'Hasil Evaluasi SDI' });

const butirText = (code: string): string => {
  const all = findIndicator(pemdi, Number(/^I(\d+)-/.exec(code)![1]))!.indicator.levels.flatMap(
    (l) => l.butir,
  );
  return `${code} ${all.find((b) => b.code === code)!.text}`;
};

const table = (block: MinutesBlock | undefined) => {
  if (block?.kind !== 'table') throw new Error(`not a table: ${JSON.stringify(block)}`);
  return block;
};
const text = (block: MinutesBlock | undefined): string => {
  if (block?.kind !== 'paragraph') throw new Error(`not a paragraph: ${JSON.stringify(block)}`);
  return block.text;
};

describe('merging two Pemdi bundles', () => {
  it('settles a decimal value, butir statuses and a source index, and the Berita Acara lists them', async () => {
    const ani = evaluation(
      pemdi,
      1,
      ANI,
      { 1: 2.75, 3: 3, 5: 2 },
      {
        1: { butir: { 'I1-L2-01': 'diterima', 'I1-L2-02': 'draf', 'I1-L1-01': 'diterima' } },
        5: { external: sdi(25, 2024) },
      },
    );
    const budi = evaluation(
      pemdi,
      2,
      BUDI,
      { 1: 3.25, 3: 3, 5: 3.75 },
      {
        1: { butir: { 'I1-L2-01': 'diunggah', 'I1-L1-01': 'diterima' } },
        5: { external: sdi(68.75, 2025) },
      },
    );
    // Budi changed his answers later than Ani.
    for (const a of budi.snapshot.answers) a.updatedAt += 10_000;
    const sources = [
      await throughBundle('1', ani, pemdi, ANI.name),
      await throughBundle('2', budi, pemdi, BUDI.name),
    ];
    const analysis = analyzeMerge({ pack: pemdi, inputs: sources });
    expect(analysis.conflicts.map((c) => c.indicator)).toEqual([1, 5]);
    expect(analysis.outcomes.find((o) => o.indicator === 3)).toMatchObject({
      kind: 'auto',
      how: 'identical',
    });

    const { snapshot, record } = applyMerge(
      analysis,
      [
        resolve(
          1,
          { kind: 'written', value: 3, justification: 'Disepakati 3,00.', agency: 'Bappeda' },
          'Butir tingkat 3 belum diterima.',
        ),
        resolve(5, { kind: 'side', sourceId: '2' }, 'Hasil Evaluasi SDI 2025 sudah terbit.'),
      ],
      { mergeId: 'merge-pemdi', evaluationId: 'eval-gabungan', now: Date.UTC(2026, 10, 22, 3) },
    );

    // The merged answers: the written value with the latest version's butir statuses (Budi's),
    // and Budi's source index with its conversion.
    const answer = (n: number) => snapshot.answers.find((a) => a.indicator === n)!;
    expect(answer(1)).toMatchObject({
      value: 3,
      justification: 'Disepakati 3,00.',
      butir: { 'I1-L2-01': 'diunggah', 'I1-L1-01': 'diterima' },
    });
    expect(answer(1).external).toBeUndefined();
    expect(answer(5)).toMatchObject({ value: 3.75, external: sdi(68.75, 2025) });
    expect(answer(3).value).toBe(3);
    // The history of the decision reads the sides' values with a decimal comma.
    expect(snapshot.audit.find((e) => e.action === 'resolve' && e.indicator === 1)).toMatchObject({
      oldValue: 'Ani Rahmawati: 2,75; Budi Santoso: 3,25',
      newValue: '3',
    });
    const result = score(pemdi, snapshotValues(snapshot));
    expect(result.indicators.find((i) => i.number === 5)?.awaitingExternal).toBe(false);

    // The record keeps every side's details and what the decision kept; it reads back.
    expect(mergeRecordSchema.parse(record)).toEqual(record);
    const [c1, c5] = record.conflicts;
    expect(c1!.sides.map((s) => [s.assessor, s.value, s.butir])).toEqual([
      [ANI.name, 2.75, { 'I1-L2-01': 'diterima', 'I1-L2-02': 'draf', 'I1-L1-01': 'diterima' }],
      [BUDI.name, 3.25, { 'I1-L2-01': 'diunggah', 'I1-L1-01': 'diterima' }],
    ]);
    expect(c1).toMatchObject({ value: 3, butir: { 'I1-L2-01': 'diunggah' } });
    expect(c5!.sides.map((s) => s.external)).toEqual([sdi(25, 2024), sdi(68.75, 2025)]);
    expect(c5).toMatchObject({ value: 3.75, external: sdi(68.75, 2025) });

    const doc = reconciliationMinutes(record, snapshot, pemdi, { coordinator });
    expect(doc.subtitle).toBe(
      'PENILAIAN MANDIRI EVALUASI KINERJA PEMERINTAH DIGITAL PEMERINTAH KOTA BALIKPAPAN TAHUN 2026',
    );
    expect(doc.opening[0]).toContain(
      'rekonsiliasi hasil penilaian mandiri Evaluasi Kinerja Pemerintah Digital Pemerintah Kota Balikpapan tahun 2026 menurut PermenPANRB 8/2026',
    );
    const blocks = doc.sections[2]!.blocks;
    // Indicator 1: the values, no source index column (none entered), the butir that differ.
    const sides1 = table(blocks[0]);
    expect(sides1.table.columns.map((c) => c.header)).toEqual([
      'Pihak',
      'Berkas',
      'Nilai',
      'Penjelasan',
      'Bukti dukung',
      'Diubah',
    ]);
    expect(sides1.table.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [ANI.name, 'ani.spbe', '2,75 (Berkembang)'],
      [BUDI.name, 'budi.spbe', '3,25 (Berkembang)'],
    ]);
    const butir1 = table(blocks[1]);
    expect(butir1.caption).toBe('Status butir yang berbeda pada indikator 1');
    expect(butir1.table.columns.map((c) => c.header)).toEqual([
      'Butir',
      ANI.name,
      BUDI.name,
      'Ditetapkan',
    ]);
    expect(butir1.table.rows).toEqual([
      [butirText('I1-L2-01'), 'Diterima', 'Diunggah', 'Diunggah'],
      [butirText('I1-L2-02'), 'Draf', 'Belum', 'Belum'],
    ]);
    expect(text(blocks[2])).toBe(
      'Keputusan: Jawaban ditetapkan koordinator, nilai 3,00 (Berkembang), dengan penjelasan: "Disepakati 3,00."',
    );
    expect(text(blocks[3])).toBe('Alasan: Butir tingkat 3 belum diterima.');
    // Indicator 5: each side's source index, and the one kept.
    const sides5 = table(blocks[5]);
    expect(sides5.caption).toMatch(/^2\. Indikator 5: /);
    expect(sides5.table.columns.map((c) => c.header).slice(2, 4)).toEqual([
      'Nilai',
      'Nilai sumber',
    ]);
    expect(sides5.table.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      [ANI.name, '2,00 (Membangun)', 'Indeks SDI 25 (2024)'],
      [BUDI.name, '3,75 (Melembaga)', 'Indeks SDI 68,75 (2025)'],
    ]);
    expect(text(blocks[6])).toBe(
      'Keputusan: Versi Budi Santoso (budi.spbe), nilai 3,75 (Melembaga), nilai sumber Indeks SDI 68,75 (2025).',
    );
    expect(text(blocks[7])).toBe('Alasan: Hasil Evaluasi SDI 2025 sudah terbit.');
    // The index line of the summary is the merged evaluation's score.
    expect(JSON.stringify(doc.sections[1])).toContain(
      `Indeks Pemdi hasil rekonsiliasi: ${result.overall!.display} dengan predikat ${result.overall!.rating}`,
    );
    // Provisional: the reason counts the unanswered indicators and names those awaiting an
    // external value apart, so the numbers add up to the pack's 20.
    expect(result.awaitingExternal.length).toBeGreaterThan(0);
    expect(JSON.stringify(doc.sections[1])).toContain(
      `(sementara: ${result.missing.length} indikator belum dijawab; indikator ${rangeProse(result.awaitingExternal)} menunggu nilai eksternal (dihitung 1,00)).`,
    );

    // A record made before the sides kept these details still reads and prints, without them.
    const older = mergeRecordSchema.parse(
      JSON.parse(JSON.stringify(record), (key, value: unknown) =>
        key === 'butir' || key === 'external' ? undefined : value,
      ),
    );
    const olderBlocks = reconciliationMinutes(older, snapshot, pemdi, { coordinator }).sections[2]!
      .blocks;
    expect(olderBlocks.filter((b) => b.kind === 'table').map((b) => table(b).caption)).toEqual([
      `1. Indikator 1: ${c1!.indicatorName}`,
      `2. Indikator 5: ${c5!.indicatorName}`,
    ]);
    expect(olderBlocks.some((b) => JSON.stringify(b).includes('Nilai sumber'))).toBe(false);
  });

  it('with the coordinator evaluation as common base: one-sided changes merge, both-sided ones are settled', async () => {
    const baseDetails: Record<number, Details> = {
      1: { revision: 'rev-base-1' as RevisionId, butir: { 'I1-L2-01': 'draf' } },
      5: { revision: 'rev-base-5' as RevisionId, external: sdi(25, 2024) },
    };
    const base = evaluation(pemdi, 3, ANI, { 1: 2.5, 5: 2 }, baseDetails);
    const grown = (n: number, revision: string): Details => ({
      revision: revision as RevisionId,
      ancestors: [`rev-base-${n}` as RevisionId],
    });
    // Ani changed indicator 1 only (her 5 is the base's); Budi changed both.
    const ani = evaluation(
      pemdi,
      4,
      ANI,
      { 1: 2.75, 5: 2 },
      {
        1: { ...grown(1, 'rev-ani-1'), butir: { 'I1-L2-01': 'diterima', 'I1-L2-02': 'diunggah' } },
        5: baseDetails[5]!,
      },
    );
    const budi = evaluation(
      pemdi,
      5,
      BUDI,
      { 1: 2.5, 5: 3.75 },
      {
        1: { ...grown(1, 'rev-budi-1'), butir: { 'I1-L2-01': 'perluRevisi' } },
        5: { ...grown(5, 'rev-budi-5'), external: sdi(68.75, 2025) },
      },
    );
    const analysis = analyzeMerge({
      pack: pemdi,
      base: sourceFromBase(base.snapshot),
      inputs: [
        await throughBundle('1', ani, pemdi, ANI.name),
        await throughBundle('2', budi, pemdi, BUDI.name),
      ],
    });
    // Indicator 5 changed on Budi's side only: taken by itself, with his source index.
    expect(analysis.outcomes.find((o) => o.indicator === 5)).toMatchObject({
      kind: 'auto',
      how: 'newer',
      from: ['2'],
      superseded: ['base', '1'],
      answer: { value: 3.75, external: sdi(68.75, 2025) },
    });
    // Indicator 1: the same value on Budi's side as the base but other butir statuses, so both
    // sides changed it: a conflict.
    expect(analysis.conflicts.map((c) => [c.indicator, c.sides.map((s) => s.sourceIds)])).toEqual([
      [1, [['1'], ['2']]],
    ]);

    const kept = { 'I1-L2-01': 'diterima', 'I1-L2-02': 'draf' } as const;
    const { snapshot, record } = applyMerge(analysis, [
      resolve(
        1,
        { kind: 'written', value: 2.6, justification: 'Disepakati.', agency: '', butir: kept },
        'Butir I1-L2-02 baru berupa draf.',
      ),
    ]);
    const answer = (n: number) => snapshot.answers.find((a) => a.indicator === n)!;
    expect(answer(1)).toMatchObject({ value: 2.6, butir: kept });
    expect(answer(1).ancestors).toEqual(
      expect.arrayContaining(['rev-base-1', 'rev-ani-1', 'rev-budi-1']),
    );
    expect(answer(5)).toMatchObject({ value: 3.75, external: sdi(68.75, 2025) });
    expect(record.provenance.map((p) => [p.indicator, p.how])).toEqual([
      [1, 'resolved'],
      [5, 'newer'],
    ]);

    const doc = reconciliationMinutes(record, snapshot, pemdi, { coordinator });
    const blocks = doc.sections[2]!.blocks;
    expect(table(blocks[0]).table.columns.some((c) => c.header === 'Nilai sumber')).toBe(false);
    expect(table(blocks[1]).table.rows).toEqual([
      [butirText('I1-L2-01'), 'Diterima', 'Perlu revisi', 'Diterima'],
      [butirText('I1-L2-02'), 'Diunggah', 'Belum', 'Draf'],
    ]);
    expect(text(blocks[2])).toBe(
      'Keputusan: Jawaban ditetapkan koordinator, nilai 2,60 (Berkembang), dengan penjelasan: "Disepakati."',
    );
    expect(doc.opening[0]).toContain('dan evaluasi koordinator sebagai dasar');
    // The coordinator signs under the role PermenPANRB 8/2026 gives the Sekda.
    expect(doc.signatures[0]).toEqual({ role: 'Koordinator Pemdi', ...coordinator, position: '' });
  });
});

describe('the same merge on 59/2020', () => {
  it('keeps the record and the Berita Acara free of source indices and butir', async () => {
    const ani = evaluation(pack59, 1, ANI, { 1: 2, 5: 3 });
    const budi = evaluation(pack59, 2, BUDI, { 1: 4, 5: 3 });
    const analysis = analyzeMerge({
      pack: pack59,
      inputs: [
        await throughBundle('1', ani, pack59, ANI.name),
        await throughBundle('2', budi, pack59, BUDI.name),
      ],
    });
    const { snapshot, record } = applyMerge(analysis, [
      resolve(1, { kind: 'written', value: 3, justification: 'Tingkat 3.', agency: '' }, 'Sesuai.'),
    ]);
    expect(Object.keys(snapshot.answers.find((a) => a.indicator === 1)!)).not.toContain('butir');
    expect(Object.keys(snapshot.answers.find((a) => a.indicator === 1)!)).not.toContain('external');
    expect(Object.keys(record.conflicts[0]!)).not.toContain('butir');
    expect(Object.keys(record.conflicts[0]!.sides[0]!)).not.toContain('external');
    const doc = reconciliationMinutes(record, snapshot, pack59, { coordinator });
    expect(doc.subtitle).toBe(
      'PENILAIAN MANDIRI EVALUASI SPBE PEMERINTAH KOTA BALIKPAPAN TAHUN 2026',
    );
    expect(doc.opening[0]).toContain(
      'Evaluasi Sistem Pemerintahan Berbasis Elektronik (SPBE) Pemerintah Kota Balikpapan tahun 2026 menurut PermenPANRB 59/2020',
    );
    const blocks = doc.sections[2]!.blocks;
    expect(table(blocks[0]).table.columns.map((c) => c.header)).toEqual([
      'Pihak',
      'Berkas',
      'Tingkat',
      'Penjelasan',
      'Bukti dukung',
      'Diubah',
    ]);
    expect(text(blocks[1])).toBe(
      'Keputusan: Jawaban ditetapkan koordinator, tingkat 3 (Terdefinisi), dengan penjelasan: "Tingkat 3."',
    );
    expect(doc.signatures[0]).toEqual({ role: 'Koordinator SPBE', ...coordinator, position: '' });
  });
});
