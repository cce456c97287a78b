/**
 * What a pack shows to assessors and prints in reports is Indonesian. The packs' provenance (the
 * references after "Sumber:", indicator notes) may keep the authors' working language; the
 * explanation before "Sumber:", index names, explanations, criteria and butir notes may not.
 */
import { describe, expect, it } from 'vitest';
import { builtInPacks, indicatorEntries, splitSource } from '../../../shared/instrument';

/** Words that only English prose has (none is an Indonesian word or a usual loan). */
const ENGLISH = /\b(the|and|of|which|is|are|not|for|from|with|was|were|inside|better|note)\b/i;

function userTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  for (const pack of builtInPacks()) {
    for (const { indicator } of indicatorEntries(pack)) {
      const at = `${pack.shortTitle} indikator ${indicator.number}`;
      const add = (what: string, text: string | null | undefined) => {
        if (text) texts.push({ where: `${at} ${what}`, text });
      };
      add('nama', indicator.name);
      const x = indicator.externalIndex;
      if (x) {
        add('nama indeks', x.name);
        add('penjelasan konversi', splitSource(x.source).explanation);
      }
      for (const t of indicator.explanation.indicator) add('penjelasan', t);
      for (const t of indicator.explanation.judgement) add('penjelasan penilaian', t);
      for (const level of indicator.levels) {
        add(`tingkat ${level.level}`, level.criteria);
        for (const b of level.butir ?? []) {
          add(`butir ${b.code}`, b.text);
          add(`catatan butir ${b.code}`, b.note);
        }
      }
    }
  }
  return texts;
}

describe('texts users read from a pack', () => {
  it('are Indonesian on every built-in pack', () => {
    const english = userTexts().filter(({ text }) => ENGLISH.test(text));
    expect(english.map(({ where, text }) => `${where}: ${text.slice(0, 120)}`)).toEqual([]);
  });

  it('keeps the conversion explained and its references apart', () => {
    expect(splitSource('Rentang sama dengan nilai. Sumber: A=github:x/y data.json@abc')).toEqual({
      explanation: 'Rentang sama dengan nilai.',
      references: 'A=github:x/y data.json@abc',
    });
    expect(splitSource('A=github:x/y data.json@abc (final module text)')).toEqual({
      explanation: '',
      references: 'A=github:x/y data.json@abc (final module text)',
    });
  });
});
