/**
 * Which instansi Daftar Evaluasi shows: a staff keeping five years of two regions' evaluations
 * (with copies and archived drafts) reads thirty rows and more; the list can be narrowed to one
 * instansi. An instansi is its name (case and spacing aside) and its kind, as the trend and the
 * report's comparison group the years of one instansi.
 */
import { compareText } from '../../../../shared/format/list';
import type { Evaluation } from '../../../../shared/assessment';

/** The key of `e`'s instansi: its kind and its name, case and spacing aside. */
export const instansiKey = (e: Pick<Evaluation, 'instansi'>): string =>
  `${e.instansi.kind}:${e.instansi.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id')}`;

export interface InstansiChoice {
  key: string;
  /** The name as its most recently changed evaluation spells it. */
  name: string;
  /** How many evaluations of it the list would show. */
  count: number;
}

/** One choice per instansi among `shown`, by name as an Indonesian reader looks for it. */
export function instansiChoices(
  shown: readonly Pick<Evaluation, 'instansi' | 'updatedAt'>[],
): InstansiChoice[] {
  const byKey = new Map<string, InstansiChoice & { updatedAt: number }>();
  for (const e of shown) {
    const key = instansiKey(e);
    const held = byKey.get(key);
    const name = e.instansi.name.trim();
    if (!held) byKey.set(key, { key, name, count: 1, updatedAt: e.updatedAt });
    else {
      held.count += 1;
      if (e.updatedAt > held.updatedAt) Object.assign(held, { name, updatedAt: e.updatedAt });
    }
  }
  return [...byKey.values()]
    .map(({ key, name, count }) => ({ key, name, count }))
    .sort((a, b) => compareText(a.name, b.name));
}
