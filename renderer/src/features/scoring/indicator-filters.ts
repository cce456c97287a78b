/** The navigator's filters, as pure predicates over an indicator's state. */
import type { Answer, Member } from '../../../../shared/assessment';
import type { IndicatorScore } from '../../../../shared/scoring';

export const filterIds = [
  'all',
  'unanswered',
  'belowTarget',
  'mine',
  'needsRevision',
  'carriedOver',
] as const;
export type FilterId = (typeof filterIds)[number];

export const filterLabel: Record<FilterId, string> = {
  all: 'Semua indikator',
  unanswered: 'Belum dijawab',
  belowTarget: 'Di bawah target',
  mine: 'Tugas saya',
  needsRevision: 'Perlu revisi',
  carriedOver: 'Salinan tahun lalu, perlu ditinjau',
};

export function matchesFilter(
  filter: FilterId,
  indicator: IndicatorScore,
  answer: Answer | undefined,
  me: Member | null,
): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      // An awaited external index counts with an assumed value but is not answered yet.
      return indicator.value === null || indicator.awaitingExternal;
    case 'belowTarget':
      return indicator.meetsTarget === false;
    case 'mine':
      return me !== null && me.indicators.includes(indicator.number);
    case 'needsRevision':
      return answer?.status === 'needsRevision';
    case 'carriedOver':
      return answer?.carriedOver === true;
  }
}
