/**
 * `spbe-eval report` dates the report with --tanggal (or --date), else with the date stored
 * with the evaluation, and refuses an absurd date with one Indonesian line and no output.
 */
import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/run';
import { repoRoot } from '../helpers';
import { memoryIo } from './memory-io';

const bpp = `${repoRoot}/test/fixtures/evaluations/balikpapan-2026.json`;

/** The Balikpapan 2026 snapshot with a stored report date. */
function dated(reportDate: string): string {
  const s = JSON.parse(readFileSync(bpp, 'utf8')) as { evaluation: Record<string, unknown> };
  s.evaluation.reportDate = reportDate;
  return JSON.stringify(s);
}

async function dateCell(bytes: Uint8Array | undefined): Promise<string> {
  if (!bytes) throw new Error('nothing written');
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return String(wb.getWorksheet('Indeks')?.getCell('A3').value);
}

describe('spbe-eval report date', () => {
  it('uses the date stored with the evaluation', async () => {
    const t = memoryIo({ 'bpp.json': dated('2026-12-03') });
    const code = await run(['report', 'bpp.json', '--format', 'xlsx', '-o', 'l.xlsx'], t.io, '0');
    expect(t.err).toEqual([]);
    expect(code).toBe(0);
    expect(await dateCell(t.written.get('l.xlsx'))).toContain('3 Desember 2026');
  });

  it('lets --tanggal win over the stored date', async () => {
    const t = memoryIo({ 'bpp.json': dated('2026-12-03') });
    const code = await run(
      ['report', 'bpp.json', '--format', 'xlsx', '-o', 'l.xlsx', '--tanggal', '2026-12-10'],
      t.io,
      '0',
    );
    expect(code).toBe(0);
    expect(await dateCell(t.written.get('l.xlsx'))).toContain('10 Desember 2026');
  });

  it('refuses a date before the evaluation year, writing nothing', async () => {
    const t = memoryIo();
    const code = await run(
      ['report', bpp, '--format', 'xlsx', '-o', 'l.xlsx', '--tanggal', '2019-05-01'],
      t.io,
      '0',
    );
    expect(code).toBe(2);
    expect(t.err.join('\n')).toContain('Tanggal laporan tidak boleh sebelum tahun evaluasi (2026)');
    expect(t.written.size).toBe(0);
  });
});
