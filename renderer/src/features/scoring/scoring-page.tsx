/** The scoring screen: the navigator beside the form of the chosen indicator. */
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { routes } from '../../app/routes';
import { useWorkspace } from '../workspace/workspace-context';
import type { FilterId } from './indicator-filters';
import { Navigator, useVisibleIndicators } from './navigator';
import { ScoringForm } from './scoring-form';

/**
 * The list filter chosen per evaluation, kept for this session (as the unsaved drafts of
 * use-autosave are): leaving Penilaian Indikator for another screen and coming back keeps
 * "Tugas saya" instead of falling back to "Semua indikator".
 */
const chosenFilters = new Map<string, FilterId>();

export function ScoringPage() {
  const { number } = useParams();
  const { evaluation, result } = useWorkspace();
  const navigate = useNavigate();
  // Read by evaluation at each render: the page stays mounted when another evaluation opens.
  const [, setChosen] = useState(0);
  const filter = chosenFilters.get(evaluation.id) ?? 'all';
  const setFilter = (f: FilterId) => {
    chosenFilters.set(evaluation.id, f);
    setChosen((n) => n + 1);
  };
  const visible = useVisibleIndicators(filter);
  const current = Number(number ?? result.indicators[0]?.number ?? 1);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      const list = visible.length > 0 ? visible : result.indicators.map((i) => i.number);
      const index = list.indexOf(current);
      const next =
        e.key === 'ArrowDown'
          ? (list[index + 1] ?? list[0])
          : (list[index - 1] ?? list[list.length - 1]);
      if (next !== undefined && next !== current) {
        e.preventDefault();
        void navigate(routes.evaluation.indicator({ evaluationId: evaluation.id, number: next }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, current, evaluation.id, navigate, result.indicators]);

  const index = visible.indexOf(current);
  const prev = index > 0 ? visible[index - 1] : undefined;
  const next = index >= 0 ? visible[index + 1] : visible[0];

  const pager = (
    <div className="pager">
      <button
        type="button"
        className="secondary"
        disabled={prev === undefined}
        onClick={() => {
          if (prev !== undefined)
            void navigate(
              routes.evaluation.indicator({ evaluationId: evaluation.id, number: prev }),
            );
        }}
      >
        ‹ <span className="pager-noun">Indikator </span>
        <span className="pager-rest">sebelumnya</span>
      </button>
      <span className="small muted">Alt+↑ / Alt+↓ untuk berpindah indikator</span>
      <button
        type="button"
        className="secondary"
        disabled={next === undefined}
        onClick={() => {
          if (next !== undefined)
            void navigate(
              routes.evaluation.indicator({ evaluationId: evaluation.id, number: next }),
            );
        }}
      >
        <span className="pager-noun">Indikator </span>
        <span className="pager-rest">berikutnya</span> ›
      </button>
    </div>
  );

  return (
    <div className="scoring-layout">
      <Navigator current={current} filter={filter} onFilter={setFilter} />
      <section aria-labelledby="judul-indikator" className="scoring-main">
        <ScoringForm key={`${evaluation.id}:${current}`} number={current} pager={pager} />
      </section>
    </div>
  );
}
