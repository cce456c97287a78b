/** Indicator sets as people write them: "1-10, 12, 15–18" <-> [1..10, 12, 15, 16, 17, 18]. */

/**
 * A list read from text. When refused, `message` names every problem at once (text that is no
 * number, reversed ranges, numbers the instrument lacks), and `numbers` still holds the known
 * indicators that were read, so a form can say more about them.
 */
export type ParsedList =
  { ok: true; numbers: number[] } | { ok: false; message: string; numbers: number[] };

export function parseIndicatorList(text: string, known: readonly number[]): ParsedList {
  const knownSet = new Set(known);
  const out = new Set<number>();
  const notNumbers: string[] = [];
  const reversed: string[] = [];
  // Numbers the instrument lacks, as [from, to] runs: "1-2000" is one run, not 1953 numbers.
  const unknown: [number, number][] = [];
  const top = Math.max(0, ...known);
  const parts = text
    // "1 - 25" is one range, not three parts.
    .replace(/\s*([-–])\s*/g, '$1')
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const take = (n: number): void => {
    if (knownSet.has(n)) out.add(n);
    else unknown.push([n, n]);
  };
  for (const part of parts) {
    const range = /^(\d+)[-–](\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to) reversed.push(part);
      else {
        for (let n = from; n <= Math.min(to, top); n += 1) take(n);
        if (to > top) unknown.push([Math.max(from, top + 1), to]);
      }
    } else if (/^\d+$/.test(part)) take(Number(part));
    else notNumbers.push(part);
  }
  const numbers = [...out].sort((a, b) => a - b);
  const problems: string[] = [];
  if (notNumbers.length > 0)
    problems.push(
      `${notNumbers.map((p) => `"${p}"`).join(', ')} bukan nomor indikator atau rentang (contoh: 1-10, 12)`,
    );
  for (const part of reversed) problems.push(`Rentang "${part}" terbalik`);
  if (unknown.length > 0)
    problems.push(
      `Indikator ${formatRuns(unknown)} tidak ada (instrumen ini memuat indikator ${formatIndicatorList(known)})`,
    );
  if (problems.length > 0) return { ok: false, message: problems.join('; '), numbers };
  return { ok: true, numbers };
}

/** [from, to] runs written as a list: [[21, 25], [30, 30], [24, 26]] → "21–26, 30". */
function formatRuns(runs: readonly [number, number][]): string {
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}–${hi}`)).join(', ');
}

export function formatIndicatorList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const n of [...sorted, Number.NaN]) {
    if (start !== undefined && prev !== undefined && n === prev + 1) {
      prev = n;
      continue;
    }
    if (start !== undefined && prev !== undefined)
      parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = n;
    prev = n;
  }
  return parts.join(', ');
}
