/**
 * The article splitter on the five text copies (their markdown marks, wrapped columns, margin
 * initials and inline headings) and on small hand-made texts for the edge cases.
 */
import { describe, expect, it } from 'vitest';
import {
  checkQuote,
  normalizeQuoteText,
  parseArticleRef,
  sectionOf,
  splitArticles,
} from '../../../shared/profiles';
import { readSeed, type SeedProfileId } from './seeds';

const articleCounts: Record<SeedProfileId, number> = {
  'kota-bengkulu': 50,
  'kabupaten-belitung-timur': 37,
  'kota-balikpapan': 56,
  'kota-bandar-lampung': 46,
  'kabupaten-mojokerto': 51,
};

describe('splitArticles on the seeds', () => {
  it.each(Object.entries(articleCounts) as [SeedProfileId, number][])(
    '%s: Pasal 1 to %i in order, without gaps',
    (id, count) => {
      const { articles, opening } = splitArticles(readSeed(id));
      expect(articles.map((a) => a.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(opening).not.toContain('Dalam Peraturan');
    },
  );

  it('finds the paragraphs of an article, also when indented as a markdown list', () => {
    const balikpapan = splitArticles(readSeed('kota-balikpapan'));
    const pasal19 = balikpapan.articles.find((a) => a.number === 19);
    expect(pasal19?.paragraphs.map((p) => p.number)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
    const pasal15 = balikpapan.articles.find((a) => a.number === 15);
    expect(pasal15?.paragraphs).toHaveLength(8);
    expect(normalizeQuoteText(pasal15?.paragraphs[5]?.text ?? '')).toContain('Badan Perencanaan');
  });

  it('does not take a wrapped cross-reference "(2)" for a new paragraph (Bandar Lampung columns)', () => {
    const pasal33 = splitArticles(readSeed('kota-bandar-lampung')).articles.find(
      (a) => a.number === 33,
    );
    // Ayat (3) ends "... pada ayat\n(2) dilaksanakan berdasarkan pedoman manajemen Data SPBE."
    expect(pasal33?.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(normalizeQuoteText(pasal33?.paragraphs[2]?.text ?? '')).toBe(
      '(3) Manajemen Data sebagaimana dimaksud pada ayat (2) dilaksanakan berdasarkan pedoman manajemen Data SPBE.',
    );
  });

  it('reads headings in bold after a chapter title on the same line (Mojokerto)', () => {
    const { articles } = splitArticles(readSeed('kabupaten-mojokerto'));
    expect(normalizeQuoteText(articles[49]?.text ?? '')).toMatch(/^Aplikasi umum yang telah/);
    expect(normalizeQuoteText(articles[50]?.text ?? '')).toMatch(/^Peraturan Bupati ini mulai/);
  });

  it('cuts the next chapter and part headings off the end of an article', () => {
    const { articles } = splitArticles(readSeed('kota-bengkulu'));
    const pasal5 = normalizeQuoteText(articles[4]?.text ?? '');
    expect(pasal5).toMatch(/layanan SPBE\.$/);
    expect(pasal5).not.toContain('Bagian Kedua');
    const belitung = splitArticles(readSeed('kabupaten-belitung-timur')).articles;
    expect(belitung[6]?.text).not.toContain('BABIV');
  });
});

describe('splitArticles on edge cases', () => {
  it('ignores a "Pasal" line out of sequence and an inline reference', () => {
    const text = [
      'PERATURAN CONTOH',
      'Pasal 1',
      'Isi pertama sebagaimana dimaksud dalam',
      'Pasal 3',
      'yang belum ada.',
      'Pasal 2',
      '(1) Ayat satu.',
      '(2) Ayat dua merujuk ayat',
      '(1) tadi.',
      '(3) Ayat tiga.',
    ].join('\n');
    const { articles } = splitArticles(text);
    expect(articles.map((a) => a.number)).toEqual([1, 2]);
    expect(articles[0]?.text).toContain('Pasal 3');
    expect(articles[1]?.paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(articles[1]?.paragraphs[1]?.text).toContain('(1) tadi.');
  });

  it('accepts Windows line ends and returns no article for a text without one', () => {
    expect(splitArticles('Pasal 1\r\nIsi.\r\nPasal 2\r\nLagi.').articles).toHaveLength(2);
    expect(splitArticles('Tanpa pasal sama sekali.').articles).toEqual([]);
  });
});

describe('parseArticleRef', () => {
  it('reads articles, paragraphs, letters, items and named parts', () => {
    expect(parseArticleRef('Pasal 5')).toEqual({
      kind: 'article',
      article: 5,
      paragraph: null,
      letter: null,
      item: null,
    });
    expect(parseArticleRef('Pasal 5 ayat (2) huruf a')).toMatchObject({
      article: 5,
      paragraph: 2,
      letter: 'a',
    });
    expect(parseArticleRef('Pasal 1 angka 6')).toMatchObject({ article: 1, item: 6 });
    expect(parseArticleRef('Penutup')).toEqual({ kind: 'part', part: 'Penutup' });
  });

  it('refuses anything else', () => {
    for (const bad of [
      'pasal 5',
      'Pasal 0',
      'Pasal 5 ayat 2',
      'Pasal 5A',
      'Bab II',
      '',
      'Pasal 5 ayat (2) huruf A',
    ]) {
      expect(parseArticleRef(bad), bad).toBeNull();
    }
  });
});

describe('checkQuote', () => {
  const sections = splitArticles(readSeed('kota-balikpapan'));

  it('finds a phrase in its paragraph across line breaks and markdown marks', () => {
    expect(
      checkQuote(sections, 'Pasal 31 ayat (1)', 'sumber daya terkait data dan informasi'),
    ).toEqual({
      ok: true,
    });
    expect(checkQuote(sections, 'Pasal 31 ayat (6)', 'kenirsangkalan (nonrepudiation)')).toEqual({
      ok: true,
    });
  });

  it('says why a quote is refused, in Indonesian', () => {
    expect(checkQuote(sections, 'Pasal 99', 'apa saja')).toEqual({
      ok: false,
      error: 'Pasal 99 tidak ditemukan dalam teks',
    });
    expect(checkQuote(sections, 'Pasal 5 ayat (9)', 'Unsur')).toEqual({
      ok: false,
      error: 'Pasal 5 tidak memuat ayat (9)',
    });
    const wrongParagraph = checkQuote(
      sections,
      'Pasal 53 ayat (2)',
      'Wali Kota menetapkan Tim Asesor Internal',
    );
    expect(wrongParagraph.ok).toBe(false);
    expect(checkQuote(sections, 'Pasal 53', 'Wali Kota menetapkan Tim Asesor Internal').ok).toBe(
      true,
    );
    expect(checkQuote(sections, 'Pasal lima', 'x')).toEqual({
      ok: false,
      error: 'Rujukan "Pasal lima" tidak dikenali',
    });
  });

  it('is case sensitive: a quote is verbatim', () => {
    expect(checkQuote(sections, 'Pasal 1', 'wali kota adalah wali kota balikpapan.').ok).toBe(
      false,
    );
  });

  it('finds the opening and the closing', () => {
    expect(sectionOf(sections, { kind: 'part', part: 'Pembukaan' })).toMatchObject({ ok: true });
    expect(
      checkQuote(sections, 'Penutup', 'BERITA DAERAH KOTA BALIKPAPAN TAHUN 2022 NOMOR 14'),
    ).toEqual({
      ok: true,
    });
    expect(checkQuote(sections, 'Pembukaan', 'BERITA DAERAH KOTA BALIKPAPAN').ok).toBe(false);
  });
});
