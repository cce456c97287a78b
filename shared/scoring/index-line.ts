/**
 * One line naming the index a set of answers gives, as a summary reads it before anything is
 * stored: "Indeks SPBE 2,95 (Baik) · 47 dari 47 indikator terisi". Used where a file's answers
 * are shown before they are imported or merged.
 */
import type { InstrumentPack } from '../instrument/schema';
import { checkValues, score, type IndicatorValues } from './score';

export function indexLine(pack: InstrumentPack, values: IndicatorValues): string {
  if (checkValues(pack, values).length > 0) return `${pack.indexLabel} tidak dapat dihitung`;
  const result = score(pack, values);
  if (!result.overall)
    // Awaited external indices alone make no index (score.ts); say they are awaited.
    return [
      `${pack.indexLabel} belum dapat dihitung: belum ada nilai`,
      ...(result.awaitingExternal.length > 0
        ? [`${result.awaitingExternal.length} menunggu nilai eksternal`]
        : []),
    ].join(' · ');
  const { display, rating, exactDisplay } = result.overall;
  const parts = [
    `${pack.indexLabel} ${display} (${rating}${exactDisplay ? `; tepatnya ${exactDisplay}` : ''})`,
    `${result.answered} dari ${result.total} indikator terisi`,
  ];
  if (result.awaitingExternal.length > 0)
    parts.push(`${result.awaitingExternal.length} menunggu nilai eksternal`);
  return parts.join(' · ');
}
