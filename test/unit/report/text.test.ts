/** The prose helpers of the report and the logo header reader. */
import { describe, expect, it } from 'vitest';
import { imageInfo } from '../../../shared/report/office';
import {
  citeDocument,
  joinList,
  kindAndCitation,
  rangeProse,
  rangeText,
  roman,
  summarise,
} from '../../../shared/report/text';

describe('report text helpers', () => {
  it('joins lists and ranges the Indonesian way', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b'])).toBe('a dan b');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b, dan c');
    expect(rangeText([5, 1, 2, 3, 7, 8, 3])).toBe('1–3, 5, 7–8');
    expect(rangeText([])).toBe('');
    // In a sentence the last part is joined with "dan": "indikator 5 dan 18", not "5, 18".
    expect(rangeProse([18, 5])).toBe('5 dan 18');
    expect(rangeProse([5, 1, 2, 3, 7, 8, 3])).toBe('1–3, 5, dan 7–8');
    expect(rangeProse([4])).toBe('4');
    expect(rangeProse([])).toBe('');
    expect([1, 4, 8, 9].map(roman)).toEqual(['I', 'IV', 'VIII', 'IX']);
  });

  it("names a document's kind unless its title already begins with it", () => {
    expect(kindAndCitation('Laporan', 'Laporan Keterpaduan Layanan 2025')).toBe(
      'Laporan Keterpaduan Layanan 2025',
    );
    expect(kindAndCitation('Tangkapan layar', 'tangkapan layar Portal SIPD')).toBe(
      'tangkapan layar Portal SIPD',
    );
    expect(
      kindAndCitation(
        'Peraturan Kepala Daerah (Perwal/Perbup/Pergub)',
        'Peraturan Wali Kota 12/2021',
      ),
    ).toBe('Peraturan Wali Kota 12/2021');
    expect(kindAndCitation('Surat Keputusan (SK)', 'Keputusan Wali Kota 100/2024')).toBe(
      'Surat Keputusan (SK): Keputusan Wali Kota 100/2024',
    );
    expect(kindAndCitation('Notulen / berita acara', 'Rapat koordinasi SPBE')).toBe(
      'Notulen / berita acara: Rapat koordinasi SPBE',
    );
  });

  it('summarises by whole sentences and never cuts a word', () => {
    expect(summarise('  Satu   dua. ')).toBe('Satu dua.');
    const long = `${'Kalimat pertama yang cukup panjang. '.repeat(5)}${'kata '.repeat(80)}`;
    const s = summarise(long, 120);
    expect(s.length).toBeLessThanOrEqual(120);
    expect(s.endsWith('.')).toBe(true);
    const words = summarise('panjangsekali '.repeat(40), 100);
    expect(words.endsWith('panjangsekali…')).toBe(true);
  });

  it('cites a document with its number and date, once', () => {
    const doc = {
      title: 'Keputusan Wali Kota',
      number: '188/12',
      documentDate: '2025-03-10',
      fileName: 'a.pdf',
      kind: 'sk' as const,
    };
    expect(citeDocument(doc, 'Diktum Kedua')).toBe(
      'Keputusan Wali Kota, Nomor 188/12, tanggal 10 Maret 2025 (Diktum Kedua)',
    );
    expect(citeDocument({ ...doc, title: 'Perwal Nomor 188/12' })).toBe(
      'Perwal Nomor 188/12, tanggal 10 Maret 2025',
    );
    expect(citeDocument({ ...doc, title: '', number: '', documentDate: null })).toBe(
      'Surat Keputusan (SK) (a.pdf)',
    );
  });
});

describe('imageInfo', () => {
  it('reads PNG and JPEG sizes and refuses anything else', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 300);
    new DataView(png.buffer).setUint32(20, 200);
    expect(imageInfo(png)).toEqual({ type: 'png', width: 300, height: 200 });
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 120 and width 90.
    const jpeg = Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x00,
      0x78,
      0x00,
      0x5a,
      0x03,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(imageInfo(jpeg)).toEqual({ type: 'jpg', width: 90, height: 120 });
    expect(() => imageInfo(new TextEncoder().encode('GIF89a'))).toThrow(
      'Logo harus berupa gambar PNG atau JPEG',
    );
  });
});
