/**
 * File names of the exported report: "Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026.pdf" (or
 * "Laporan-Evaluasi-Pemdi-…" for a PermenPANRB 8/2026 evaluation), with
 * "-Sementara" when the index is provisional so that a partial report is not sent by mistake.
 * Letters are reduced to ASCII (accents dropped) so the name survives every file system and mail.
 */
import type { ReportModel } from './model';

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
  model: Pick<ReportModel, 'instansi' | 'year' | 'provisional' | 'headline'>,
  extension: ReportFileExtension,
): string {
  const provisional = model.provisional ? '-Sementara' : '';
  return `Laporan-${evaluationPart(model)}-${regionPart(model)}-${model.year}${provisional}.${extension}`;
}
