/** The live dashboard: the index and predikat, domain indices, charts, gaps, and the sandbox. */
import { Link } from 'react-router';
import { formatIndicatorList } from '../../../../shared/assessment';
import { formatWeight } from '../../../../shared/format/number';
import { groupsOfTier } from '../../../../shared/instrument';
import { belowTargetByGain, tierSeries } from '../../../../shared/scoring';
import { RatingBadge } from '../../components/rating-badge';
import { CompliancePanel } from '../profiles/compliance-panel';
import { useWorkspace } from '../workspace/workspace-context';
import { AspectRadar, GroupBars } from './charts';
import { WhatIf } from './what-if';

export function DashboardPage() {
  const { pack, result, evaluation, evidence, answers } = useWorkspace();
  const top = pack.tiers[0];
  const leaf = pack.tiers[pack.tiers.length - 1];
  const topSeries = top ? tierSeries(result, top.id, top.label) : [];
  const leafSeries = leaf ? tierSeries(result, leaf.id, leaf.label) : [];
  const below = belowTargetByGain(result);
  const needsReview = [...answers.values()].filter((a) => a.carriedOver).length;
  const max = pack.valueScale.max;

  return (
    <section aria-labelledby="judul-dasbor">
      <h2 id="judul-dasbor" className="visually-hidden">
        Dasbor
      </h2>
      <div className="dashboard-top">
        <div className="card index-card" aria-labelledby="judul-indeks">
          <h3 id="judul-indeks">{pack.indexLabel}</h3>
          <p className="index-value" data-testid="indeks-spbe">
            {result.overall?.display ?? '—'}
          </p>
          <RatingBadge overall={result.overall} />
          <p className="small">
            Target: {formatWeight(result.target.index)} ({result.target.rating})
            {result.overall && (
              <>
                {' '}
                ·{' '}
                {result.overall.value >= result.target.index
                  ? 'target tercapai'
                  : 'di bawah target'}
              </>
            )}
          </p>
          {result.missing.length > 0 && (
            <p className="small alert warn">
              Nilai sementara: {result.missing.length} indikator belum dijawab (
              {formatIndicatorList(result.missing)}).
            </p>
          )}
        </div>
        <div className="card">
          <h3>Ringkasan</h3>
          <ul className="plain">
            <li>
              {result.answered} dari {result.total} indikator terjawab
            </li>
            <li>
              <Link to={`/evaluasi/${evaluation.id}/indikator`}>
                {below.length} indikator di bawah target
              </Link>{' '}
              (tingkat {formatWeight(pack.targets.indicatorLevel)})
            </li>
            <li>{evidence.length} dokumen bukti dukung</li>
            {needsReview > 0 && <li>{needsReview} jawaban salinan tahun lalu perlu ditinjau</li>}
          </ul>
        </div>
      </div>
      {top && top.id !== leaf?.id && (
        <div className="domain-cards">
          {groupsOfTier(pack, top.id).map(({ group }) => {
            const g = result.groups.find((x) => x.id === group.id);
            return (
              <div key={group.id} className="card domain-card">
                <h3>
                  {top.label} {group.number}. {group.name}
                </h3>
                <p className="domain-value">{g?.result?.display ?? '—'}</p>
                <p className="small muted">
                  Bobot {formatWeight(group.weight)}% · {g?.answered}/{g?.total} terjawab
                </p>
              </div>
            );
          })}
        </div>
      )}
      <div className="grid-2">
        {leaf && <AspectRadar points={leafSeries} max={max} />}
        {top && <GroupBars points={topSeries} max={max} title={`${top.indexLabel}`} />}
      </div>
      <CompliancePanel />
      <WhatIf />
    </section>
  );
}
