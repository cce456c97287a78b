/**
 * The profile file: built-in and custom profiles round-trip through export and import; broken and
 * hostile files are refused with Indonesian messages and never throw.
 */
import { describe, expect, it } from 'vitest';
import {
  blankProfile,
  builtInProfiles,
  checkProfileFileSize,
  findProfile,
  MAX_PROFILE_FILE_BYTES,
  parseProfileFile,
  profileFileName,
  profileInstansiDefaults,
  relabelProblem,
  serializeProfile,
  type Profile,
} from '../../../shared/profiles';
import { newEvaluationInputSchema } from '../../../shared/assessment';

const envelope = (profile: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'spbe-profile', formatVersion: 1, profile, ...extra });

const errorsOf = (text: string): string[] => {
  const result = parseProfileFile(text);
  if (result.ok) throw new Error('berkas seharusnya ditolak');
  return result.errors;
};

/** A user's own profile for a region outside the five, with its own article mapping. */
function customProfile(): Profile {
  const p = blankProfile({
    id: 'kabupaten-contoh',
    name: 'Pemerintah Kabupaten Contoh',
    kind: 'kabupaten',
    regionName: 'Contoh',
    headOfRegionTitle: 'Bupati',
  });
  return {
    ...p,
    regulation: {
      ...p.regulation,
      kind: 'Peraturan Bupati',
      number: '7',
      year: 2024,
      title: 'Sistem Pemerintahan Berbasis Elektronik',
      text: 'PERATURAN BUPATI CONTOH\nPasal 1\nBupati adalah Bupati Contoh.\nPasal 2\n(1) Arsitektur SPBE ditetapkan dengan Keputusan Bupati.\n(2) Audit TIK dilaksanakan setiap tahun.',
      textNote: 'Diketik ulang oleh Diskominfo Kabupaten Contoh.',
    },
    instansi: {
      ...p.instansi,
      headOfRegionTitleSource: { ref: 'Pasal 1', quote: 'Bupati adalah Bupati Contoh.' },
    },
    mapping: [
      {
        indicator: 1,
        role: 'policy',
        articles: [{ ref: 'Pasal 2 ayat (1)', quote: 'Arsitektur SPBE ditetapkan' }],
        covers: 'Penetapan Arsitektur SPBE.',
        suggestedLevels: { min: 2, max: 2 },
        argument: 'Ditetapkan tetapi tidak memuat domain arsitektur → mendukung tingkat 2.',
      },
    ],
    obligations: [
      {
        id: 'audit-tahunan',
        title: 'Audit TIK setiap tahun',
        description: '',
        articles: [{ ref: 'Pasal 2 ayat (2)', quote: 'Audit TIK dilaksanakan setiap tahun.' }],
        rules: [
          {
            kind: 'indicators',
            indicators: [29, 30, 31],
            match: 'all',
            minLevel: 2,
            requireEvidence: true,
            evidenceKinds: ['laporan'],
            evidenceWithinYears: 1,
          },
        ],
      },
    ],
  };
}

describe('round trip', () => {
  it.each(builtInProfiles().map((p) => [p.id, p] as const))(
    '%s comes back identical, without warnings',
    (_id, profile) => {
      const text = serializeProfile(profile);
      expect(text.length).toBeLessThan(MAX_PROFILE_FILE_BYTES);
      const result = parseProfileFile(text);
      expect(result).toEqual({ ok: true, profile, warnings: [] });
    },
  );

  it('a custom profile with its own mapping comes back identical', () => {
    const profile = customProfile();
    const text = serializeProfile(profile);
    expect(JSON.parse(text)).toMatchObject({ format: 'spbe-profile', formatVersion: 1 });
    expect(parseProfileFile(text)).toEqual({ ok: true, profile, warnings: [] });
    expect(profileFileName(profile)).toBe('profil-kabupaten-contoh.json');
  });

  it('a blank profile is valid and gives the new-evaluation form its instansi', () => {
    const blank = blankProfile({
      id: 'kota-baru',
      name: 'Pemerintah Kota Baru',
      kind: 'kota',
      regionName: 'Baru',
      headOfRegionTitle: 'Wali Kota',
    });
    expect(parseProfileFile(serializeProfile(blank)).ok).toBe(true);
    const instansi = profileInstansiDefaults(findProfile('kota-balikpapan') as Profile);
    expect(instansi).toMatchObject({
      name: 'Pemerintah Kota Balikpapan',
      headOfRegionTitle: 'Wali Kota',
      ictAgencyAbbreviation: 'Diskominfo',
      province: 'Kalimantan Timur',
    });
    const parsed = newEvaluationInputSchema.safeParse({
      year: 2025,
      instrumentId: 'permenpanrb-59-2020',
      instrumentVersion: '1.0.0',
      profileId: 'kota-balikpapan',
      instansi,
    });
    expect(parsed.success).toBe(true);
  });

  it('accepts a byte-order mark', () => {
    expect(parseProfileFile(`\uFEFF${serializeProfile(customProfile())}`).ok).toBe(true);
  });
});

