/**
 * The regulation as the first evidence document of an evaluation: metadata valid for the evidence
 * form, a labelled text copy, and links to indicators 1–10 (and the mapped others) citing articles.
 */
import { describe, expect, it } from 'vitest';
import { evidenceEditSchema, evidenceLinkSchema } from '../../../shared/assessment';
import {
  articleText,
  articlesNote,
  blankProfile,
  builtInProfiles,
  findProfile,
  regulationCitation,
  regulationEvidencePlan,
  type Profile,
} from '../../../shared/profiles';

const profile = (id: string): Profile => findProfile(id) as Profile;

describe.each(builtInProfiles().map((p) => [p.id, p] as const))('%s', (_id, p) => {
  const plan = regulationEvidencePlan(p);

  it('gives document metadata the evidence form accepts, as a Perkada', () => {
    expect(plan).not.toBeNull();
    expect(evidenceEditSchema.safeParse(plan?.document).success).toBe(true);
    expect(plan?.document.kind).toBe('perkada');
    expect(plan?.document.documentDate).toBe(p.regulation.dateSet);
    expect(plan?.fileName).toMatch(/^per(wal|bup)-[a-z0-9-]+-salinan-teks\.txt$/);
  });

  it('labels the text as a copy and carries the whole regulation', () => {
    expect(plan?.text.startsWith('SALINAN TEKS PERATURAN — BUKAN DOKUMEN RESMI\n')).toBe(true);
    expect(plan?.text).toContain(regulationCitation(p));
    expect(plan?.text).toContain(p.regulation.text.trim());
    expect(plan?.mimeType).toBe('text/plain;charset=utf-8');
  });

  it('links indicators 1–10 with levels and article notes, and the mapped others as legal basis', () => {
    const links = plan?.links ?? [];
    for (let n = 1; n <= 10; n += 1) {
      const link = links.find((l) => l.indicator === n);
      const entry = p.mapping.find((m) => m.indicator === n);
      expect(link, `indikator ${n}`).toBeDefined();
      expect(link?.levels).toEqual(
        Array.from(
          { length: (entry?.suggestedLevels?.max ?? 0) - (entry?.suggestedLevels?.min ?? 0) + 1 },
          (_, i) => (entry?.suggestedLevels?.min ?? 0) + i,
        ),
      );
      expect(link?.note).toMatch(/^Pasal \d+/);
    }
    for (const link of links.filter((l) => l.indicator > 10)) {
      expect(link.levels).toEqual([]);
      expect(link.note).toMatch(/^Dasar kewajiban \(bukan bukti pelaksanaan\): Pasal \d+/);
    }
    expect(links.map((l) => l.indicator)).toEqual(
      p.mapping
        .filter((m) => m.articles.length > 0)
        .map((m) => m.indicator)
        .sort((a, b) => a - b),
    );
    // Each planned link is a valid link row once the app adds ids.
    for (const link of links) {
      const row = {
        ...link,
        id: 'l',
        evaluationId: 'e',
        evidenceId: 'd',
        addedAt: Date.UTC(2026, 0, 1),
        addedBy: null,
      };
      expect(evidenceLinkSchema.safeParse(row).success).toBe(true);
    }
  });

  it('cites in each note every article the mapping quotes', () => {
    for (const link of plan?.links ?? []) {
      const entry = p.mapping.find((m) => m.indicator === link.indicator);
      for (const c of entry?.articles ?? []) {
        const article = c.ref.match(/^Pasal \d+/)?.[0] ?? c.ref;
        expect(link.note).toContain(article);
        expect(articleText(p, c.ref), c.ref).not.toBeNull();
      }
    }
  });
});

describe('metadata of particular regulations', () => {
  it('Balikpapan: number and date as printed', () => {
    const plan = regulationEvidencePlan(profile('kota-balikpapan'));
    expect(plan?.document).toMatchObject({
      title:
        'Peraturan Wali Kota Balikpapan tentang Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah',
      number: '14 Tahun 2022',
      documentDate: '2022-08-22',
    });
    expect(plan?.fileName).toBe('perwal-balikpapan-14-2022-salinan-teks.txt');
    expect(plan?.document.description).toContain('tanggal pengundangan');
  });

  it('Bandar Lampung: what the text lacks stays empty and the description says so', () => {
    const plan = regulationEvidencePlan(profile('kota-bandar-lampung'));
    expect(plan?.document.number).toBe('');
    expect(plan?.document.documentDate).toBeNull();
    expect(plan?.document.description).toContain(
      'Belum diketahui dari salinan teks: nomor, tahun, tanggal penetapan, tanggal pengundangan',
    );
    expect(plan?.fileName).toBe('perwal-bandar-lampung-salinan-teks.txt');
  });

  it('Mojokerto: the head title "Bupati" and the Perbup number', () => {
    const p = profile('kabupaten-mojokerto');
    expect(regulationCitation(p)).toBe(
      'Peraturan Bupati Mojokerto Nomor 15 Tahun 2021 tentang Tata Kelola Sistem Pemerintahan Berbasis Elektronik',
    );
    const links = regulationEvidencePlan(p)?.links ?? [];
    expect(links.find((l) => l.indicator === 10)?.note).toBe(
      'Pasal 40 ayat (2); Pasal 41 ayat (1); Pasal 42',
    );
  });

  it('a profile without a regulation text has no document to attach', () => {
    const blank = blankProfile({
      id: 'kota-baru',
      name: 'Pemerintah Kota Baru',
      kind: 'kota',
      regionName: 'Baru',
      headOfRegionTitle: 'Wali Kota',
    });
    expect(regulationEvidencePlan(blank)).toBeNull();
  });
});

describe('articlesNote', () => {
  const c = (ref: string) => ({ ref, quote: 'x' });

  it('merges paragraphs into runs and orders articles', () => {
    expect(
      articlesNote([
        c('Pasal 7'),
        c('Pasal 5 ayat (3)'),
        c('Pasal 5 ayat (1)'),
        c('Pasal 5 ayat (2) huruf a'),
        c('Pasal 5 ayat (5)'),
      ]),
    ).toBe('Pasal 5 ayat (1)–(3), (5); Pasal 7');
  });

  it('a whole-article citation covers its paragraphs; named parts come first', () => {
    expect(articlesNote([c('Pasal 9 ayat (2)'), c('Pasal 9'), c('Penutup')])).toBe(
      'Penutup; Pasal 9',
    );
    expect(articlesNote([c('Pasal 1 angka 3')])).toBe('Pasal 1');
  });
});
