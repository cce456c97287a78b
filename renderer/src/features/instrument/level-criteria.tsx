/** The criteria of every level of one indicator side by side, with the scale's level names. */
import type { Indicator, LevelScale } from '../../../../shared/instrument';

export function LevelCriteria({
  indicator,
  scale,
  highlight,
}: {
  indicator: Indicator;
  scale: LevelScale;
  highlight?: number | null;
}) {
  return (
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
            <p>{level?.criteria}</p>
          </div>
        );
      })}
    </div>
  );
}
