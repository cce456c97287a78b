/**
 * The coordinator's decision on one conflict as the form holds it, and its conversion to a
 * `Resolution` checked by the shared schema (a reason is always required).
 */
import { isDecimalScale, parseValue, type InstrumentPack } from '../../../../shared/instrument';
import { resolutionSchema, type Conflict, type Resolution } from '../../../../shared/merge';

export interface DecisionDraft {
  /** "side:<sourceId>", "written", or "" (not chosen yet). */
  choice: string;
  /** The written level/value as typed ("" = not filled). */
  value: string;
  justification: string;
  agency: string;
  reason: string;
}

export const emptyDecision: DecisionDraft = {
  choice: '',
  value: '',
  justification: '',
  agency: '',
  reason: '',
};

/** The message at the written value's field when it is left empty. */
export const writtenValueMissing = (pack?: InstrumentPack): string =>
  pack && isDecimalScale(pack)
    ? 'Nilai yang ditetapkan wajib diisi.'
    : 'Tingkat yang ditetapkan wajib dipilih.';

export type DecisionCheck =
  { ok: true; resolution: Resolution } | { ok: false; problems: string[] };

/** The draft as a resolution, or what is still missing (Indonesian). */
export function toResolution(
  conflict: Conflict,
  draft: DecisionDraft | undefined,
  decidedBy: Resolution['decidedBy'],
  decidedAt: number,
  /** The evaluation's pack: a written value is read on its scale ("2,75", range, decimals). */
  pack?: InstrumentPack,
): DecisionCheck {
  const d = draft ?? emptyDecision;
  const problems: string[] = [];
  let choice: Resolution['choice'] | null = null;
  if (d.choice.startsWith('side:')) {
    const sourceId = d.choice.slice('side:'.length);
    if (conflict.sides.some((s) => s.sourceIds.includes(sourceId))) {
      choice = { kind: 'side', sourceId };
    }
  } else if (d.choice === 'written') {
    // A settled answer names its value: an empty one would leave the indicator unanswered (a
    // version that cleared it is still taken as that version).
    if (d.value.trim() === '') return { ok: false, problems: [writtenValueMissing(pack)] };
    const read = pack ? parseValue(pack, d.value) : null;
    const value =
      read && read.ok
        ? read.value
        : d.value.trim() === ''
          ? null
          : Number(d.value.replace(',', '.'));
    if (read && !read.ok) problems.push(`Nilai yang ditetapkan tidak sah: ${read.message}.`);
    else if (value !== null && !Number.isFinite(value))
      problems.push('Tingkat yang ditetapkan tidak sah.');
    else
      choice = {
        kind: 'written',
        value,
        justification: d.justification,
        agency: d.agency,
      };
  }
  if (!choice && problems.length === 0)
    problems.push('Pilih salah satu versi atau tetapkan jawaban.');
  if (!choice) return { ok: false, problems };
  const parsed = resolutionSchema.safeParse({
    indicator: conflict.indicator,
    choice,
    reason: d.reason,
    decidedBy,
    decidedAt,
  });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  return { ok: true, resolution: parsed.data };
}
