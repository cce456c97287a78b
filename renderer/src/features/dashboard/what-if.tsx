/**
 * The sandbox ("Simulasi nilai"): change values and watch the index move, without touching the
 * answers. Integer packs pick a level; decimal packs type a value with a decimal comma or raise
 * it to the next level's floor. The sandbox lives in this component's state only.
 */
import { useMemo, useState } from 'react';
import { formatWeight } from '../../../../shared/format/number';
import {
  findIndicator,
  formatValue,
  isDecimalScale,
  parseValue,
  valueNoun,
  type InstrumentPack,
} from '../../../../shared/instrument';
import {
  belowTargetByGain,
  raiseByOneLevel,
  raisedValue,
  whatIf,
  type IndicatorScore,
} from '../../../../shared/scoring';
import { useWorkspace } from '../workspace/workspace-context';
import { capitalized } from '../../../../shared/format/text';

type Changes = Record<number, number | null>;

function LevelSelect({
  pack,
  indicator,
  value,
  onChange,
}: {
  pack: InstrumentPack;
  indicator: number;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const { min, max } = pack.valueScale;
  const levels = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <select
      aria-label={`Tingkat simulasi indikator ${indicator}`}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">—</option>
      {levels.map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </select>
  );
}

/**
 * A decimal value typed with a comma ("2,75"). The text is the field's own while typing; a
 * refused text stays in the field with why. The parent remounts it (key) when it resets values.
 */
function ValueField({
  pack,
  indicator,
  value,
  onChange,
}: {
  pack: InstrumentPack;
  indicator: IndicatorScore;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const [text, setText] = useState(value === null ? '' : formatValue(pack, value));
  const [error, setError] = useState<string | null>(null);
  const errorId = `simulasi-galat-${indicator.number}`;
  const raised = value === null ? null : raisedValue(pack, indicator.number, value);
  return (
    <div className="whatif-value">
      <input
        type="text"
        inputMode="decimal"
        aria-label={`Nilai simulasi indikator ${indicator.number}`}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const parsed = parseValue(pack, next);
          if (parsed.ok) {
            setError(null);
            onChange(parsed.value);
          } else setError(parsed.message);
        }}
        onBlur={() => {
          if (!error) setText(value === null ? '' : formatValue(pack, value));
        }}
      />
      <button
        type="button"
        className="secondary small"
        aria-label={`Naikkan nilai simulasi indikator ${indicator.number} satu tingkat`}
        disabled={raised === null || raised === value}
        onClick={() => {
          if (raised === null) return;
          setError(null);
          setText(formatValue(pack, raised));
          onChange(raised);
        }}
      >
        Naikkan satu tingkat
      </button>
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function WhatIf() {
  const { pack, result } = useWorkspace();
  const [changes, setChangesState] = useState<Changes>({});
  // Bumped whenever the sandbox replaces values wholesale, so typed fields start afresh.
  const [generation, setGeneration] = useState(0);
  const replaceAll = (next: Changes) => {
    setChangesState(next);
    setGeneration((g) => g + 1);
  };
  // The answers as entered: an awaited external index stays unentered, so the simulation keeps
  // counting it with its assumed value and keeps the index provisional.
  const base = useMemo(() => {
    const v: Changes = {};
    for (const i of result.indicators) v[i.number] = i.awaitingExternal ? null : i.value;
    return v;
  }, [result]);
  const outcome = useMemo(() => whatIf(pack, base, changes), [pack, base, changes]);
  const candidates = belowTargetByGain(result);
  const decimal = isDecimalScale(pack);
  const noun = valueNoun(pack);

  const raiseAll = () => {
    // Raised from the value counted now: an awaited external index rises from its assumed value.
    const counted: Changes = {};
    for (const i of result.indicators) counted[i.number] = i.value;
    const scenario = raiseByOneLevel(
      pack,
      counted,
      candidates.map((i) => i.number),
    );
    const next: Changes = {};
    for (const n of scenario.indicators) {
      const v = scenario.result.after.indicators.find((i) => i.number === n)?.value;
      if (v !== undefined) next[n] = v;
    }
    replaceAll(next);
  };
  const setOne = (n: number, value: number | null) =>
    setChangesState((c) => ({ ...c, [n]: value }));

  return (
    <section className="card" aria-labelledby="judul-simulasi">
      <h3 id="judul-simulasi">Simulasi nilai</h3>
      <p className="small muted">
        Ubah {noun} di sini untuk melihat pengaruhnya pada indeks. Jawaban yang tersimpan tidak
        berubah.
      </p>
      <div className="whatif-result" role="status" aria-live="polite">
        {outcome.after.overall ? (
          <>
            {pack.indexLabel} simulasi: <strong>{outcome.after.overall.display}</strong> (
            {outcome.after.overall.rating}
            {outcome.after.overall.exactDisplay &&
              `; tepatnya ${outcome.after.overall.exactDisplay}`}
            )
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
          onClick={() => replaceAll({})}
          disabled={outcome.changed.length === 0}
        >
          Atur ulang simulasi
        </button>
      </div>
      <details className="whatif-levels">
        <summary>
          Ubah {noun} per indikator ({result.indicators.length} indikator)
        </summary>
        <table>
          <caption className="visually-hidden">{capitalized(noun)} simulasi per indikator</caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col" className="num">
                Bobot
              </th>
              <th scope="col">{capitalized(noun)} saat ini</th>
              <th scope="col">{capitalized(noun)} simulasi</th>
            </tr>
          </thead>
          <tbody>
            {result.indicators.map((i) => {
              const value =
                i.number in changes ? (changes[i.number] ?? null) : (base[i.number] ?? null);
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
                  <td>
                    {i.awaitingExternal
                      ? // Not counted at all while nothing is assessed (see score.ts).
                        `menunggu nilai eksternal${i.valueDisplay ? ` (dihitung ${i.valueDisplay})` : ''}`
                      : decimal
                        ? (i.valueDisplay ?? '—')
                        : (i.level ?? '—')}
                  </td>
                  <td>
                    {decimal ? (
                      <ValueField
                        key={`${i.number}-${generation}`}
                        pack={pack}
                        indicator={i}
                        value={value}
                        onChange={(v) => setOne(i.number, v)}
                      />
                    ) : (
                      <LevelSelect
                        pack={pack}
                        indicator={i.number}
                        value={value}
                        onChange={(v) => setOne(i.number, v)}
                      />
                    )}
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
