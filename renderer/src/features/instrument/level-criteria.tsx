/**
 * The criteria of every level of one indicator side by side, with the scale's level names. Given
 * a decimal pack (Indeks Pemdi), each level also shows its value range, kondisi, butir and, quietly,
 * how sure the pack is of the text and where it comes from; one caution line covers them all.
 */
import {
  cautionFor,
  confidenceLabel,
  isDecimalScale,
  levelRangeText,
  type Indicator,
  type InstrumentPack,
  splitSource,
  type LevelScale,
} from '../../../../shared/instrument';
import { hasButir } from '../../../../shared/assessment/butir';

export function LevelCriteria({
  indicator,
  scale,
  highlight,
  pack,
}: {
  indicator: Indicator;
  scale: LevelScale;
  highlight?: number | null;
  /** The pack, to show ranges, kondisi, butir and confidence of a decimal pack. */
  pack?: InstrumentPack;
}) {
  const decimal = pack !== undefined && isDecimalScale(pack);
  const unsure = pack
    ? indicator.levels.filter((l) => cautionFor(pack, l.confidence) !== null)
    : [];
  const caution = pack && unsure.length > 0 ? cautionFor(pack, unsure[0]!.confidence) : null;
  // Pemdi lists butir per level; a level without them is a gap of the sources (I09 level 3).
  const tracksButir = decimal && hasButir(indicator);
  return (
    <>
      {caution && (
        <p className="small caution">
          Kriteria tingkat {unsure.map((l) => l.level).join(', ')} belum berkeyakinan tinggi.{' '}
          {caution}
        </p>
      )}
      <div
        className="level-grid"
        role="list"
        aria-label={`Kriteria tingkat indikator ${indicator.number}`}
      >
        {scale.levels.map((s) => {
          const level = indicator.levels.find((l) => l.level === s.level);
          return (
            <div
              key={s.level}
              role="listitem"
              className="level-card"
              aria-current={highlight === s.level ? 'true' : undefined}
            >
              <h4>
                Tingkat {s.level} — {s.name}
              </h4>
              {decimal && <p className="small muted">Rentang {levelRangeText(pack, s)}</p>}
              <p className="pre-line">{level?.criteria ?? 'Kriteria belum tersedia'}</p>
              {level && level.conditions.length > 0 && (
                <>
                  <p className="small">
                    <strong>Kondisi</strong>
                  </p>
                  <ul className="small">
                    {level.conditions.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </>
              )}
              {tracksButir && level?.butir.length === 0 && (
                <p className="small muted">
                  Butir bukti dukung belum tersedia dalam sumber paket; rujuk Modul Indikator resmi.
                </p>
              )}
              {level && level.butir.length > 0 && (
                <>
                  <p className="small">
                    <strong>Butir bukti dukung</strong>
                  </p>
                  <ul className="small">
                    {level.butir.map((b) => (
                      <li key={b.code}>
                        <strong>{b.code}</strong> {b.text}
                        {b.note && <span className="muted"> ({b.note})</span>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {decimal && level?.confidence && (
                <details className="small muted">
                  <summary>Keyakinan {confidenceLabel[level.confidence]}</summary>
                  {level.source && (
                    <p className="source-text">
                      Rujukan sumber paket (catatan teknis):{' '}
                      <span lang="en">{splitSource(level.source).references}</span>
                    </p>
                  )}
                </details>
              )}
            </div>
          );
        })}
      </div>
    </>
  );
}
