/**
 * Why an evaluation has no index yet, in the words every surface uses (dashboard, report,
 * Berita Acara, CLI): "Belum ada indikator yang dinilai; Indeks Pemdi belum dapat dihitung.
 * 4 indikator menunggu nilai eksternal; nilai anggapannya baru dihitung setelah ada indikator
 * yang dinilai." Assumed values alone make no index (see score.ts).
 */
import type { InstrumentPack } from '../instrument/schema';
import type { ScoreResult } from './score';

/** "4 indikator menunggu nilai eksternal; nilai anggapannya baru dihitung setelah …". */
export const awaitingUncountedText = (count: number): string =>
  `${count} indikator menunggu nilai eksternal; nilai anggapannya baru dihitung setelah ada ` +
  'indikator yang dinilai.';

/** The sentence saying why there is no index, or null when there is one. */
export function noIndexText(
  pack: Pick<InstrumentPack, 'indexLabel'>,
  result: Pick<ScoreResult, 'overall' | 'awaitingExternal'>,
): string | null {
  if (result.overall) return null;
  const awaiting = result.awaitingExternal.length;
  return (
    `Belum ada indikator yang dinilai; ${pack.indexLabel} belum dapat dihitung.` +
    (awaiting > 0 ? ` ${awaitingUncountedText(awaiting)}` : '')
  );
}
