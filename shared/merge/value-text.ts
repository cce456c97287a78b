/**
 * How merge and import screens (and the Berita Acara) write an answer's value and its Pemdi
 * details: "Tingkat 3 — Terdefinisi" on 59/2020, "2,75 (Berkembang)" on a decimal pack, the
 * entered source index ("Indeks SDI 68,75"), and which butir statuses differ between versions.
 */
import {
  butirStatusLabel,
  butirStatusOf,
  sameExternal,
  type Answer,
  type ExternalInput,
} from '../assessment/answer';
import {
  describeValue,
  findIndicator,
  formatExternalInput,
  isDecimalScale,
  levelOfValue,
  type InstrumentPack,
} from '../instrument';

/** "Belum diisi", "Tingkat 3 — Terdefinisi" (level scale) or "2,75 (Berkembang)" (decimal). */
export function valueText(pack: InstrumentPack, indicator: number, value: number | null): string {
  if (value === null) return 'Belum diisi';
  const entry = findIndicator(pack, indicator);
  if (isDecimalScale(pack)) return entry ? describeValue(pack, entry.scale, value) : String(value);
  const name = entry ? levelOfValue(pack, entry.scale, value)?.name : undefined;
  return `Tingkat ${value}${name ? ` — ${name}` : ''}`;
}

/** The value as a short cell: "3 — Terdefinisi" (level scale) or "2,75 (Berkembang)". */
export function valueCell(pack: InstrumentPack, indicator: number, value: number | null): string {
  const text = valueText(pack, indicator, value);
  return isDecimalScale(pack) || value === null ? text : text.replace(/^Tingkat /, '');
}

/** The entered source index of an external-index indicator: "Indeks SDI 68,75 (2025)". */
export function externalText(
  pack: InstrumentPack,
  indicator: number,
  external: ExternalInput | null | undefined,
): string | null {
  if (!external) return null;
  const ext = findIndicator(pack, indicator)?.indicator.externalIndex;
  const name = ext?.shortName ?? 'Indeks sumber';
  return `${name} ${formatExternalInput(external.input)}${external.year !== null ? ` (${external.year})` : ''}`;
}

/** Whether the answers' entered source indices differ (then each side shows its own). */
export const externalsDiffer = (answers: readonly Pick<Answer, 'external'>[]): boolean =>
  answers.some((a) => !sameExternal(a.external, answers[0]?.external));

/** One butir whose status differs between versions, with each version's status label. */
export interface ButirDifference {
  code: string;
  text: string;
  statuses: string[];
}

/** The butir whose statuses differ between the answers (in the pack's order), each side's label. */
export function butirDifferences(
  pack: InstrumentPack,
  indicator: number,
  answers: readonly Pick<Answer, 'butir'>[],
): ButirDifference[] {
  const entry = findIndicator(pack, indicator);
  const known = entry ? entry.indicator.levels.flatMap((l) => l.butir) : [];
  const codes = new Set(answers.flatMap((a) => Object.keys(a.butir ?? {})));
  const ordered = [
    ...known.filter((b) => codes.has(b.code)),
    ...[...codes]
      .filter((c) => !known.some((b) => b.code === c))
      .map((code) => ({ code, text: '' })),
  ];
  return ordered.flatMap((b) => {
    const statuses = answers.map((a) => butirStatusOf(a, b.code));
    return statuses.every((s) => s === statuses[0])
      ? []
      : [{ code: b.code, text: b.text, statuses: statuses.map((s) => butirStatusLabel[s]) }];
  });
}
