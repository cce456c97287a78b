/** Test helpers shared by unit tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export function readJson<T = unknown>(relativeToRepo: string): T {
  return JSON.parse(readFileSync(`${repoRoot}/${relativeToRepo}`, 'utf8')) as T;
}

/** "3412..." (one digit per indicator, in instrument order) -> {1:3, 2:4, ...}. */
export function levelsFromDigits(digits: string): Record<number, number> {
  const out: Record<number, number> = {};
  [...digits].forEach((d, i) => {
    out[i + 1] = Number(d);
  });
  return out;
}
