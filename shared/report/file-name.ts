/**
 * File names of the exported report: "Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026.pdf" (or
 * "Laporan-Evaluasi-Pemdi-…" for a PermenPANRB 8/2026 evaluation), with
 * "-Sementara" unless the report is final (index complete, every answer verified: ./status) so
 * that a draft is not sent by mistake.
 * Letters are reduced to ASCII (accents dropped) so the name survives every file system and mail.
 */
import type { ReportModel } from './model';
import { isFinalReport } from './status';

export type ReportFileExtension = 'pdf' | 'docx' | 'xlsx';

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "Kota Balikpapan" from "Pemerintah Kota Balikpapan"; the region name when the name is other. */
function regionPart(model: Pick<ReportModel, 'instansi'>): string {
  const name = model.instansi.name.replace(/^Pemerintah\s+/i, '').trim();
  return slug(name) || slug(model.instansi.regionName) || 'Daerah';
}

/** "Evaluasi-SPBE" for Indeks SPBE, "Evaluasi-Pemdi" for Indeks Pemdi. */
function evaluationPart(model: Pick<ReportModel, 'headline'>): string {
  return `Evaluasi-${slug(model.headline.indexLabel.replace(/^Indeks\s+/i, '')) || 'SPBE'}`;
}

export function reportFileName(
  model: Pick<ReportModel, 'instansi' | 'year' | 'provisional' | 'headline'> & {
    data: { indicators: ReadonlyArray<{ status: string | null }> };
  },
  extension: ReportFileExtension,
): string {
  const provisional = isFinalReport(model) ? '' : '-Sementara';
  return `Laporan-${evaluationPart(model)}-${regionPart(model)}-${model.year}${provisional}.${extension}`;
}
