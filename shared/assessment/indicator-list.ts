/** Indicator sets as people write them: "1-10, 12, 15–18" <-> [1..10, 12, 15, 16, 17, 18]. */

export type ParsedList = { ok: true; numbers: number[] } | { ok: false; message: string };

export function parseIndicatorList(text: string, known: readonly number[]): ParsedList {
  const knownSet = new Set(known);
  const out = new Set<number>();
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
    const single = /^\d+$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to) return { ok: false, message: `Rentang "${part}" terbalik` };
      for (let n = from; n <= to; n += 1) {
        if (!knownSet.has(n))
          return { ok: false, message: `Indikator ${n} tidak ada dalam instrumen` };
        out.add(n);
      }
    } else if (single) {
      const n = Number(part);
      if (!knownSet.has(n))
        return { ok: false, message: `Indikator ${n} tidak ada dalam instrumen` };
      out.add(n);
    } else {
      return {
        ok: false,
        message: `"${part}" bukan nomor indikator atau rentang (contoh: 1-10, 12)`,
      };
    }
  }
  return { ok: true, numbers: [...out].sort((a, b) => a - b) };
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
