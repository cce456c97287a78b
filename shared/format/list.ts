/**
 * A list as an Indonesian sentence says it: "a", "a dan b", "a, b, dan c" (the serial comma of
 * formal Indonesian, as PUEBI writes "kertas, pena, dan tinta"). One rule for the report, the
 * compliance findings and the chart notes.
 */
export function joinList(items: readonly (string | number)[], conjunction = 'dan'): string {
  const s = items.map(String);
  if (s.length <= 1) return s[0] ?? '';
  if (s.length === 2) return `${s[0]} ${conjunction} ${s[1]}`;
  return `${s.slice(0, -1).join(', ')}, ${conjunction} ${s[s.length - 1]}`;
}

const collator = new Intl.Collator('id-ID', { sensitivity: 'accent', numeric: true });

/**
 * Names and other text in the order an Indonesian reader looks for them: alphabetical with case
 * aside ("budi", "Citra", "dr. Ani", "Zaki"), numbers by value. For `Array.prototype.sort`.
 */
export const compareText = (a: string, b: string): number => collator.compare(a, b);
