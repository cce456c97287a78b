/**
 * The pack registry: built-in packs plus packs loaded from files. Built-ins always win; a loaded
 * pack with a known id and version but other content is refused; the same content is a no-op.
 * Also the full check of a pack file, which lists every reason at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  allPacks,
  builtInPacks,
  findPack,
  loadPackOrThrow,
  packYearNote,
  proposedPack,
  registerUserPack,
  registerUserPacks,
  type InstrumentPack,
} from '../../../shared/instrument';
import { checkPackFile } from '../../../shared/instrument/user-packs';

const OLD = 'permenpanrb-59-2020';
const PEMDI = 'permenpanrb-8-2026';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test mutations reach into arbitrary JSON

/** A copy of a built-in pack, changed by `mutate`, validated. */
function variant(id: string, mutate: (p: Mutable) => void): InstrumentPack {
  const copy = JSON.parse(JSON.stringify(findPack(id))) as Mutable;
  mutate(copy);
  return loadPackOrThrow(copy, 'uji');
}

afterEach(() => {
  registerUserPacks([]);
});

describe('the pack registry', () => {
  it('knows both built-in packs and nothing else at first', () => {
    expect(allPacks().map((p) => p.id)).toEqual([OLD, PEMDI]);
    expect(builtInPacks()).toHaveLength(2);
  });

  it('adds a loaded pack beside the built-ins; findPack and allPacks see it, builtInPacks not', () => {
    for (const id of [OLD, PEMDI]) {
      const loaded = variant(id, (p) => {
        p.id = `${id}-resmi`;
      });
      expect(registerUserPack(loaded)).toBeNull();
      expect(findPack(`${id}-resmi`, loaded.version)).toBe(loaded);
      expect(findPack(`${id}-resmi`)).toBe(loaded);
    }
    expect(allPacks().map((p) => p.id)).toEqual([OLD, PEMDI, `${OLD}-resmi`, `${PEMDI}-resmi`]);
    expect(builtInPacks().map((p) => p.id)).toEqual([OLD, PEMDI]);
  });

  it('never replaces a built-in pack: same id and version, other content, is refused', () => {
    for (const id of [OLD, PEMDI]) {
      const builtIn = findPack(id)!;
      const changed = variant(id, (p) => {
        p.title = `${p.title} (diubah)`;
      });
      expect(registerUserPack(changed)).toBe(
        `Paket ${id} versi ${builtIn.version} sudah ada dengan isi berbeda; naikkan nomor versinya.`,
      );
      expect(findPack(id, builtIn.version)).toBe(builtIn);
      const { registered, refused } = registerUserPacks([changed]);
      expect(registered).toEqual([]);
      expect(refused.map((r) => r.id)).toEqual([id]);
    }
  });

  it('treats a built-in pack loaded again (keys in another order) as a no-op', () => {
    for (const id of [OLD, PEMDI]) {
      const builtIn = findPack(id)!;
      const reordered = loadPackOrThrow(
        Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(builtIn))).reverse()),
      );
      expect(registerUserPack(reordered)).toBeNull();
      expect(allPacks().filter((p) => p.id === id)).toEqual([builtIn]);
    }
  });

  it('refuses a second loaded pack with the same id and version but other content', () => {
    const first = variant(PEMDI, (p) => {
      p.id = 'pemdi-resmi';
    });
    const second = variant(PEMDI, (p) => {
      p.id = 'pemdi-resmi';
      p.status = 'official';
    });
    expect(registerUserPack(first)).toBeNull();
    expect(registerUserPack(first)).toBeNull();
    expect(registerUserPack(second)).toMatch(
      /Paket pemdi-resmi versi .* sudah ada dengan isi berbeda/,
    );
    expect(findPack('pemdi-resmi')).toBe(first);
    expect(allPacks().filter((p) => p.id === 'pemdi-resmi')).toHaveLength(1);
  });

  it('accepts a new version of a built-in pack beside it; the built-in stays the default of its id', () => {
    const newer = variant(PEMDI, (p) => {
      p.version = '1.1.0';
    });
    expect(registerUserPack(newer)).toBeNull();
    expect(findPack(PEMDI, '1.1.0')).toBe(newer);
    expect(findPack(PEMDI)).toBe(builtInPacks()[1]);
  });

  it('proposes an official loaded pack over the draft built-in of the same regulation year', () => {
    expect(proposedPack(2026).id).toBe(PEMDI);
    const official = variant(PEMDI, (p) => {
      p.id = `${PEMDI}-resmi`;
      p.status = 'official';
    });
    registerUserPack(official);
    expect(proposedPack(2026).id).toBe(`${PEMDI}-resmi`);
    expect(proposedPack(2024).id).toBe(OLD);
  });
});

describe('checking a pack file', () => {
  it('accepts both built-in packs', () => {
    for (const pack of builtInPacks()) expect(checkPackFile(pack)).toEqual({ ok: true, pack });
  });

  it('lists an unknown field and weights not summing together, in Indonesian', () => {
    for (const id of [OLD, PEMDI]) {
      const raw = JSON.parse(JSON.stringify(findPack(id))) as Mutable;
      raw.penerbit = 'tidak dikenal';
      raw.groups[0].weight += 7;
      const result = checkPackFile(raw);
      if (result.ok) throw new Error('accepted');
      expect(result.errors[0]).toBe('(akar): kolom tidak dikenal: penerbit');
      expect(result.errors.some((e) => /bobot|100/i.test(e))).toBe(true);
      expect(result.errors.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('reports schema problems other than unknown fields without a second pass', () => {
    const raw = JSON.parse(JSON.stringify(findPack(PEMDI))) as Mutable;
    raw.version = 'satu';
    const result = checkPackFile(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual(['version: versi berbentuk x.y.z']);
  });
});

describe('an instrument chosen outside its years', () => {
  it('is said with the years it serves and the pack of the year', () => {
    const old = findPack(OLD)!;
    const pemdi = findPack(PEMDI)!;
    expect(packYearNote(old, 2025)).toBeNull();
    expect(packYearNote(pemdi, 2026)).toBeNull();
    expect(packYearNote(pemdi, 2031)).toBeNull();
    expect(packYearNote(old, 2026)).toBe(
      'PermenPANRB 59/2020 dipakai untuk evaluasi sampai tahun 2025; evaluasi tahun 2026 memakai PermenPANRB 8/2026 (Evaluasi Kinerja Pemerintah Digital). Periksa kembali pilihan instrumen.',
    );
    expect(packYearNote(pemdi, 2025)).toBe(
      'PermenPANRB 8/2026 dipakai untuk evaluasi sejak tahun 2026; evaluasi tahun 2025 memakai PermenPANRB 59/2020 (Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik). Periksa kembali pilihan instrumen.',
    );
    // Where only the year can be changed (Profil Instansi), the year is what to check.
    expect(packYearNote(old, 2026, { check: 'year' })).toMatch(
      / Periksa kembali tahun evaluasi\.$/,
    );
  });

  it('names no other pack when none holds the year', () => {
    const later = variant(PEMDI, (p) => {
      p.id = `${PEMDI}-2030`;
      p.years = { from: 2030 };
    });
    // For 2027 the only pack is this one; the default (59/2020) stops at 2025.
    expect(packYearNote(later, 2027, { packs: [later] })).toBe(
      'PermenPANRB 8/2026 dipakai untuk evaluasi sejak tahun 2030. Periksa kembali pilihan instrumen.',
    );
  });
});