describe('refusals', () => {
  it('checks the size before reading', () => {
    expect(checkProfileFileSize(0)).toBe('Berkas profil kosong.');
    expect(checkProfileFileSize(10_000)).toBeNull();
    expect(checkProfileFileSize(MAX_PROFILE_FILE_BYTES + 1)).toMatch(
      /^Berkas profil terlalu besar \(4,0 MB; paling besar 4,0 MB\)\.$/,
    );
    expect(errorsOf(' '.repeat(MAX_PROFILE_FILE_BYTES + 1))[0]).toMatch(/terlalu besar/);
  });

  it('refuses what is not JSON, or not a profile file', () => {
    expect(errorsOf('')).toEqual(['Berkas profil kosong.']);
    expect(errorsOf('{"format": "spbe-profile", ')).toEqual([
      'Berkas profil rusak: isinya bukan JSON yang sah.',
    ]);
    const notProfile =
      'Berkas ini bukan berkas profil daerah Evaluasi SPBE (format "spbe-profile").';
    expect(errorsOf('[1,2,3]')).toEqual([notProfile]);
    expect(errorsOf('null')).toEqual([notProfile]);
    expect(
      errorsOf(JSON.stringify({ format: 'spbe-bundle', formatVersion: 1, profile: {} })),
    ).toEqual([notProfile]);
  });

  it('refuses other format versions', () => {
    const p = customProfile();
    expect(
      errorsOf(JSON.stringify({ format: 'spbe-profile', formatVersion: 2, profile: p }))[0],
    ).toBe(
      'Berkas profil memakai versi format 2, lebih baru dari yang dikenal aplikasi ini (1). Perbarui aplikasi.',
    );
    expect(
      errorsOf(JSON.stringify({ format: 'spbe-profile', formatVersion: '1', profile: p })),
    ).toEqual(['Versi format berkas profil tidak dikenal.']);
    expect(errorsOf(envelope(p, { script: 'alert(1)' }))).toEqual([
      'Berkas profil memuat bagian yang tidak dikenal: script.',
    ]);
  });

  it('names each schema problem and where it is, in Indonesian', () => {
    const p = customProfile();
    const bad = {
      ...p,
      id: 'Kabupaten Contoh',
      instansi: { ...p.instansi, kind: 'desa', headOfRegionTitle: ' ' },
      mapping: [
        {
          ...p.mapping[0],
          articles: [{ ref: 'Pasal lima', quote: 'x' }],
          suggestedLevels: { min: 3, max: 2 },
        },
      ],
    };
    const errors = errorsOf(envelope(bad));
    expect(errors).toContain(
      'Id profil hanya boleh berisi huruf kecil, angka dan tanda hubung (kota-balikpapan)',
    );
    expect(errors.some((e) => e.startsWith('Jenis pemerintah daerah: nilai tidak diizinkan'))).toBe(
      true,
    );
    expect(errors).toContain('Sebutan kepala daerah wajib diisi');
    expect(
      errors.some((e) =>
        e.startsWith('Pemetaan 1, Pasal untuk indikator, pasal 1: Rujukan harus berbentuk'),
      ),
    ).toBe(true);
    expect(errors).toContain(
      'Pemetaan 1, Saran tingkat: tingkat terendah tidak boleh melebihi tingkat tertinggi',
    );
    for (const e of errors) expect(e).not.toMatch(/Invalid|expected|received/);
  });

  it('words a save refusal that names a path of the profile as the editor does', () => {
    expect(
      relabelProblem('instrumentId: instrumen "permenpanrb-999" tidak dikenal aplikasi ini'),
    ).toBe('Instrumen "permenpanrb-999" tidak dikenal aplikasi ini');
    expect(relabelProblem('otherMappings: instrumen "x" tidak dikenal aplikasi ini')).toBe(
      'Pemetaan instrumen lain: instrumen "x" tidak dikenal aplikasi ini',
    );
    expect(relabelProblem('Kewajiban "Audit": Indikator 9 tidak ada')).toBe(
      'Kewajiban "Audit": Indikator 9 tidak ada',
    );
  });

  it('names a field by the label the editor shows for it, never by its internal path', () => {
    const p = customProfile();
    const bad = { ...p, instansi: { ...p.instansi, name: 'x'.repeat(201), foo: 1 } };
    const errors = errorsOf(envelope(bad));
    expect(errors).toContain('Nama instansi: paling banyak 200 karakter');
    expect(errors).toContain('Profil instansi: kolom tidak dikenal: foo');
    for (const e of errors) {
      expect(e).not.toMatch(/profil\.|instansi\.|^[a-z]/);
    }
  });

  it('refuses unknown keys, including a prototype-polluting "__proto__"', () => {
    const p = customProfile();
    const text = envelope(p).replace('"profile":{', '"profile":{"__proto__":{"polluted":true},');
    const errors = errorsOf(text);
    expect(errors.some((e) => e.includes('Kolom tidak dikenal') && e.includes('__proto__'))).toBe(
      true,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses indicators and levels the instrument does not have', () => {
    const p = customProfile();
    const bad = {
      ...p,
      mapping: [
        { ...p.mapping[0], indicator: 99 },
        { ...p.mapping[0], indicator: 2, suggestedLevels: { min: 2, max: 6 } },
      ],
      obligations: [
        {
          ...p.obligations[0],
          rules: [{ ...p.obligations[0]?.rules[0], minLevel: 7 }],
        },
      ],
    };
    const errors = errorsOf(envelope(bad));
    expect(errors).toContain('Pemetaan indikator 99: Indikator 99 tidak ada pada instrumen');
    expect(errors).toContain(
      'Pemetaan indikator 2: Saran tingkat sampai 6, padahal skala indikator ini hanya sampai 5',
    );
    expect(errors).toContain(
      'Kewajiban "Audit TIK setiap tahun": Tingkat minimal 7 melebihi skala indikator 29 (sampai 5)',
    );
  });

  it('caps a flood of errors and survives deep nesting', () => {
    const p = customProfile();
    const many = {
      ...p,
      notes: Array.from({ length: 40 }, () => 42),
      mapping: Array.from({ length: 40 }, () => ({})),
    };
    const errors = errorsOf(envelope(many));
    expect(errors).toHaveLength(51);
    expect(errors[50]).toMatch(/^… dan \d+ masalah lain\.$/);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseProfileFile(deep).ok).toBe(false);
  });
});

describe('warnings on an accepted file', () => {
  it('a quote not in its own regulation text is accepted with a warning', () => {
    const p = customProfile();
    const wrong = {
      ...p,
      mapping: [
        {
          ...p.mapping[0],
          articles: [{ ref: 'Pasal 2 ayat (2)', quote: 'Arsitektur SPBE ditetapkan' }],
        },
      ],
    };
    const result = parseProfileFile(envelope(wrong));
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([
      'Pemetaan indikator 1: Kutipan "Arsitektur SPBE ditetapkan" tidak terdapat pada Pasal 2 ayat (2)',
    ]);
  });

  it('a profile for an instrument this app does not know is accepted with a warning', () => {
    const p = { ...customProfile(), instrumentId: 'permenpanrb-99-2031' };
    const result = parseProfileFile(envelope(p));
    expect(result.ok && result.warnings[0]).toBe(
      'Instrumen "permenpanrb-99-2031" tidak dikenal aplikasi ini; pemetaan indikator tidak dapat diperiksa.',
    );
  });
});
