/**
 * The live dashboard: the index and predikat of the evaluation's instrument, the indices of its
 * top tier (domains for 59/2020, aspects for Pemdi), charts, gaps, the trend over the years and
 * the sandbox. Targets and gaps are read from score(), never recomputed here.
 */
import { Link } from 'react-router';
import { formatIndicatorList } from '../../../../shared/assessment';
import { formatNumber, formatWeight } from '../../../../shared/format/number';
import {
  cautionFor,
  findIndicator,
  formatValue,
  groupsOfTier,
  isDecimalScale,
  valueNoun,
} from '../../../../shared/instrument';
import { belowTargetByGain, noIndexText, tierSeries } from '../../../../shared/scoring';
import { routes } from '../../app/routes';
import { RatingBadge } from '../../components/rating-badge';
import { CompliancePanel } from '../profiles/compliance-panel';
import { useWorkspace } from '../workspace/workspace-context';
import { AspectRadar, GroupBars } from './charts';
import { IndexTrend } from './trend';
import { WhatIf } from './what-if';
import './dashboard.css';

/** "1,00", or "1,00 dan 2,00" where awaited indices assume different values. */
const joinValues = (values: string[]): string => [...new Set(values)].join(' dan ');

function TargetLine() {
  const { pack, result } = useWorkspace();
  const overall = result.overall;
  return (
    <p className="small">
      Target:{' '}
      {isDecimalScale(pack)
        ? formatNumber(result.target.index, pack.rounding.displayDecimals)
        : formatWeight(result.target.index)}{' '}
      ({result.target.rating})
      {overall && (
        <>
          {' '}
          · {overall.meetsTarget ? 'target tercapai' : 'di bawah target'}
          {pack.valueScale.kind === 'decimal' && <> (selisih {overall.targetDifference.display})</>}
        </>
      )}
    </p>
  );
}

/**
 * Why there is no index (nothing assessed yet: assumed values alone are not counted), or which
 * indicators are unanswered and which await an external value while the index is provisional.
 */
function IndexNotes() {
  const { pack, result } = useWorkspace();
  const none = noIndexText(pack, result);
  return (
    <>
      {none && (
        <p className="small alert warn" data-testid="indeks-belum-dihitung">
          {none}
        </p>
      )}
      {!none && result.missing.length > 0 && (
        <p className="small alert warn">
          Nilai sementara: {result.missing.length} indikator belum dijawab (
          {formatIndicatorList(result.missing)}).
        </p>
      )}
      <AwaitingExternal counted={!none} />
    </>
  );
}

