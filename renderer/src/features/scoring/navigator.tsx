/**
 * The indicator navigator: the pack's tiers (domain > aspect for 59/2020, aspect alone for Pemdi)
 * > indicator with its value ("3", "2,75"), progress (answered, with evidence, verified), a sign
 * for an external index still awaited, and filters. Keyboard: Alt+↓ / Alt+↑ (anywhere in the scoring screen) move to the
 * next / previous indicator of the filtered list.
 */
import { NavLink } from 'react-router';
import { answerStatusLabel } from '../../../../shared/assessment';
import { groupEntries, isDecimalScale } from '../../../../shared/instrument';
import { rangeProse } from '../../../../shared/report/text';
import { routes } from '../../app/routes';
import { useWorkspace } from '../workspace/workspace-context';
import { PaperclipIcon } from '../../components/icons';
import { filterIds, filterLabel, matchesFilter, type FilterId } from './indicator-filters';
import { INDICATOR_HEADING_ID } from './keep-focus';

export function useVisibleIndicators(filter: FilterId): number[] {
  const { result, answers, currentMember } = useWorkspace();
  return result.indicators
    .filter((i) => matchesFilter(filter, i, answers.get(i.number), currentMember))
    .map((i) => i.number);
}

export function Navigator({
  current,
  filter,
  onFilter,
}: {
  current: number;
  filter: FilterId;
  onFilter: (f: FilterId) => void;
}) {
  const { pack, result, answers, linksByIndicator, evaluation, currentMember } = useWorkspace();
  const visible = new Set(useVisibleIndicators(filter));
  const byNumber = new Map(result.indicators.map((i) => [i.number, i]));
  const leafTier = pack.tiers[pack.tiers.length - 1]?.id;
  const decimal = isDecimalScale(pack);
  const verified = [...answers.values()].filter((a) => a.status === 'verified').length;
  const withEvidence = result.indicators.filter(
    (i) => (linksByIndicator.get(i.number)?.length ?? 0) > 0,
  ).length;
  // "Tugas saya": what is left of the member's own indicators (an awaited value is not an answer).
  const mine =
    filter === 'mine' && currentMember ? [...currentMember.indicators].sort((a, b) => a - b) : [];
  const mineOpen = mine.filter((n) => {
    const i = byNumber.get(n);
    return !i || i.value === null || i.awaitingExternal;
  });

  return (
    <nav className="navigator" aria-label="Daftar indikator">
      {/* Shown while focused: the list holds 20 (Pemdi) to 47 (59/2020) links before the form. */}
      <button
        type="button"
        className="skip-list"
        onClick={() => document.getElementById(INDICATOR_HEADING_ID)?.focus()}
      >
        Lewati daftar indikator ke formulir
      </button>
      <div className="field">
        <label htmlFor="saring-indikator">Tampilkan</label>
        <select
          id="saring-indikator"
          value={filter}
          onChange={(e) => onFilter(e.target.value as FilterId)}
        >
          {filterIds.map((f) => (
            <option key={f} value={f} disabled={f === 'mine' && !currentMember}>
              {filterLabel[f]}
            </option>
          ))}
        </select>
      </div>
      <p className="small muted" aria-live="polite">
        {result.answered}/{result.total} terjawab · {withEvidence} berbukti · {verified}{' '}
        terverifikasi
      </p>
      {mine.length > 0 && (
        <p className="small">
          Tugas saya: {mine.length - mineOpen.length} dari {mine.length} indikator terjawab
          {mineOpen.length > 0
            ? `; belum: indikator ${rangeProse(mineOpen)}`
            : '; semuanya sudah terjawab'}
        </p>
      )}
      {groupEntries(pack).map(({ group, tier, indicatorNumbers }) => {
        const shown = indicatorNumbers.filter((n) => visible.has(n));
        if (tier.id !== leafTier) {
          return shown.length > 0 ? (
            <h3 key={group.id} className="nav-domain">
              {tier.label} {group.number}. {group.name}
            </h3>
          ) : null;
        }
        if (shown.length === 0) return null;
        const answered = indicatorNumbers.filter((n) => {
          const i = byNumber.get(n);
          return i !== undefined && i.value !== null && !i.awaitingExternal;
        }).length;
        return (
          <div key={group.id} className="nav-aspect">
            <h4>
              {tier.label} {group.number}. {group.name}{' '}
              <span className="muted small">
                ({answered}/{indicatorNumbers.length})
              </span>
            </h4>
            <ul>
              {shown.map((n) => {
                const ind = byNumber.get(n);
                const answer = answers.get(n);
                const docs = linksByIndicator.get(n)?.length ?? 0;
                const awaiting = ind?.awaitingExternal === true;
                const shownValue = decimal ? ind?.valueDisplay : ind?.level;
                const label = [
                  `Indikator ${n}`,
                  awaiting
                    ? 'menunggu nilai eksternal'
                    : !ind?.level
                      ? 'belum dijawab'
                      : decimal
                        ? `nilai ${ind.valueDisplay}`
                        : `tingkat ${ind.level}`,
                  docs > 0 ? `${docs} dokumen` : 'tanpa dokumen',
                  answer && answer.status !== 'draft' ? answerStatusLabel[answer.status] : null,
                  answer?.carriedOver ? 'perlu ditinjau' : null,
                ]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <li key={n}>
                    <NavLink
                      to={routes.evaluation.indicator({ evaluationId: evaluation.id, number: n })}
                      aria-label={label}
                      className={n === current ? 'nav-item current' : 'nav-item'}
                    >
                      <span className="nav-number">{n}</span>
                      <span className="nav-name" title={ind?.name}>
                        {ind?.name.replace(/^Tingkat Kematangan /, '')}
                      </span>
                      <span
                        className={`nav-level ${awaiting ? 'awaiting' : ind?.level ? (ind.meetsTarget ? 'ok' : 'warn') : ''}`}
                        aria-hidden="true"
                        title={awaiting ? 'Menunggu nilai eksternal' : undefined}
                      >
                        {awaiting ? '…' : (shownValue ?? '–')}
                      </span>
                      {docs > 0 && (
                        <span className="nav-docs" aria-hidden="true" title={`${docs} dokumen`}>
                          <PaperclipIcon />
                          {docs}
                        </span>
                      )}
                      {answer?.status === 'verified' && (
                        <span aria-hidden="true" title="Terverifikasi">
                          ✔
                        </span>
                      )}
                      {answer?.status === 'needsRevision' && (
                        <span aria-hidden="true" title="Perlu revisi">
                          ⚠
                        </span>
                      )}
                    </NavLink>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {visible.size === 0 && <p className="muted">Tidak ada indikator untuk saringan ini.</p>}
    </nav>
  );
}
