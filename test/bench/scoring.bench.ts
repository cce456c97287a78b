/** Scoring figures: a full 47-indicator recompute, as the dashboard does on every level change. */
import { defaultPack } from '../../shared/instrument';
import { score } from '../../shared/scoring';
import { report, timeMs } from './harness';

export async function benchScoring(): Promise<void> {
  const pack = defaultPack();
  const levels: Record<number, number> = {};
  for (let i = 1; i <= 47; i += 1) levels[i] = ((i * 7) % 5) + 1;

  const iterations = 200;
  const exact = await timeMs(() => {
    for (let i = 0; i < iterations; i += 1) score(pack, levels);
  });
  // Baseline: the same weighted sum in plain floating point, no tree, no presentation.
  const weights = Object.keys(levels).map(
    (k) =>
      pack.groups
        .flatMap((d) => (d.groups ?? []).flatMap((a) => a.indicators ?? []))
        .find((x) => x.number === Number(k))?.weight ?? 0,
  );
  const float = await timeMs(() => {
    for (let i = 0; i < iterations; i += 1) {
      let s = 0;
      for (let j = 0; j < weights.length; j += 1) s += (levels[j + 1] ?? 0) * (weights[j] ?? 0);
      if (s < 0) throw new Error('unreachable');
    }
  });
  const perRecompute = exact / iterations;
  report({
    name: 'scoring: 47-indicator recompute (exact)',
    value: perRecompute * 1000,
    unit: 'µs',
    ratio: { value: exact / Math.max(float, 1e-6), baseline: 'plain float weighted sum' },
    note: 'goal for the dashboard: well under 50 ms',
  });
}
