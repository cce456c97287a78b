/**
 * How an evaluation came to be, in words: what tells apart two evaluations of one instansi and
 * year (the one sent out to the assessors and the result of merging their files) wherever the
 * coordinator picks one: the list of evaluations, the base of a merge, a backup's restore preview.
 */
import type { Evaluation } from '../../../../shared/assessment';
import { formatDate, formatDateTime } from '../../../../shared/format/date';

export type OriginFacts = Pick<Evaluation, 'origin' | 'createdAt'>;

/**
 * "dibuat 1 Desember 2026", "disalin dari evaluasi 2025 pada …", "diimpor 3 Desember 2026 dari
 * berkas ani.spbe (Ani Rahmawati)", "hasil penggabungan 7 Desember 2026".
 */
export function originText({ origin, createdAt }: OriginFacts): string {
  const on = formatDate(createdAt);
  switch (origin.kind) {
    case 'created':
      return `dibuat ${on}`;
    case 'duplicated':
      return `disalin dari evaluasi ${origin.fromYear} pada ${on}`;
    case 'imported':
      return `diimpor ${on} dari berkas ${origin.fileName} (${origin.exportedBy})`;
    case 'merged':
      return `hasil penggabungan ${on}`;
  }
}

/** "diubah terakhir 7 Desember 2026 pukul 14.05". */
export const lastChangeText = (updatedAt: number): string =>
  `diubah terakhir ${formatDateTime(updatedAt)}`;

/** Origin and last change in one line: "hasil penggabungan 7 Desember 2026 · diubah terakhir …". */
export const originLine = (e: OriginFacts & Pick<Evaluation, 'updatedAt'>): string =>
  `${originText(e)} · ${lastChangeText(e.updatedAt)}`;
