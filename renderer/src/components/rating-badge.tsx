/** The index with its predikat, marked when provisional. */
import type { OverallScore } from '../../../shared/scoring';

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
      {overall.display} · {overall.rating}
      {overall.provisional ? ' (sementara)' : ''}
    </span>
  );
}
