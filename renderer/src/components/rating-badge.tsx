/**
 * The index with its predikat, marked when provisional; with the exact index where the presented
 * one would read otherwise ("2,50 (tepatnya 2,4955) · Cukup").
 */
import { withExactIndex, type OverallScore } from '../../../shared/scoring';

const tone = (rating: string): string =>
  rating === 'Memuaskan' || rating === 'Sangat Baik'
    ? 'ok'
    : rating === 'Baik'
      ? ''
      : rating === 'Cukup'
        ? 'warn'
        : 'danger';

export function RatingBadge({ overall }: { overall: OverallScore | null }) {
  if (!overall) return <span className="badge">Belum ada nilai</span>;
  return (
    <span className={`badge ${tone(overall.rating)}`}>
      {withExactIndex(overall.display, overall.exactDisplay)} · {overall.rating}
      {overall.provisional ? ' (sementara)' : ''}
    </span>
  );
}
