/**
 * The pack format is general enough for the successor framework (PermenPANRB 8/2026, reported):
 * an index directly over aspects, decimal values 1,00–5,00 with criteria as ranges and as integer
 * levels, its own level names and predikat. Proven with a small test pack, not an official one.
 */
import { describe, expect, it } from 'vitest';
import {
  levelOfValue,
  loadPack,
  findIndicator,
  type InstrumentPack,
} from '../../../shared/instrument';
import { score } from '../../../shared/scoring';
import { readJson } from '../helpers';

const raw = readJson('test/fixtures/packs/successor-shaped-test-pack.json');

function load(): InstrumentPack {
  const result = loadPack(raw);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

describe('a successor-shaped pack', () => {
  it('loads: one tier (aspects), decimal value scale, its own predikat', () => {
    const pack = load();
    expect(pack.tiers.map((t) => t.id)).toEqual(['aspect']);
    expect(pack.valueScale).toEqual({ kind: 'decimal', min: 1, max: 5, decimals: 2 });
    expect(pack.rating.map((r) => r.name)).toContain('Memadai');
  });

  it('maps decimal values to levels through the ranges', () => {
    const pack = load();
    const entry = findIndicator(pack, 1)!;
    expect(levelOfValue(pack, entry.scale, 1)?.name).toBe('Rintisan');
    expect(levelOfValue(pack, entry.scale, 2.59)?.level).toBe(2);
    expect(levelOfValue(pack, entry.scale, 2.6)?.name).toBe('Terstandarisasi');
    expect(levelOfValue(pack, entry.scale, 4.2)?.level).toBe(5);
    expect(levelOfValue(pack, entry.scale, 5)?.name).toBe('Optimum');
  });

  it('scores decimal values exactly, with its own predikat', () => {
    const pack = load();
    // (3,25×20 + 2,10×10 + 4,00×15 + 3,40×30 + 2,75×25) / 100 = 3,1675 → 3,17.
    const result = score(pack, { 1: 3.25, 2: 2.1, 3: 4, 4: 3.4, 5: 2.75 });
    expect(result.overall).toMatchObject({
      display: '3,17',
      rating: 'Memadai',
      provisional: false,
    });
    // The index's children are aspects directly.
    expect(result.groups.map((g) => [g.id, g.tier, g.parentId])).toEqual([
      ['AS1', 'aspect', null],
      ['AS2', 'aspect', null],
      ['AS3', 'aspect', null],
    ]);
    // AS1 = (3,25×20 + 2,10×10) / 30 = 2,8666… → 2,87.
    expect(result.groups[0]?.result?.display).toBe('2,87');
    expect(result.indicators[0]).toMatchObject({
      value: 3.25,
      level: 3,
      levelName: 'Terstandarisasi',
    });
  });

  it('refuses values with too many decimals or off the scale', () => {
    const pack = load();
    expect(() => score(pack, { 1: 3.255 })).toThrow(/lebih dari 2 angka desimal/);
    expect(() => score(pack, { 1: 5.01 })).toThrow(/di luar rentang/);
  });

  it('refuses decimal level ranges that do not join up', () => {
    const broken = structuredClone(raw) as {
      levelScales: Array<{ levels: Array<{ range: { min: number } }> }>;
    };
    broken.levelScales[0]!.levels[2]!.range.min = 2.7;
    const result = loadPack(broken);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join('\n')).toMatch(
      /tingkat 3: rentang dimulai 2,7, seharusnya 2,6/,
    );
  });
});
