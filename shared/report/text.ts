/**
 * Small helpers for writing the report's Indonesian prose: lists joined with "dan", ranges of
 * indicator numbers, summaries of long justifications, Roman chapter numbers, document citations.
 */
import { evidenceKindLabel, type Evidence, type EvidenceLink } from '../assessment';
import { formatDate } from '../format/date';
import { joinList } from '../format/list';

export { joinList };

/** [1,2,3,5,7,8] -> "1–3, 5, 7–8" (compact, for a table cell; in a sentence use rangeProse). */
export function rangeText(numbers: readonly number[]): string {
  return rangeParts(numbers).join(', ');
}

/** [1,2,3,5,7,8] -> "1–3, 5, dan 7–8"; [5,18] -> "5 dan 18": a list as a sentence says it. */
export function rangeProse(numbers: readonly number[]): string {
  return joinList(rangeParts(numbers));
}

function rangeParts(numbers: readonly number[]): string[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const n of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break;
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = n;
    prev = n;
  }
  return parts;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * A justification shortened for a table cell or a sentence: whole sentences up to `max`
 * characters, else cut at a word boundary with an ellipsis. Never invents text.
 */
export function summarise(text: string, max = 240): string {
  const clean = collapse(text);
  if (clean.length <= max) return clean;
  const sentences = clean.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
  let out = '';
  for (const s of sentences) {
    if ((out + s).trim().length > max) break;
    out += s;
  }
  if (out.trim().length >= max / 3) return out.trim();
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** "tingkat 3", "tingkat 2–3", "tingkat 1, 3". */
export function levelsText(levels: readonly number[]): string {
  return levels.length === 0 ? '' : `tingkat ${rangeText(levels)}`;
}

/**
 * One line citing a document as the report names it: the title (or the file name), its number
 * unless the title already carries it, its date, and where in it the indicator is backed.
 */
export function citeDocument(
  doc: Pick<Evidence, 'title' | 'number' | 'documentDate' | 'fileName' | 'kind'>,
  note = '',
): string {
  const title = collapse(doc.title) || `${evidenceKindLabel[doc.kind]} (${doc.fileName})`;
  const parts = [title];
  const number = collapse(doc.number);
  if (number && !title.includes(number)) parts.push(`Nomor ${number}`);
  if (doc.documentDate) parts.push(`tanggal ${formatDate(doc.documentDate)}`);
  const where = collapse(note);
  return `${parts.join(', ')}${where ? ` (${where})` : ''}`;
}

/**
 * A document as a line of a list: its kind, then its citation, unless the title already begins
 * with the kind's first word ("Laporan Keterpaduan Layanan…", not "Laporan: Laporan Keterpaduan
 * Layanan…"; "Peraturan Wali Kota…" is already a Peraturan Kepala Daerah).
 */
export function kindAndCitation(kindLabel: string, citation: string): string {
  const firstWord = (text: string): string => (text.trim().split(/\s+/)[0] ?? '').toLowerCase();
  return firstWord(kindLabel) === firstWord(citation) ? citation : `${kindLabel}: ${citation}`;
}

/** Link levels, highest first, for choosing the strongest evidence of an indicator. */
export const strongestFirst = (a: EvidenceLink, b: EvidenceLink): number =>
  Math.max(0, ...b.levels) - Math.max(0, ...a.levels);

/** "Koordinator SPBE" -> "koordinator SPBE" (acronyms keep their case). */
export const lowerFirst = (s: string): string =>
  /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

/**
 * A pack's explanatory text as a report may print it: sentences about the pack itself ("Ini
 * asumsi paket ini, bukan aturan Peraturan") are left out; the rest is kept word for word.
 */
export function reportableText(text: string): string {
  const sentences = collapse(text).match(/[^.!?]+(?:[.!?]+|$)/g) ?? [];
  return sentences
    .filter((s) => !/\b(paket|asumsi)\b/i.test(s))
    .join('')
    .trim();
}

/** "Indeks SDI tahun 2025 sebesar 58,4": the entered index an indicator's value is converted from. */
export const externalSourceText = (x: {
  source: string;
  display: string;
  year: number | null;
}): string => `${x.source}${x.year !== null ? ` tahun ${x.year}` : ''} sebesar ${x.display}`;
