/**
 * Which earlier evaluations feed the comparison with last year and the trend: the same instansi
 * (name and kind), earlier years only, one per year and instrument: a complete one preferred, then
 * an active one, then the one changed last.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../shared/assessment';
import {
  choosePrevious,
  isEarlierEvaluationOf,
  previousFromSnapshot,
  type PreviousCandidate,
} from '../../../shared/report';
import { fixture, pack } from './helpers';

const current = fixture('balikpapan-2026').evaluation;
const last = fixture('balikpapan-2025');

function evaluation(patch: Partial<Evaluation> & { name?: string; kind?: 'kota' | 'kabupaten' }) {
  const { name, kind, ...rest } = patch;
  return {
    ...last.evaluation,
    ...rest,
    instansi: {
      ...last.evaluation.instansi,
      ...(name ? { name } : {}),
      ...(kind ? { kind } : {}),
    },
  };
}

const complete = previousFromSnapshot(pack, last);
// previousFromSnapshot names the instrument of every earlier year, scored or not.
const partial = { year: 2025, instrument: complete.instrument, overall: null };

describe('isEarlierEvaluationOf', () => {
  it('takes the same instansi in an earlier year, whatever the spacing and case of its name', () => {
    expect(isEarlierEvaluationOf(current, last.evaluation)).toBe(true);
    expect(
      isEarlierEvaluationOf(current, evaluation({ name: '  pemerintah  kota BALIKPAPAN ' })),
    ).toBe(true);
  });

  it('refuses another instansi, another kind, the same or a later year, and itself', () => {
    expect(isEarlierEvaluationOf(current, evaluation({ name: 'Pemerintah Kota Bontang' }))).toBe(
      false,
    );
    expect(isEarlierEvaluationOf(current, evaluation({ kind: 'kabupaten' }))).toBe(false);
    expect(isEarlierEvaluationOf(current, evaluation({ year: 2026 }))).toBe(false);
    expect(isEarlierEvaluationOf(current, evaluation({ year: 2027 }))).toBe(false);
    expect(isEarlierEvaluationOf(current, current)).toBe(false);
  });
});

describe('choosePrevious', () => {
  it('gives one result per year, oldest first, only for the same instansi', () => {
    const candidates: PreviousCandidate[] = [
      { evaluation: evaluation({}), previous: complete },
      {
        evaluation: evaluation({ id: 'e-2024' as never, year: 2024 }),
        previous: { ...complete, year: 2024 },
      },
      {
        evaluation: evaluation({ id: 'other' as never, name: 'Pemerintah Kota Bontang' }),
        previous: complete,
      },
    ];
    expect(choosePrevious(current, candidates).map((p) => p.year)).toEqual([2024, 2025]);
  });

  it('prefers a complete evaluation of a year, then the one changed last', () => {
    const older = evaluation({ id: 'copy-a' as never, updatedAt: 1 });
    const newer = evaluation({ id: 'copy-b' as never, updatedAt: 2 });
    expect(
      choosePrevious(current, [
        { evaluation: newer, previous: partial },
        { evaluation: older, previous: complete },
      ]),
    ).toEqual([complete]);
    const newerComplete = { ...complete, overall: { ...complete.overall!, display: 'baru' } };
    expect(
      choosePrevious(current, [
        { evaluation: older, previous: complete },
        { evaluation: newer, previous: newerComplete },
      ]),
    ).toEqual([newerComplete]);
  });

  it('prefers a final index to the provisional one of a copy changed after it', () => {
    const official = evaluation({ id: 'official' as never, updatedAt: 1 });
    const copy = evaluation({ id: 'copy' as never, updatedAt: 2 });
    const provisional = {
      ...complete,
      overall: { ...complete.overall!, display: '1,20', provisional: true },
    };
    expect(
      choosePrevious(current, [
        { evaluation: official, previous: complete },
        { evaluation: copy, previous: provisional },
      ]),
    ).toEqual([complete]);
  });

  it('prefers an active evaluation of a year to one archived after it', () => {
    const active = evaluation({ id: 'active' as never, updatedAt: 1 });
    // Archiving stamps the evaluation as changed: the draft put aside is the last one changed.
    const archived = evaluation({ id: 'draft' as never, updatedAt: 2, status: 'archived' });
    const draft = { ...complete, overall: { ...complete.overall!, display: 'draf' } };
    expect(
      choosePrevious(current, [
        { evaluation: active, previous: complete },
        { evaluation: archived, previous: draft },
      ]),
    ).toEqual([complete]);
    // Alone in its year, an archived evaluation still gives the year its result.
    expect(choosePrevious(current, [{ evaluation: archived, previous: draft }])).toEqual([draft]);
  });

  it('keeps a year evaluated with both instruments in each (59/2020 and a Pemdi trial)', () => {
    const official = evaluation({ id: 'spbe-2025' as never, updatedAt: 1 });
    const trial = evaluation({ id: 'pemdi-2025' as never, updatedAt: 2 });
    const spbe = {
      ...complete,
      instrument: { ...complete.instrument!, id: 'permenpanrb-59-2020' },
    };
    const pemdi = {
      year: 2025,
      instrument: {
        id: 'permenpanrb-8-2026',
        shortTitle: 'PermenPANRB 8/2026',
        indexLabel: 'Indeks Pemdi',
      },
      overall: { value: 2.5, display: '2,50', rating: 'Baik' },
    };
    expect(
      choosePrevious(current, [
        { evaluation: official, previous: spbe },
        { evaluation: trial, previous: pemdi },
      ]),
    ).toEqual([spbe, pemdi]);
  });
});
