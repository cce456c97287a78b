/**
 * The five regulation texts (copies of ../shared/seeds under readable names) and a deliberately
 * small, independent article finder used to check the profiles against them: it shares no code
 * with shared/profiles/articles.ts, so a fault in the app's splitter cannot hide a bad quote.
 */
import { readFileSync } from 'node:fs';
import { repoRoot } from '../helpers';

export const seedFiles = {
  'kota-bengkulu': 'perwal-bengkulu-15-2022.txt',
  'kabupaten-belitung-timur': 'perbup-belitung-timur-2022.txt',
  'kota-balikpapan': 'perwal-balikpapan-14-2022.txt',
  'kota-bandar-lampung': 'perwal-bandar-lampung.txt',
  'kabupaten-mojokerto': 'perbup-mojokerto-15-2021.txt',
} as const;

export type SeedProfileId = keyof typeof seedFiles;

export const seedProfileIds = Object.keys(seedFiles) as SeedProfileId[];

export function readSeed(id: SeedProfileId): string {
  return readFileSync(`${repoRoot}/test/fixtures/seeds/${seedFiles[id]}`, 'utf8');
}

/** Whitespace, markdown marks and PDF line-break hyphenation do not count as differences. */
export const flat = (s: string): string =>
  s
    .replace(/[*#]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(\w)- (\w)/g, '$1-$2')
    .trim();

/**
 * The text of "Pasal n" in a seed: from its heading line to the heading of the next article.
 * Headings are found in order (Pasal 1, 2, …), so an earlier cross-reference cannot match.
 */
export function seedArticle(seed: string, n: number): string | null {
  const lines = seed.split('\n');
  const isHeading = (line: string, k: number) =>
    line.replace(/[#*]/g, '').trim() === `Pasal ${k}` || line.trimEnd().endsWith(`**Pasal ${k}**`);
  let from = -1;
  for (let k = 1, i = 0; k <= n; k += 1) {
    while (i < lines.length && !isHeading(lines[i] ?? '', k)) i += 1;
    if (i >= lines.length) return null;
    from = i;
    i += 1;
  }
  let to = from + 1;
  while (to < lines.length && !isHeading(lines[to] ?? '', n + 1)) to += 1;
  return lines.slice(from + 1, to).join('\n');
}

/**
 * The flattened text of the item a reference names inside an article of a seed: "Pasal 1 angka 6"
 * → the sixth definition, "Pasal 41 ayat (1) huruf b" → item b of that paragraph; null when it
 * cannot be found. A paragraph "(k)" or item "b." counts only where it is not a cross-reference
 * ("ayat (2)", "huruf b", "angka 6"). Like `seedArticle`, it shares no code with the app.
 */
export function seedItem(seed: string, ref: string): string | null {
  const m = /^Pasal (\d+)(?: ayat \((\d+)\))?(?: huruf ([a-z]))?(?: angka (\d+))?$/.exec(ref);
  if (!m) return null;
  const article = seedArticle(seed, Number(m[1]));
  if (article === null) return null;
  let text = flat(article);
  const between = (start: RegExp, end: RegExp): string | null => {
    const from = start.exec(text);
    if (!from) return null;
    const rest = text.slice(from.index + from[0].length);
    const to = end.exec(rest);
    return to ? rest.slice(0, to.index) : rest;
  };
  if (m[2] !== undefined) {
    const k = Number(m[2]);
    const found = between(
      new RegExp(`(?<!ayat )\\(${k}\\) `),
      new RegExp(`(?<!ayat )\\(${k + 1}\\) `),
    );
    if (found === null) return null;
    text = found;
  }
  const letter = m[3];
  if (letter !== undefined) {
    const next = String.fromCharCode(letter.charCodeAt(0) + 1);
    return between(
      new RegExp(`(?:^|(?<!huruf) )${letter}\\. `),
      new RegExp(`(?<!huruf) ${next}\\. `),
    );
  }
  if (m[4] !== undefined) {
    const k = Number(m[4]);
    return between(new RegExp(`(?:^|(?<!angka) )${k}\\. `), new RegExp(`(?<!angka) ${k + 1}\\. `));
  }
  return text;
}
