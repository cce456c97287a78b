/**
 * The coordinator's written decision is read on the evaluation's scale: "2,75" on PermenPANRB
 * 8/2026, a level on 59/2020; too many decimals or a value off the scale is refused with the
 * reason, never stored.
 */
import { describe, expect, it } from 'vitest';
import { findPack } from '../../../shared/instrument';
import type { Conflict } from '../../../shared/merge';
import { emptyDecision, toResolution } from '../../../renderer/src/features/merge/decision';

const conflict = { indicator: 10, indicatorName: 'Keamanan', sides: [] } as unknown as Conflict;
const by = { memberId: null, name: 'Sri Wahyuni' };
const written = (value: string) => ({
  ...emptyDecision,
  choice: 'written',
  value,
  reason: 'Bukti penerapan di seluruh layanan prioritas.',
});

describe('a written decision on both packs', () => {
  const pemdi = findPack('permenpanrb-8-2026')!;
  const spbe = findPack('permenpanrb-59-2020')!;

  it('reads a Pemdi value with a decimal comma', () => {
    const r = toResolution(conflict, written('2,75'), by, 1, pemdi);
    expect(r.ok && r.resolution.choice).toMatchObject({ kind: 'written', value: 2.75 });
  });

  it('refuses extra decimals and values off the scale with the reason', () => {
    const r = toResolution(conflict, written('2,755'), by, 1, pemdi);
    expect(r.ok ? [] : r.problems).toEqual([
      'Nilai yang ditetapkan tidak sah: Nilai paling banyak 2 angka di belakang koma.',
    ]);
    const off = toResolution(conflict, written('6'), by, 1, spbe);
    expect(off.ok ? [] : off.problems.join(' ')).toMatch(/Tingkat harus antara 1 dan 5/);
  });

  it('reads a 59/2020 level and refuses a fraction', () => {
    const r = toResolution(conflict, written('3'), by, 1, spbe);
    expect(r.ok && r.resolution.choice).toMatchObject({ value: 3 });
    const f = toResolution(conflict, written('3,5'), by, 1, spbe);
    expect(f.ok).toBe(false);
  });
});

describe('a written decision without a value', () => {
  it('is refused on both packs: a settled answer names its value', () => {
    const pemdi = findPack('permenpanrb-8-2026')!;
    const spbe = findPack('permenpanrb-59-2020')!;
    const r = toResolution(conflict, written(' '), by, 1, pemdi);
    expect(r.ok ? [] : r.problems).toEqual(['Nilai yang ditetapkan wajib diisi.']);
    const s = toResolution(conflict, written(''), by, 1, spbe);
    expect(s.ok ? [] : s.problems).toEqual(['Tingkat yang ditetapkan wajib dipilih.']);
  });
});
