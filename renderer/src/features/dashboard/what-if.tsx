/**
 * The what-if sandbox: change levels and watch the index move, without touching the answers.
 * The sandbox lives in this component's state only.
 */
import { useMemo, useState } from 'react';
import { formatWeight } from '../../../../shared/format/number';
import { findIndicator } from '../../../../shared/instrument';
import { belowTargetByGain, whatIf } from '../../../../shared/scoring';
import { useWorkspace } from '../workspace/workspace-context';

export function WhatIf() {
  const { pack, result } = useWorkspace();
  const [changes, setChanges] = useState<Record<number, number | null>>({});
  const base = useMemo(() => {
    const v: Record<number, number | null> = {};
    for (const i of result.indicators) v[i.number] = i.value;
    return v;
  }, [result]);
  const outcome = useMemo(() => whatIf(pack, base, changes), [pack, base, changes]);
  const candidates = belowTargetByGain(result);
  const { min, max } = pack.valueScale;
  const levels = Array.from({ length: max - min + 1 }, (_, i) => min + i);

  const raiseAll = () => {
    const next: Record<number, number> = {};
    for (const i of candidates) if (i.value !== null) next[i.number] = Math.min(max, i.value + 1);
    setChanges(next);
  };

  return (
    <section className="card" aria-labelledby="judul-simulasi">
      <h3 id="judul-simulasi">Simulasi (what-if)</h3>
      <p className="small muted">
        Ubah tingkat di sini untuk melihat pengaruhnya pada indeks. Jawaban yang tersimpan tidak
        berubah.
      </p>
      <div className="whatif-result" role="status" aria-live="polite">
        {outcome.after.overall ? (
          <>
            {pack.indexLabel} simulasi: <strong>{outcome.after.overall.display}</strong> (
            {outcome.after.overall.rating})
            {outcome.delta && outcome.changed.length > 0 && <> · selisih {outcome.delta.display}</>}
            {outcome.after.overall.provisional && ' · sementara'}
          </>
        ) : (
          'Belum ada nilai untuk disimulasikan.'
        )}
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="secondary"
          onClick={raiseAll}
          disabled={candidates.length === 0}
        >
          Naikkan {candidates.length} indikator di bawah target satu tingkat
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setChanges({})}
          disabled={outcome.changed.length === 0}
        >
          Atur ulang simulasi
        </button>
      </div>
      <details className="whatif-levels">
        <summary>Ubah tingkat per indikator ({result.indicators.length} indikator)</summary>
        <table>
          <caption className="visually-hidden">Tingkat simulasi per indikator</caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col" className="num">
                Bobot
              </th>
              <th scope="col">Tingkat saat ini</th>
              <th scope="col">Tingkat simulasi</th>
            </tr>
          </thead>
          <tbody>
            {result.indicators.map((i) => {
              const value = i.number in changes ? changes[i.number] : i.value;
              const name = findIndicator(pack, i.number)?.indicator.name ?? '';
              return (
                <tr
                  key={i.number}
                  className={outcome.changed.includes(i.number) ? 'changed' : undefined}
                >
                  <td>
                    {i.number}. {name}
                  </td>
                  <td className="num">{formatWeight(i.weight)}</td>
                  <td>{i.level ?? '—'}</td>
                  <td>
                    <select
                      aria-label={`Tingkat simulasi indikator ${i.number}`}
                      value={value ?? ''}
                      onChange={(e) =>
                        setChanges((c) => ({
                          ...c,
                          [i.number]: e.target.value === '' ? null : Number(e.target.value),
                        }))
                      }
                    >
                      <option value="">—</option>
                      {levels.map((l) => (
                        <option key={l} value={l}>
                          {l}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </section>
  );
}