function AwaitingExternal({ counted }: { counted: boolean }) {
  const { pack, result } = useWorkspace();
  if (result.awaitingExternal.length === 0) return null;
  const list = (
    <ul>
      {result.awaitingExternal.map((n) => {
        const indicator = findIndicator(pack, n)?.indicator;
        const assumed = indicator?.externalIndex?.assumedValue ?? pack.valueScale.min;
        return (
          <li key={n}>
            {n}. {indicator?.name}
            {indicator?.externalIndex ? ` (${indicator.externalIndex.shortName})` : ''}: menunggu
            nilai eksternal{counted && ` (dihitung ${formatValue(pack, assumed)})`}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="small alert warn awaiting-external">
      {counted && (
        <p>
          Nilai sementara: {result.awaitingExternal.length} indikator menunggu nilai eksternal dan
          dihitung dengan nilai anggapan.
        </p>
      )}
      {list}
    </div>
  );
}

export function DashboardPage() {
  const { pack, result, evaluation, evidence, answers } = useWorkspace();
  const top = pack.tiers[0];
  const leaf = pack.tiers[pack.tiers.length - 1];
  const twoTiers = !!top && !!leaf && top.id !== leaf.id;
  const topSeries = top ? tierSeries(result, top.id, top.label) : [];
  const leafSeries = leaf ? tierSeries(result, leaf.id, leaf.label) : [];
  const below = belowTargetByGain(result);
  // Counted below target with their assumed value, though no assessor gave them one.
  const belowAwaiting = below.filter((i) => i.awaitingExternal).length;
  const needsReview = [...answers.values()].filter((a) => a.carriedOver).length;
  const max = pack.valueScale.max;
  const caution = cautionFor(pack, pack.provenance?.ratingConfidence);

  return (
    <section aria-labelledby="judul-dasbor">
      <h2 id="judul-dasbor" className="visually-hidden">
        Dasbor
      </h2>
      <div className="dashboard-top">
        <div className="card index-card" aria-labelledby="judul-indeks">
          <h3 id="judul-indeks">{pack.indexLabel}</h3>
          <p className="small muted">Menurut {pack.shortTitle}</p>
          <p className="index-value" data-testid="indeks-spbe">
            {result.overall?.display ?? '—'}
          </p>
          <RatingBadge overall={result.overall} />
          {caution && <p className="small muted pack-caution">{caution}</p>}
          <TargetLine />
          <IndexNotes />
        </div>
        <div className="card">
          <h3>Ringkasan</h3>
          <ul className="plain">
            <li>
              {result.answered} dari {result.total} indikator terjawab
            </li>
            {result.answered === 0 ? (
              // "0 indikator di bawah target" would read as every indicator reaching it.
              <li>
                Belum ada indikator yang dinilai; indikator di bawah target belum dapat ditentukan
              </li>
            ) : (
              <li>
                <Link to={routes.evaluation.indicators({ evaluationId: evaluation.id })}>
                  {below.length} indikator di bawah target
                </Link>{' '}
                ({valueNoun(pack)} {formatValue(pack, pack.targets.indicatorLevel)}
                {belowAwaiting > 0 &&
                  `; ${belowAwaiting} di antaranya menunggu nilai eksternal dan dihitung dengan nilai anggapan`}
                )
              </li>
            )}
            <li>{evidence.length} dokumen bukti dukung</li>
            {needsReview > 0 && <li>{needsReview} jawaban salinan tahun lalu perlu ditinjau</li>}
          </ul>
        </div>
      </div>
      {top && (
        <div className="domain-cards">
          {groupsOfTier(pack, top.id).map(({ group }) => {
            const g = result.groups.find((x) => x.id === group.id);
            // Counted in this index with their assumed value (none while nothing is assessed):
            // an aspect of awaited indices alone shows 1,00 with "0/4 terjawab" otherwise.
            const assumed = result.indicators.filter(
              (i) => i.awaitingExternal && i.value !== null && i.path.includes(group.id),
            );
            return (
              <div key={group.id} className="card domain-card">
                <h3>
                  {top.label} {group.number}. {group.name}
                </h3>
                <p className="domain-value">{g?.result?.display ?? '—'}</p>
                <p className="small muted">
                  Bobot {formatWeight(group.weight)}% · {g?.answered}/{g?.total} terjawab
                  {assumed.length > 0 &&
                    ` · ${assumed.length} menunggu nilai eksternal (dihitung ${joinValues(
                      assumed.map((i) => i.valueDisplay ?? ''),
                    )})`}
                  {!twoTiers && g?.meetsTarget === false && (
                    <> · di bawah target{g.exactDisplay && ` (tepatnya ${g.exactDisplay})`}</>
                  )}
                </p>
              </div>
            );
          })}
        </div>
      )}
      <div className={twoTiers ? 'grid-2' : undefined}>
        {twoTiers && leaf && (
          <AspectRadar
            points={leafSeries}
            max={max}
            title={`${leaf.indexLabel} dibandingkan target`}
          />
        )}
        {top && (
          <GroupBars
            points={topSeries}
            max={max}
            title={twoTiers ? top.indexLabel : `${top.indexLabel} dibandingkan target`}
          />
        )}
      </div>
      <IndexTrend />
      <CompliancePanel />
      <WhatIf />
    </section>
  );
}
