/**
 * Indonesian number presentation: decimal comma, dot for thousands (2,95 · 1.234,5).
 * Index values are rounded exactly by shared/scoring; this module only writes them.
 */

/** "2947.50" (dot decimal, as produced by exact rounding) -> "2.947,50". */
export function formatFixed(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [int = '0', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('id-ID', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A plain number (a count, a weight, a measured figure) with a decimal comma. For index values
 * use the display text from shared/scoring, which is rounded exactly.
 */
export function formatNumber(value: number, decimals = 2, minDecimals = decimals): string {
  return numberFormat(minDecimals, decimals).format(value);
}

/** A weight as the regulation prints it: 13 · 16,5 · 1,30 is printed 1,3. */
export function formatWeight(value: number): string {
  return formatNumber(value, 2, 0);
}

/** File sizes in the units an Indonesian user reads: "5,2 MB". Powers of 1024. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, 1, value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "75%" style percentage of a ratio 0..1, with a decimal comma when needed. */
export function formatPercent(ratio: number, decimals = 0): string {
  return `${formatNumber(ratio * 100, decimals, 0)}%`;
}
