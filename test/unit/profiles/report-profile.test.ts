/**
 * What a regional profile gives the report: its regulation (only when the profile states its kind
 * and title) and the article on reporting, quoted as checked; the legal basis chapter then cites
 * the region's own regulation.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../shared/instrument';
import { blankProfile, findProfile, type Profile } from '../../../shared/profiles';
import {
  buildReport,
  plainText,
  reportProfileFromRegional,
  type Block,
} from '../../../shared/report';
import { fixture } from '../report/helpers';

const profile = (id: string): Profile => {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};

const snapshot = fixture('balikpapan-2026');
/** The regulation and article parts of the adapter (compliance has its own tests). */
const reportProfileOf = (p: Profile) => {
  const { regulation, evaluationArticle } = reportProfileFromRegional(p, snapshot, defaultPack());
  return { regulation, evaluationArticle };
};

describe('reportProfileFromRegional: regulation and reporting article', () => {
  it('passes the regulation and the reporting article of a built-in profile', () => {
    expect(reportProfileOf(profile('kota-balikpapan'))).toEqual({
      regulation: {
        kind: 'Peraturan Wali Kota',
        regionName: 'Balikpapan',
        number: '14',
        year: 2022,
        title: 'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah',
      },
      evaluationArticle: {
        article: 'Pasal 53 ayat (5)',
        text: 'Tim Asesor Internal melaporkan hasil pemantauan dan evaluasi sebagaimana dimaksud pada ayat (1) kepada Wali Kota melalui Koordinator SPBE.',
      },
    });
  });

  it('keeps a number or year the text does not give as unknown, never invented', () => {
    const lampung = reportProfileOf(profile('kota-bandar-lampung'));
    expect(lampung.regulation).toMatchObject({ number: null, year: null });
    expect(lampung.evaluationArticle?.article).toBe('Pasal 46 ayat (4)');
  });

  it('leaves out a regulation without kind or title, and an arrangement without articles', () => {
    const blank = blankProfile({
      id: 'kota-contoh',
      name: 'Pemerintah Kota Contoh',
      kind: 'kota',
      regionName: 'Contoh',
      headOfRegionTitle: 'Wali Kota',
    });
    expect(reportProfileOf(blank)).toEqual({ regulation: null, evaluationArticle: null });
  });

  it('makes the legal basis cite the regional regulation and quote its article', () => {
    const model = buildReport({
      snapshot,
      pack: defaultPack(),
      profile: reportProfileFromRegional(profile('kota-balikpapan'), snapshot, defaultPack()),
      options: { sections: ['legal'] },
      now: new Date(2026, 10, 22),
    });
    const text = (model.sections[0]?.blocks ?? [])
      .map((b: Block) =>
        b.kind === 'paragraph'
          ? plainText(b.content)
          : b.kind === 'list'
            ? b.items.map(plainText).join('\n')
            : '',
      )
      .join('\n');
    expect(text).toContain(
      'Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022 tentang Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah.',
    );
    expect(text).toContain('Pasal 53 ayat (5) Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022');
  });
});

describe('reportProfileFromRegional: the place a document of the region is dated at', () => {
  /** A 59/2020 evaluation of the region the profile is of. */
  const evaluationOf = (p: Profile) => {
    const s = fixture('mojokerto-2026-partial');
    s.evaluation.instansi = {
      ...s.evaluation.instansi,
      name: p.instansi.name,
      kind: p.instansi.kind,
      regionName: p.instansi.regionName,
      headOfRegionTitle: p.instansi.headOfRegionTitle,
    };
    return s;
  };
  /** The cover's date line and each signature's place and date. */
  const places = (p: Profile, s = evaluationOf(p)) => {
    const model = buildReport({
      snapshot: s,
      pack: defaultPack(),
      profile: reportProfileFromRegional(p, s, defaultPack()),
      now: new Date(2026, 11, 7),
    });
    const blocks = model.sections.flatMap((x) => x.blocks);
    const cover = blocks.flatMap((b) => (b.kind === 'cover' ? [b.cover.dateLine] : []));
    const signed = blocks.flatMap((b) =>
      b.kind === 'signatures'
        ? b.signers.map((x) => x.intro).filter((i) => i !== 'Mengetahui,')
        : [],
    );
    return [...cover, ...new Set(signed)];
  };

  it("is the seat of a kabupaten as its regulation closes: 'Ditetapkan di Manggar' for Belitung Timur", () => {
    expect(places(profile('kabupaten-belitung-timur'))).toEqual([
      'Manggar, Desember 2026',
      'Manggar, 7 Desember 2026',
    ]);
  });

  it("stays the city's name where the regulation says so (Balikpapan), and the region's name without the line", () => {
    expect(places(profile('kota-balikpapan'))).toEqual([
      'Balikpapan, Desember 2026',
      'Balikpapan, 7 Desember 2026',
    ]);
    const lampung = profile('kota-bandar-lampung');
    expect(lampung.regulation.sources.some((c) => c.quote.includes('Ditetapkan di'))).toBe(false);
    expect(places(lampung)).toEqual([
      'Bandar Lampung, Desember 2026',
      'Bandar Lampung, 7 Desember 2026',
    ]);
  });

  it("is not taken from a profile of another region than the evaluation's", () => {
    const beltim = profile('kabupaten-belitung-timur');
    const other = evaluationOf(profile('kabupaten-mojokerto'));
    expect(places(beltim, other)).toEqual([
      'Mojokerto, Desember 2026',
      'Mojokerto, 7 Desember 2026',
    ]);
  });
});
