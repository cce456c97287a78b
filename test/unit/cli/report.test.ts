/**
 * `spbe-eval report`: fixture snapshots in, DOCX and XLSX bytes out (read back), and one
 * Indonesian line with exit code 2 for every kind of bad input, with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/run';
import { repoRoot } from '../helpers';
import { readDocx } from '../report/helpers';
import { memoryIo } from './memory-io';

const fixtures = `${repoRoot}/test/fixtures/evaluations`;
const bpp = `${fixtures}/balikpapan-2026.json`;
const bpp2025 = `${fixtures}/balikpapan-2025.json`;
const mjk = `${fixtures}/mojokerto-2026-partial.json`;

const testIo = memoryIo;

const profile = JSON.stringify({
  regulation: {
    kind: 'Peraturan Wali Kota',
    number: '14',
    year: 2022,
    title: 'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah',
  },
});

describe('spbe-eval report', () => {
  it('writes a DOCX from a snapshot, with last year and the regional regulation', async () => {
    const t = testIo({ 'profil.json': profile });
    const code = await run(
      [
        'report',
        bpp,
        '--format',
        'docx',
        '-o',
        'laporan.docx',
        '--previous',
        bpp2025,
        '--profile',
        'profil.json',
        '--date',
        '2026-11-22',
      ],
      t.io,
      '0.0.0',
    );
    expect(t.err).toEqual([]);
    expect(code).toBe(0);
    expect(t.out.join('\n')).toContain(
      'Laporan DOCX ditulis ke laporan.docx: Indeks SPBE 2,77 (predikat Baik)',
    );
    const bytes = t.written.get('laporan.docx');
    if (!bytes) throw new Error('nothing written');
    const { text, files } = readDocx(bytes);
    expect(text).toContain(
      'Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022 tentang Penyelenggaraan',
    );
    expect(text).toContain('Dibandingkan dengan Tahun 2025');
    expect(text).toContain('Balikpapan, 22 November 2026');
    // The CLI rasterizes charts with resvg: SVG and PNG fallback for each.
    expect(Object.keys(files).filter((f) => f.endsWith('.svg'))).toHaveLength(4);
  });

  it('writes an XLSX of a partial evaluation and says it is provisional', async () => {
    const t = testIo();
    expect(await run(['report', mjk, '--format', 'xlsx', '-o', 'rtl.xlsx'], t.io, '0.0.0')).toBe(0);
    expect(t.out.join('\n')).toMatch(
      /Laporan XLSX ditulis ke rtl\.xlsx: Indeks SPBE 2,32 \(predikat Cukup\) — SEMENTARA/,
    );
    const bytes = t.written.get('rtl.xlsx');
    expect(bytes && bytes[0] === 0x50 && bytes[1] === 0x4b).toBe(true);
  });

  it('accepts the levels form when the instansi is named by flags', async () => {
    const levels = JSON.stringify({
      instrument: 'permenpanrb-59-2020',
      levels: { '1': 3, '2': 2 },
    });
    const t = testIo({ 'tingkat.json': levels });
    const code = await run(
      [
        'report',
        'tingkat.json',
        '--format',
        'docx',
        '-o',
        'a.docx',
        '--kind',
        'kota',
        '--region',
        'Bengkulu',
        '--head-title',
        'Walikota',
        '--year',
        '2026',
      ],
      t.io,
      '0.0.0',
    );
    expect(code).toBe(0);
    const { text } = readDocx(t.written.get('a.docx') ?? new Uint8Array());
    expect(text).toContain('Disampaikan kepada Walikota Bengkulu melalui Sekretaris Daerah');
    // A missing justification is not a sentence repeated per indicator.
    expect(text).not.toContain('Tim tidak menuliskan penjelasan');
    expect(text).toContain('baru 2 dari 47 indikator yang dinilai');
  });

  const bad: [string, string[], Record<string, string>, RegExp][] = [
    ['no format', ['report', bpp, '-o', 'x.docx'], {}, /Format laporan harus docx atau xlsx/],
    [
      'pdf',
      ['report', bpp, '--format', 'pdf', '-o', 'x.pdf'],
      {},
      /Format laporan harus docx atau xlsx/,
    ],
    ['no output', ['report', bpp, '--format', 'docx'], {}, /-o <berkas>/],
    [
      'wrong extension',
      ['report', bpp, '--format', 'docx', '-o', 'x.xlsx'],
      {},
      /harus berakhiran \.docx/,
    ],
    [
      'missing file',
      ['report', 'tidak-ada.json', '--format', 'docx', '-o', 'x.docx'],
      {},
      /tidak dapat dibaca/,
    ],
    [
      'broken JSON',
      ['report', 'rusak.json', '--format', 'docx', '-o', 'x.docx'],
      { 'rusak.json': '{"evaluation": ' },
      /bukan JSON yang sah/,
    ],
    [
      'a .spbe that is no bundle',
      ['report', 'a.spbe', '--format', 'docx', '-o', 'x.docx'],
      { 'a.spbe': 'bukan arsip' },
      /Berkas "a\.spbe" tidak sah: .*bukan arsip zip/,
    ],
    [
      'invalid snapshot',
      ['report', 'salah.json', '--format', 'docx', '-o', 'x.docx'],
      { 'salah.json': JSON.stringify({ evaluation: { id: 'x' }, answers: [] }) },
      // zod's own check, worded in Indonesian like every other refusal.
      /tidak sesuai format pada "evaluation\.[a-zA-Z.]+": wajib ada$/,
    ],
    [
      'levels without instansi',
      ['report', 'l.json', '--format', 'docx', '-o', 'x.docx'],
      { 'l.json': JSON.stringify({ instrument: 'permenpanrb-59-2020', levels: { '1': 3 } }) },
      /hanya berisi tingkat indikator; sebutkan instansinya dengan --kind, --region, --head-title, --year/,
    ],
    [
      // Indeks Pemdi values are "nilai", not "tingkat" (PermenPANRB 8/2026).
      'values without instansi',
      ['report', 'v.json', '--format', 'docx', '-o', 'x.docx', '--kind', 'kota'],
      { 'v.json': JSON.stringify({ instrument: 'permenpanrb-8-2026', values: { '1': 2.5 } }) },
      /hanya berisi nilai indikator; sebutkan instansinya dengan --region, --head-title, --year/,
    ],
    [
      'level off the scale',
      [
        'report',
        'l.json',
        '--format',
        'docx',
        '-o',
        'x.docx',
        '--kind',
        'kota',
        '--region',
        'A',
        '--head-title',
        'Wali Kota',
        '--year',
        '2026',
      ],
      { 'l.json': JSON.stringify({ instrument: 'permenpanrb-59-2020', levels: { '1': 9 } }) },
      /di luar rentang 1–5/,
    ],
    [
      'later previous',
      ['report', bpp2025, '--format', 'docx', '-o', 'x.docx', '--previous', bpp],
      {},
      /harus lebih awal dari Tahun 2025/,
    ],
    [
      'unknown section',
      ['report', bpp, '--format', 'docx', '-o', 'x.docx', '--sections', 'summary,grafik'],
      {},
      /Bagian laporan tidak dikenal: grafik/,
    ],
    [
      'bad date',
      ['report', bpp, '--format', 'docx', '-o', 'x.docx', '--date', '2026-02-30'],
      {},
      /Tanggal laporan "2026-02-30" tidak sah/,
    ],
    [
      'bad logo',
      ['report', bpp, '--format', 'docx', '-o', 'x.docx', '--logo', 'logo.gif'],
      { 'logo.gif': 'GIF89a' },
      /Logo harus berupa gambar PNG, JPEG, SVG, atau WebP/,
    ],
    [
      'bad profile',
      ['report', bpp, '--format', 'docx', '-o', 'x.docx', '--profile', 'p.json'],
      { 'p.json': '{"regulation":{"kind":""}}' },
      /tidak sesuai format pada "regulation/,
    ],
  ];
  it.each(bad)(
    'refuses %s with exit 2, one line and no output',
    async (_, args, memory, message) => {
      const t = testIo(memory);
      expect(await run(args, t.io, '0.0.0')).toBe(2);
      expect(t.err).toHaveLength(1);
      expect(t.err[0]).toMatch(/^Kesalahan: /);
      expect(t.err[0]).toMatch(message);
      expect(t.written.size).toBe(0);
    },
  );
});
