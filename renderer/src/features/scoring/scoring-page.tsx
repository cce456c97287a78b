/** The scoring screen: the navigator beside the form of the chosen indicator. */
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { routes } from '../../app/routes';
import { dialogOpen } from '../../components/keyboard';
import { useWorkspace } from '../workspace/workspace-context';
import type { FilterId } from './indicator-filters';
import { focusKey, INDICATOR_HEADING_ID, restoreFocus } from './keep-focus';
import { Navigator, useVisibleIndicators } from './navigator';
import { ScoringForm } from './scoring-form';

/**
 * Whether Alt+↓ / Alt+↑ belong to the control: they open a drop-down list (a select, or a text
 * field with suggestions such as "Perangkat daerah penanggung jawab") in Chromium on Windows and
 * Linux, which a keyboard user relies on to see the choices.
 */
const opensList = (target: EventTarget | null): boolean =>
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLInputElement && target.list !== null);

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

  // The control that had the focus before a move, given back on the new indicator's form.
  const form = useRef<HTMLElement>(null);
  const [moved, setMoved] = useState<{ to: number; key: string } | null>(null);
  // Said once per move where the focus lands on a field, not on the heading that names the
  // indicator: a screen reader user hears which indicator the field now belongs to.
  const [arrived, setArrived] = useState('');
  const goTo = (to: number) => {
    const key = focusKey(form.current, document.activeElement);
    setMoved(key === null ? null : { to, key });
    void navigate(routes.evaluation.indicator({ evaluationId: evaluation.id, number: to }));
  };
  const goToRef = useRef(goTo);
  useEffect(() => {
    goToRef.current = goTo;
  });
  useEffect(() => {
    if (!moved || moved.to !== current || !form.current) return;
    restoreFocus(form.current, moved.key);
    const title = document.getElementById(INDICATOR_HEADING_ID);
    setArrived(document.activeElement === title ? '' : (title?.textContent ?? ''));
    setMoved(null);
  }, [moved, current]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      if (e.defaultPrevented || opensList(e.target) || dialogOpen()) return;
      const list = visible.length > 0 ? visible : result.indicators.map((i) => i.number);
      const index = list.indexOf(current);
      const next =
        e.key === 'ArrowDown'
          ? (list[index + 1] ?? list[0])
          : (list[index - 1] ?? list[list.length - 1]);
      if (next !== undefined && next !== current) {
        e.preventDefault();
        goToRef.current(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, current, result.indicators]);

  const index = visible.indexOf(current);
  const prev = index > 0 ? visible[index - 1] : undefined;
  const next = index >= 0 ? visible[index + 1] : visible[0];

  const pager = (
    <div className="pager">
      <button
        type="button"
        id="indikator-sebelumnya"
        className="secondary"
        disabled={prev === undefined}
        onClick={() => {
          if (prev !== undefined) goTo(prev);
        }}
      >
        ‹ <span className="pager-noun">Indikator </span>
        <span className="pager-rest">sebelumnya</span>
      </button>
      <span className="small muted">Alt+↑ / Alt+↓ untuk berpindah indikator</span>
      <button
        type="button"
        id="indikator-berikutnya"
        className="secondary"
        disabled={next === undefined}
        onClick={() => {
          if (next !== undefined) goTo(next);
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
      <section aria-labelledby="judul-indikator" className="scoring-main" ref={form}>
        <ScoringForm key={`${evaluation.id}:${current}`} number={current} pager={pager} />
        <p className="visually-hidden" role="status">
          {arrived}
        </p>
      </section>
    </div>
  );
}
