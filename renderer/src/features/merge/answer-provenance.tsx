/**
 * One line under an answer of a merged evaluation saying where it came from (for the scoring
 * form): "Asal jawaban: diputuskan koordinator (ani.spbe, budi.spbe). Alasan: …". Nothing for
 * evaluations that were not made by a merge.
 */
import { Link } from 'react-router';
import { provenanceHowLabel } from '../../../../shared/merge';
import type { Evaluation } from '../../../../shared/assessment';
import { routes } from '../../app/routes';
import { useMergeOfEvaluation } from './use-merge';

export function AnswerProvenance({
  evaluation,
  indicator,
}: {
  evaluation: Evaluation;
  indicator: number;
}) {
  const merge = useMergeOfEvaluation(evaluation.id, evaluation.origin.kind === 'merged');
  if (!merge) return null;
  const p = merge.record.provenance.find((x) => x.indicator === indicator);
  if (!p) return null;
  const label = (id: string): string =>
    merge.record.inputs.find((i) => i.sourceId === id)?.label ?? id;
  const decision = merge.record.conflicts.find((c) => c.indicator === indicator);
  return (
    <p className="small muted provenance-note">
      Asal jawaban saat penggabungan: {provenanceHowLabel[p.how].toLowerCase()} (
      {p.from.map(label).join(', ')}).
      {decision && ` Alasan koordinator: ${decision.reason}`}{' '}
      <Link to={routes.minutes({ mergeId: merge.record.id })}>Berita Acara Rekonsiliasi</Link>
    </p>
  );
}
