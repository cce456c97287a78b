/** Axis labels of the dashboard's charts: a group's name folded into short lines under its bar. */

/**
 * The words of `name` in lines of at most `width` characters, at most `lines` lines; a word
 * longer than a line is cut, and text beyond the last line ends it with "…".
 */
export function wrapWords(name: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = name.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!.length > width ? `${words[i]!.slice(0, width - 1)}…` : words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) {
      line = next;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines) {
      // No room for the rest: the last line ends with an ellipsis.
      const last = out[lines - 1]!;
      out[lines - 1] = last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`;
      return out;
    }
  }
  if (line) out.push(line);
  return out;
}
