/**
 * The five built-in profiles against the regulations they were read from (test/fixtures/seeds):
 * every cited article exists and contains the quoted phrase; titles, numbers, dates and the
 * head-of-region title are exactly the seed's; facts the seed does not give are null; the mapping
 * covers indicators 1–10 with arguments grounded in the instrument's level criteria.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack, findIndicator } from '../../../shared/instrument';
import {
  builtInProfiles,
  checkCitations,
  checkProfileAgainstPack,
  findProfile,
  isBuiltInProfileId,
  parseArticleRef,
  profileCitations,
  type Profile,
} from '../../../shared/profiles';
import { flat, readSeed, seedArticle, seedItem, seedProfileIds, type SeedProfileId } from './seeds';

const pack = defaultPack();
const profile = (id: SeedProfileId): Profile => {
  const p = findProfile(id);
  if (!p) throw new Error(`profil ${id} tidak ada`);
  return p;
};

interface Expected {
  name: string;
  kind: 'kota' | 'kabupaten';
  regionName: string;
  province: string | null;
  headOfRegionTitle: string;
  /** The other spellings that must not appear in the seed at all. */
  otherTitles: string[];
  ictAgencyName: string | null;
  ictAgencyAbbreviation: string | null;
  regulationKind: string;
  number: string | null;
  year: number | null;
  title: string;
  dateSet: string | null;
  datePromulgated: string | null;
  gazette: string | null;
  /** The heading as the seed prints it (flattened), when it has one. */
  heading: string | null;
}

const expected: Record<SeedProfileId, Expected> = {
  'kota-bengkulu': {
    name: 'Pemerintah Kota Bengkulu',
    kind: 'kota',
    regionName: 'Bengkulu',
    province: 'Bengkulu',
    headOfRegionTitle: 'Walikota',
    otherTitles: ['Wali Kota', 'Bupati'],
    ictAgencyName: 'Dinas Komunikasi dan Informatika',
    ictAgencyAbbreviation: null,
    regulationKind: 'Peraturan Walikota',
    number: '15',
    year: 2022,
    title:
      'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Lingkungan Pemerintah Kota Bengkulu',
    dateSet: '2022-07-11',
    datePromulgated: '2022-07-22',
    gazette: 'Berita Daerah Kota Bengkulu Tahun 2022 Nomor 15',
    heading: 'PERATURAN WALIKOTA BENGKULU NOMOR 15 TAHUN 2022',
  },
  'kabupaten-belitung-timur': {
    name: 'Pemerintah Kabupaten Belitung Timur',
    kind: 'kabupaten',
    regionName: 'Belitung Timur',
    province: 'Kepulauan Bangka Belitung',
    headOfRegionTitle: 'Bupati',
    otherTitles: ['Walikota', 'Wali Kota'],
    ictAgencyName: null,
    ictAgencyAbbreviation: null,
    regulationKind: 'Peraturan Bupati',
    number: null,
    year: 2022,
    title: 'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik',
    dateSet: '2022-07-13',
    datePromulgated: '2022-07-13',
    gazette: null,
    heading: 'PERATURAN BUPATI BELITUNG TIMUR NOMOR 4~ TAHUN 2022',
  },
  'kota-balikpapan': {
    name: 'Pemerintah Kota Balikpapan',
    kind: 'kota',
    regionName: 'Balikpapan',
    province: 'Kalimantan Timur',
    headOfRegionTitle: 'Wali Kota',
    otherTitles: ['Walikota', 'Bupati'],
    ictAgencyName: 'Dinas Komunikasi dan Informatika Kota Balikpapan',
    ictAgencyAbbreviation: 'Diskominfo',
    regulationKind: 'Peraturan Wali Kota',
    number: '14',
    year: 2022,
    title: 'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah',
    dateSet: '2022-08-22',
    datePromulgated: null,
    gazette: 'Berita Daerah Kota Balikpapan Tahun 2022 Nomor 14',
    heading: 'PERATURAN WALI KOTA BALIKPAPAN NOMOR 14 TAHUN 2022',
  },
  'kota-bandar-lampung': {
    name: 'Pemerintah Kota Bandar Lampung',
    kind: 'kota',
    regionName: 'Bandar Lampung',
    province: null,
    headOfRegionTitle: 'Wali Kota',
    otherTitles: ['Walikota', 'Bupati'],
    ictAgencyName: 'Dinas Komunikasi dan Informatika Kota Bandar Lampung',
    ictAgencyAbbreviation: 'Diskominfo',
    regulationKind: 'Peraturan Wali Kota',
    number: null,
    year: null,
    title: 'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik',
    dateSet: null,
    datePromulgated: null,
    gazette: null,
    heading: null,
  },
  'kabupaten-mojokerto': {
    name: 'Pemerintah Kabupaten Mojokerto',
    kind: 'kabupaten',
    regionName: 'Mojokerto',
    province: 'Jawa Timur',
    headOfRegionTitle: 'Bupati',
    otherTitles: ['Walikota', 'Wali Kota'],
    ictAgencyName: 'Dinas Komunikasi dan Informatika Kabupaten Mojokerto',
    ictAgencyAbbreviation: null,
    regulationKind: 'Peraturan Bupati',
    number: '15',
    year: 2021,
    title: 'Tata Kelola Sistem Pemerintahan Berbasis Elektronik',
    dateSet: null,
    datePromulgated: null,
    gazette: null,
    heading: 'PERATURAN BUPATI MOJOKERTO NOMOR 15 TAHUN 2021',
  },
};

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
/** "2022-07-11" → "11 Juli 2022", as the seeds print dates. */
const printed = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
};

