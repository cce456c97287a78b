/**
 * How a pack's indices are computed, in words, from its tiers and total weight (PermenPANRB
 * 59/2020 Lampiran II.B.4, Tabel 10–12; for 8/2026 the formula of the pemdi-2026 reference):
 * each tier's index is Σ(child × weight) / the group's weight, the whole index Σ / total weight.
 * One text for the Instrumen screen, Bantuan and the report's methodology.
 */
import { formatWeight } from '../format/number';
import type { InstrumentPack } from './schema';

/**
 * One sentence per index, lowest tier first: "Indeks Aspek adalah jumlah hasil kali nilai setiap
 * indikator dengan bobotnya, dibagi bobot aspek tersebut", …, "Indeks SPBE adalah … dibagi 100".
 */
export function indexFormulaParts(
  pack: Pick<InstrumentPack, 'tiers' | 'indexLabel' | 'totalWeight'>,
): string[] {
  const up = [...pack.tiers].reverse();
  const parts = up.map((tier, i) => {
    const child = i === 0 ? 'nilai setiap indikator' : (up[i - 1]?.indexLabel.toLowerCase() ?? '');
    return `${tier.indexLabel} adalah jumlah hasil kali ${child} dengan bobotnya, dibagi bobot ${tier.label.toLowerCase()} tersebut`;
  });
  const top = pack.tiers[0]?.indexLabel.toLowerCase() ?? 'nilai setiap indikator';
  parts.push(
    `${pack.indexLabel} adalah jumlah hasil kali ${top} dengan bobotnya, dibagi ${formatWeight(pack.totalWeight)}`,
  );
  return parts;
}

/** The formulas as one sentence, as the report's methodology prints them. */
export const indexFormulaText = (
  pack: Pick<InstrumentPack, 'tiers' | 'indexLabel' | 'totalWeight'>,
): string => `${indexFormulaParts(pack).join('; ')}.`;
