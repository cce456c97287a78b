/**
 * Every kind of broken pack is refused by the pure loader with its reason, for packs made by
 * mutating both shipped instruments; the shipped packs themselves load.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../shared/instrument';
import {
  MAX_PACK_FILE_BYTES,
  packFileText,
  parsePackFile,
} from '../../../shared/instrument/pack-file';
import { brokenCases, shippedPackJson } from '../../fixtures/packs/broken/corpus';

describe('the shipped packs', () => {
  it.each(['permenpanrb-8-2026', 'permenpanrb-59-2020'] as const)('%s loads', (id) => {
    const result = loadPack(shippedPackJson(id));
    expect(result.ok ? [] : result.errors).toEqual([]);
    const again = parsePackFile(new TextEncoder().encode(packFileText(shippedPackJson(id))));
    expect(again.ok).toBe(true);
  });
});

describe('refusing broken packs with every reason', () => {
  it.each(brokenCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const p = shippedPackJson(c.pack);
    c.mutate(p);
    const result = loadPack(p);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(
      errors.some((e) => c.message.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('names several problems of one pack at once', () => {
    const p = shippedPackJson('permenpanrb-8-2026');
    p.targets.index = 7;
    p.crosswalk[0].to = [30];
    p.rating[1].max = 2.4;
    p.rating[1].text = '1,50 – < 2,40';
    const result = loadPack(p);
    expect(result.ok ? [] : result.errors).toHaveLength(3);
  });

  it('accepts criteria: null (explicitly not available)', () => {
    const p = shippedPackJson('permenpanrb-8-2026');
    p.groups[0].indicators[0].levels[2].criteria = null;
    expect(loadPack(p).ok).toBe(true);
  });

  it('refuses invalid JSON and a file over the size bound before parsing', () => {
    const bad = parsePackFile(new TextEncoder().encode('{"id": '));
    expect(bad.ok ? [] : bad.errors).toEqual([
      expect.stringMatching(/^Berkas paket bukan JSON yang sah \(/),
    ]);
    const big = parsePackFile(new Uint8Array(MAX_PACK_FILE_BYTES + 1));
    expect(big.ok ? [] : big.errors).toEqual([
      expect.stringMatching(/^Berkas paket terlalu besar \(20,0 MB; paling besar 20,0 MB\)$/),
    ]);
  });
});
