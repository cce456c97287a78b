/**
 * Assumed values fill in an assessment, they are not one: with no indicator assessed by the team,
 * neither pack gives an index, a predikat or a group index, and `noIndexText` says why. Once one
 * indicator is answered, the awaited external indices count with their assumed value (SEMENTARA).
 */
import { describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { noIndexText, score, whatIf } from '../../../shared/scoring';

const spbe = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

describe('Pemdi (8/2026), whose indicators 5–7 and 18 await an external index', () => {
  it('with nothing answered, has no index, predikat or group index and counts no assumed value', () => {
    const result = score(pemdi, {});
    expect(result.overall).toBeNull();
    expect(result.groups.every((g) => g.result === null && g.meetsTarget === null)).toBe(true);
    expect(result.awaitingExternal).toEqual([5, 6, 7, 18]);
    expect(result.answered).toBe(0);
    // Still answered + missing + awaiting = total.
    expect(result.answered + result.missing.length + result.awaitingExternal.length).toBe(20);
    expect(result.missing).not.toContain(5);
    const i5 = result.indicators.find((i) => i.number === 5);
    expect(i5).toMatchObject({
      awaitingExternal: true,
      value: null,
      valueDisplay: null,
      gap: null,
    });
    expect(noIndexText(pemdi, result)).toBe(
      'Belum ada indikator yang dinilai; Indeks Pemdi belum dapat dihitung. 4 indikator menunggu ' +
        'nilai eksternal; nilai anggapannya baru dihitung setelah ada indikator yang dinilai.',
    );
    // Nothing to simulate either.
    expect(whatIf(pemdi, {}, {}).after.overall).toBeNull();
  });

  it('with only external indices entered, scores those values (they are the team’s entries)', () => {
    const result = score(pemdi, { 5: 2, 6: 3, 7: 2.5, 18: 4 });
    expect(result.answered).toBe(4);
    expect(result.awaitingExternal).toEqual([]);
    // A3 = (2×5 + 3×3 + 2,5×3)/11 = 2,409…; A6 = 4; over the two aspects of weight 15 each:
    // (2,409… + 4)/2 = 3,2045….
    expect(result.overall?.display).toBe('3,20');
    expect(result.overall?.provisional).toBe(true);
    expect(noIndexText(pemdi, result)).toBeNull();
  });

  it('with one indicator answered, counts the awaited ones with their assumed 1,00 (SEMENTARA)', () => {
    const result = score(pemdi, { 1: 3 });
    expect(result.answered).toBe(1);
    // A1 = 3 (weight 10); A3 = 1 over 5, 6, 7 (weight 15); A6 = 1 over 18 (weight 15):
    // (30 + 15 + 15) / 40 = 1,50.
    expect(result.overall).toMatchObject({ display: '1,50', rating: 'Cukup', provisional: true });
    expect(result.indicators.find((i) => i.number === 5)).toMatchObject({
      awaitingExternal: true,
      value: 1,
    });
    expect(result.groups.find((g) => g.number === 3)?.result?.display).toBe('1,00');
  });
});

describe('59/2020, which has no external indicator', () => {
  it('with nothing answered, has no index and says so without an awaited count', () => {
    const result = score(spbe, {});
    expect(result.overall).toBeNull();
    expect(result.groups.every((g) => g.result === null)).toBe(true);
    expect(result.missing).toHaveLength(47);
    expect(noIndexText(spbe, result)).toBe(
      'Belum ada indikator yang dinilai; Indeks SPBE belum dapat dihitung.',
    );
  });

  it('with one indicator answered, has a provisional index over it', () => {
    const result = score(spbe, { 1: 3 });
    expect(result.overall).toMatchObject({ display: '3,00', provisional: true });
    expect(noIndexText(spbe, result)).toBeNull();
  });
});