describe('the built-in profiles', () => {
  it('are the five regions, each loaded and validated once', () => {
    const all = builtInProfiles();
    expect(all.map((p) => p.id).sort()).toEqual([...seedProfileIds].sort());
    expect(builtInProfiles()).toBe(all);
    expect(findProfile('kota-balikpapan')?.instansi.name).toBe('Pemerintah Kota Balikpapan');
    expect(findProfile('kota-tidak-ada')).toBeUndefined();
    expect(isBuiltInProfileId('kabupaten-mojokerto')).toBe(true);
    expect(isBuiltInProfileId('kabupaten-sleman')).toBe(false);
  });
});

describe.each(seedProfileIds)('%s against its regulation', (id) => {
  const p = profile(id);
  const e = expected[id];
  const seed = readSeed(id);
  const seedFlat = flat(seed);

  it('carries the regulation text exactly as the seed', () => {
    expect(p.regulation.text).toBe(seed);
  });

  it('names the instansi, head of region and ICT agency as the regulation does', () => {
    expect(p.instansi).toMatchObject({
      name: e.name,
      kind: e.kind,
      regionName: e.regionName,
      province: e.province,
      headOfRegionTitle: e.headOfRegionTitle,
    });
    expect(seedFlat).toContain(
      `${e.headOfRegionTitle} adalah ${e.headOfRegionTitle} ${e.regionName}.`,
    );
    for (const other of e.otherTitles) expect(seed).not.toContain(other);
    expect(p.instansi.headOfRegionTitleSource?.quote).toContain(e.headOfRegionTitle);
    // The region and the province are read from the text (spaces aside: "BANGKABELITUNG").
    const sources = p.instansi.sources.map((c) => c.quote.toUpperCase().replace(/\s+/g, ''));
    const squeeze = (s: string) => s.toUpperCase().replace(/\s+/g, '');
    expect(sources.some((q) => q.includes(squeeze(e.regionName)))).toBe(true);
    const province = e.province;
    if (province !== null) {
      expect(sources.some((q) => q.includes(`PROVINSI${squeeze(province)}`))).toBe(true);
    }
    expect(p.ictAgency.name).toBe(e.ictAgencyName);
    expect(p.ictAgency.abbreviation).toBe(e.ictAgencyAbbreviation);
    if (e.ictAgencyName) expect(seedFlat).toContain(e.ictAgencyName);
    if (e.ictAgencyAbbreviation) {
      expect(seedFlat).toContain(`yang selanjutnya disebut ${e.ictAgencyAbbreviation}`);
    }
  });

  it('gives the regulation kind, number, year and title exactly as the seed', () => {
    const r = p.regulation;
    expect(r.kind).toBe(e.regulationKind);
    expect(r.number).toBe(e.number);
    expect(r.year).toBe(e.year);
    expect(r.title).toBe(e.title);
    expect(r.gazette).toBe(e.gazette);
    if (e.heading) expect(seedFlat).toContain(e.heading);
    if (e.number !== null && e.year !== null) {
      expect(seedFlat).toContain(
        `${e.regulationKind.toUpperCase()} ${e.regionName.toUpperCase()} NOMOR ${e.number} TAHUN ${e.year}`,
      );
    }
    // The title stands after "TENTANG" in the seed's heading or diktum.
    expect(seedFlat).toContain(`TENTANG ${e.title.toUpperCase()}`);
    // The regulation's own name for itself in the konsiderans or diktum (with or without region).
    const ownName = `${e.regulationKind}( ${e.regionName})? tentang ${e.title}`.toLowerCase();
    expect(seedFlat.toLowerCase().match(new RegExp(ownName))).not.toBeNull();
  });

  it('gives the dates the seed prints and leaves the others empty', () => {
    const r = p.regulation;
    expect(r.dateSet).toBe(e.dateSet);
    expect(r.datePromulgated).toBe(e.datePromulgated);
    if (r.dateSet) expect(seedFlat).toContain(`pada tanggal ${printed(r.dateSet)}`);
    if (r.datePromulgated) {
      expect(seedFlat).toMatch(
        new RegExp(`Diundangkan di \\w+ pada tanggal ${printed(r.datePromulgated)}`),
      );
    }
  });

  it('cites only articles that exist and contain the quoted phrase', () => {
    const citations = profileCitations(p);
    expect(citations.length).toBeGreaterThan(40);
    for (const { where, citation } of citations) {
      const ref = parseArticleRef(citation.ref);
      expect(ref, `${where}: ${citation.ref}`).not.toBeNull();
      const quote = flat(citation.quote);
      expect(seedFlat, `${where}: ${citation.ref}`).toContain(quote);
      if (ref?.kind === 'article') {
        const article = seedArticle(seed, ref.article);
        expect(article, `${where}: ${citation.ref} ada`).not.toBeNull();
        expect(flat(article ?? ''), `${where}: ${citation.ref} memuat "${quote}"`).toContain(quote);
      }
    }
    // And within the paragraph (ayat) each cites, by the app's own splitter.
    expect(checkCitations(p, seed)).toEqual([]);
  });

  it('cites the very item (huruf, angka) that holds the quoted phrase', () => {
    // The app's checker stops at the ayat; a quote of "Pasal 1 angka 6" must be definition 6.
    const items = profileCitations(p).filter(({ citation }) =>
      / (?:huruf [a-z]|angka \d+)$/.test(citation.ref),
    );
    expect(items.length).toBeGreaterThan(0);
    for (const { where, citation } of items) {
      const item = seedItem(seed, citation.ref);
      expect(item, `${where}: ${citation.ref} ada`).not.toBeNull();
      expect(item ?? '', `${where}: ${citation.ref}`).toContain(flat(citation.quote));
    }
  });

  it('states every period of an obligation as one of its cited articles does', () => {
    // "paling sedikit 1 (satu) kali dalam 2 (dua) tahun" in a title, or a rule's window of k
    // years, must be the period the article itself sets, not one read into it. The seeds write
    // "1(satu)" as well as "1 (satu)".
    const tight = (s: string) => flat(s).replace(/ \(/g, '(');
    const period = /\d+\(\w+\) kali dalam (?:\d+\(\w+\) tahun|setahun)/;
    for (const o of p.obligations) {
      const quotes = o.articles.map((c) => tight(c.quote)).join(' | ');
      const stated = period.exec(tight(o.title));
      if (stated) expect(quotes, `${o.id}: ${stated[0]}`).toContain(stated[0]);
      for (const rule of o.rules) {
        const years =
          rule.kind === 'indicators'
            ? rule.evidenceWithinYears
            : rule.kind === 'document'
              ? rule.withinYears
              : null;
        if (years === null) continue;
        expect(quotes, `${o.id}: ${years} tahun`).toMatch(
          new RegExp(`kali dalam ${years}\\(\\w+\\) tahun`),
        );
      }
    }
  });

  it('uses indicators and levels of the 59/2020 instrument', () => {
    expect(p.instrumentId).toBe(pack.id);
    expect(checkProfileAgainstPack(p, pack)).toEqual([]);
  });

  it('maps indicators 1–10 as internal policy, each with articles and a level range', () => {
    for (let n = 1; n <= 10; n += 1) {
      const entry = p.mapping.find((m) => m.indicator === n);
      expect(entry, `indikator ${n}`).toBeDefined();
      expect(entry?.role).toBe('policy');
      expect(entry?.articles.length).toBeGreaterThan(0);
      // The regulation is set, so at least level 2; it cannot prove level 5 (a new policy after review).
      expect(entry?.suggestedLevels?.min).toBe(2);
      expect(entry?.suggestedLevels?.max).toBeLessThanOrEqual(4);
    }
    for (const entry of p.mapping.filter((m) => m.indicator > 10)) {
      expect(entry.role, `indikator ${entry.indicator}`).toBe('mandate');
      expect(entry.suggestedLevels).toBeNull();
      expect(entry.indicator).toBeLessThanOrEqual(31);
    }
  });

  it('argues each suggested range from the indicator criteria', () => {
    // Words of each indicator's level criteria (Lampiran, 59/2020) that an argument must engage.
    const criteriaTerms: Record<number, string[]> = {
      1: ['referensi arsitektur', 'domain arsitektur'],
      2: ['muatan'],
      3: ['rangkaian proses', 'proses'],
      4: ['siklus', 'konsultasi'],
      5: ['seluruh perangkat daerah', 'Pusat Data Nasional'],
      6: ['seluruh perangkat daerah', 'Jaringan Intra'],
      7: ['seluruh perangkat daerah', 'Sistem Penghubung Layanan'],
      8: ['cakupan'],
      9: ['Audit TIK'],
      10: ['tugas'],
    };
    for (const entry of p.mapping.filter((m) => m.role === 'policy')) {
      const indicator = findIndicator(pack, entry.indicator)?.indicator;
      const criteria = (indicator?.levels ?? [])
        .map((l) => (l.criteria ?? '').toLowerCase())
        .join(' ');
      const argument = entry.argument.toLowerCase();
      const terms = criteriaTerms[entry.indicator] ?? [];
      const engaged = terms.filter(
        (t) => criteria.includes(t.toLowerCase()) && argument.includes(t.toLowerCase()),
      );
      expect(engaged, `indikator ${entry.indicator}: ${entry.argument}`).not.toEqual([]);
      const { min, max } = entry.suggestedLevels ?? { min: 0, max: 0 };
      expect(entry.argument).toContain(min === max ? `tingkat ${max}` : `tingkat ${min}–${max}`);
    }
  });

  it('states who evaluates and to whom results go, with the article', () => {
    expect(p.evaluation.performedBy?.articles.length).toBeGreaterThan(0);
    expect(p.evaluation.reportsTo?.value).toContain(e.headOfRegionTitle);
    expect(p.teams.length).toBeGreaterThan(0);
    expect(p.obligations.length).toBeGreaterThan(0);
  });
});

describe('facts the seeds do not give stay empty', () => {
  it('Belitung Timur: the number is unreadable ("4~")', () => {
    const seed = readSeed('kabupaten-belitung-timur');
    expect(seed).toContain('NOMOR 4~ TAHUN 2022');
    expect(profile('kabupaten-belitung-timur').regulation.number).toBeNull();
    expect(profile('kabupaten-belitung-timur').notes.join(' ')).toContain('4~');
  });

  it('Bandar Lampung: no heading, number, year or dates in the text', () => {
    const seed = readSeed('kota-bandar-lampung');
    expect(seed).not.toMatch(/NOMOR\s+\S+\s+TAHUN/);
    expect(seed).not.toContain('Ditetapkan di');
    expect(seed).not.toContain('Diundangkan di');
    const r = profile('kota-bandar-lampung').regulation;
    expect([r.number, r.year, r.dateSet, r.datePromulgated, r.gazette]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('Mojokerto: the dates and the Berita Daerah number are blank in the text', () => {
    const seed = flat(readSeed('kabupaten-mojokerto'));
    expect(seed).toContain('Ditetapkan di Mojokerto pada tanggal BUPATI MOJOKERTO,');
    expect(seed).toContain('Diundangkan di Mojokerto pada tanggal Pj. SEKRETARIS DAERAH');
    expect(seed).toMatch(/TAHUN 2021 NOMOR$/);
    const r = profile('kabupaten-mojokerto').regulation;
    expect([r.dateSet, r.datePromulgated, r.gazette]).toEqual([null, null, null]);
  });

  it('Balikpapan: the second signature block says "Ditetapkan", so the promulgation date stays empty', () => {
    const seed = readSeed('kota-balikpapan');
    expect(seed).not.toContain('Diundangkan');
    expect(profile('kota-balikpapan').regulation.datePromulgated).toBeNull();
    expect(profile('kota-balikpapan').notes.join(' ')).toContain('Diundangkan');
  });
});

describe('OCR slips: quoted as the seed writes them, named correctly, noted', () => {
  it('Mojokerto is "MOJOKETO" once in the opening', () => {
    expect(readSeed('kabupaten-mojokerto')).toContain('BUPATI MOJOKETO,');
    const p = profile('kabupaten-mojokerto');
    expect(p.instansi.name).toBe('Pemerintah Kabupaten Mojokerto');
    expect(p.notes.join(' ')).toContain('MOJOKETO');
  });

  it('Bangka Belitung is run together in the Belitung Timur heading', () => {
    expect(readSeed('kabupaten-belitung-timur')).toContain('PROVINSI KEPULAUAN BANGKABELITUNG');
    const p = profile('kabupaten-belitung-timur');
    expect(p.instansi.province).toBe('Kepulauan Bangka Belitung');
    expect(p.notes.join(' ')).toContain('BANGKABELITUNG');
    // "Seroice Desk" is quoted as written, not corrected in the quote.
    const quotes = profileCitations(p).map((c) => c.citation.quote);
    expect(quotes.some((q) => q.includes('Seroice Desk'))).toBe(true);
  });
});

describe('the evaluation arrangements the regulations set', () => {
  it('Balikpapan: a Tim Asesor Internal each year, reporting to the Wali Kota through the Koordinator SPBE', () => {
    const p = profile('kota-balikpapan');
    expect(p.evaluation.performedBy?.value).toContain('Tim Asesor Internal');
    expect(p.evaluation.performedBy?.articles[0]?.ref).toBe('Pasal 53 ayat (1)');
    expect(p.evaluation.reportsTo?.value).toContain('Koordinator SPBE');
    expect(p.evaluation.frequency?.value).toBe('setiap tahun');
    expect(p.teams.map((t) => t.id)).toContain('tim-asesor-internal');
    expect(p.coordinator?.value).toBe('Sekretaris Daerah');
  });

  it('Mojokerto: the Tim Koordinasi chaired by the Bupati evaluates yearly and reports to the Bupati', () => {
    const p = profile('kabupaten-mojokerto');
    expect(p.evaluation.performedBy?.value).toBe('Tim Koordinasi SPBE Pemerintah Daerah');
    expect(p.evaluation.reportsTo?.value).toBe('Bupati');
    expect(p.teams.find((t) => t.id === 'tim-koordinasi-spbe')?.chair).toBe('Bupati');
    expect(p.coordinator).toBeNull();
  });

  it('Bengkulu and Belitung Timur: the Dinas evaluates, results go through the Sekretaris Daerah, no frequency set', () => {
    for (const id of ['kota-bengkulu', 'kabupaten-belitung-timur'] as const) {
      const p = profile(id);
      expect(p.evaluation.performedBy?.value).toMatch(/^Dinas/);
      expect(p.evaluation.reportsTo?.value).toContain('melalui Sekretaris Daerah');
      expect(p.evaluation.frequency).toBeNull();
    }
  });

  it('Bandar Lampung: reviews that "dapat dilakukan 1 (satu) tahun sekali" are not described as yearly duties', () => {
    const seed = flat(readSeed('kota-bandar-lampung'));
    expect(seed).toContain(
      'Reviu terhadap Arsitektur SPBE dapat dilakukan 1 (satu ) tahun sekali.',
    );
    expect(seed).toContain('dapat dilakukan 1 (satu) tahun sekali.');
    expect(seed).not.toMatch(/setiap tahun|reviu tahunan/i);
    const p = profile('kota-bandar-lampung');
    const covers = [p.mapping, ...(p.otherMappings ?? []).map((m) => m.mapping)]
      .flat()
      .map((m) => m.covers);
    for (const text of covers) expect(text).not.toMatch(/reviu tahunan/);
    expect(
      covers.some((text) => text.includes('reviu yang dapat dilakukan 1 (satu) tahun sekali')),
    ).toBe(true);
  });

  it('audits at least once in two years where the regulation says so, and only there', () => {
    const twoYearly = (id: SeedProfileId) =>
      profile(id).obligations.some((o) =>
        o.rules.some((r) => r.kind === 'indicators' && r.evidenceWithinYears === 2),
      );
    expect(twoYearly('kota-bengkulu')).toBe(true);
    expect(twoYearly('kota-balikpapan')).toBe(true);
    expect(twoYearly('kota-bandar-lampung')).toBe(true);
    // "secara berkala" without an interval; Mojokerto sets none.
    expect(twoYearly('kabupaten-belitung-timur')).toBe(false);
    expect(twoYearly('kabupaten-mojokerto')).toBe(false);
    for (const id of ['kota-bengkulu', 'kota-balikpapan', 'kota-bandar-lampung'] as const) {
      const audit = profile(id).obligations.find((o) => o.id === 'audit-tik-dua-tahun');
      expect(
        audit?.articles.some((c) => c.quote.includes('1 (satu) kali dalam 2 (dua) tahun')),
      ).toBe(true);
    }
  });
});
