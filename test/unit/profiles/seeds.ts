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
