/**
 * The order of the evidence library's list, chosen by the user ("Urutkan"). Every order ends in
 * the same tie-breaks (title in natural order, then file name, then id), so a list of hundreds of
 * documents added in one pick (they share one moment of adding) reads "Nomor 2" before
 * "Nomor 10" and stays in place between visits instead of following the random ids.
 */
import { evidenceKindLabel, type Evidence } from '../../../../shared/assessment';

export const libraryOrders = ['baru', 'judul', 'jenis', 'ukuran', 'indikator'] as const;
export type LibraryOrder = (typeof libraryOrders)[number];

export const libraryOrderLabel: Record<LibraryOrder, string> = {
  baru: 'Terbaru ditambahkan',
  judul: 'Judul (A–Z)',
  jenis: 'Jenis dokumen',
  ukuran: 'Ukuran terbesar',
  indikator: 'Nomor indikator (belum dipakai di akhir)',
};

export const isLibraryOrder = (v: string): v is LibraryOrder =>
  (libraryOrders as readonly string[]).includes(v);

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

const shownTitle = (e: Evidence): string => e.title || e.fileName;

/** The tie-breaks every order ends in. */
const byTitle = (a: Evidence, b: Evidence): number =>
  collator.compare(shownTitle(a), shownTitle(b)) ||
  collator.compare(a.fileName, b.fileName) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The documents in `order`; `indicatorsOf` gives the indicators each is linked to (for the
 * indicator order, where unlinked documents come last). Returns a new array.
 */
export function sortEvidence(
  list: readonly Evidence[],
  order: LibraryOrder,
  indicatorsOf: ReadonlyMap<string, readonly number[]>,
): Evidence[] {
  const firstIndicator = (e: Evidence): number => {
    const used = indicatorsOf.get(e.id) ?? [];
    return used.length > 0 ? Math.min(...used) : Number.POSITIVE_INFINITY;
  };
  const compare: Record<LibraryOrder, (a: Evidence, b: Evidence) => number> = {
    baru: (a, b) => b.addedAt - a.addedAt,
    judul: () => 0,
    jenis: (a, b) => collator.compare(evidenceKindLabel[a.kind], evidenceKindLabel[b.kind]),
    ukuran: (a, b) => b.size - a.size,
    indikator: (a, b) => {
      const x = firstIndicator(a);
      const y = firstIndicator(b);
      return x === y ? 0 : x < y ? -1 : 1;
    },
  };
  return [...list].sort((a, b) => compare[order](a, b) || byTitle(a, b));
}
