/**
 * Profiles with mappings for more than one instrument: the PermenPANRB 8/2026 (Indeks Pemdi)
 * mappings of the five built-in profiles quote their seeds and name real Pemdi indicators; every
 * reader picks the mapping of the evaluation's instrument and says quietly when there is none;
 * an old single-instrument profile file still imports.
 */
import { describe, expect, it } from 'vitest';
import type { EvaluationSnapshot } from '../../../shared/assessment';
import { findIndicator, findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  checkCitations,
  checkObligation,
  checkOtherMappings,
  findProfile,
  mappedInstrumentIds,
  mappingFor,
  mappingOf,
  noMappingText,
  parseArticleRef,
  parseProfile,
  parseProfileFile,
  PROFILE_FILE_FORMAT,
  regulationEvidencePlan,
  serializeProfile,
  type Profile,
} from '../../../shared/profiles';
import { evaluationOf } from './evaluation';
import { flat, readSeed, seedArticle, seedProfileIds } from './seeds';

const P59 = 'permenpanrb-59-2020';
const PEMDI = 'permenpanrb-8-2026';
const pack59 = findPack(P59) as InstrumentPack;
const pemdi = findPack(PEMDI) as InstrumentPack;

const profile = (id: string): Profile => findProfile(id) as Profile;

/** The profile as if written before `otherMappings` existed. */
const oldShape = (p: Profile): Profile => {
  const { otherMappings: _dropped, ...rest } = p;
  return rest;
};

const snapshot = (pack: InstrumentPack, answers: Record<number, number>): EvaluationSnapshot =>
  evaluationOf({ pack, year: pack.id === PEMDI ? 2026 : 2025, answers });

describe.each(seedProfileIds)('Pemdi mapping of %s', (id) => {
  const p = profile(id);
  const seed = readSeed(id);
  const seedFlat = flat(seed);
  const mapping = mappingOf(p, PEMDI) ?? [];

  it('keeps 59/2020 as its own instrument and adds PermenPANRB 8/2026', () => {
    expect(p.instrumentId).toBe(P59);
    expect(mappedInstrumentIds(p)).toEqual([P59, PEMDI]);
    expect(mappingOf(p, P59)).toBe(p.mapping);
    expect(mapping.length).toBeGreaterThanOrEqual(8);
  });

  // Indicators 5, 6, 7 and 18 take their value from another agency's index (Indeks SDI, …): the
  // scoring page says so, and an argument telling the assessor to set that value would contradict it.
  it('does not tell the assessor to set the value of an indicator converted from another index', () => {
    for (const entry of mapping) {
      const external = findIndicator(pemdi, entry.indicator)?.indicator.externalIndex;
      if (!external) continue;
      expect(entry.argument).not.toMatch(/Nilai indikator ditetapkan asesor/);
      expect(entry.argument).toContain(
        `Nilai indikator ini dikonversi dari ${external.shortName}, tidak diisi langsung oleh asesor.`,
      );
    }
  });

  it('names existing Pemdi indicators, once each, as legal basis without a suggested value', () => {
    const numbers = mapping.map((e) => e.indicator);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const entry of mapping) {
      const found = findIndicator(pemdi, entry.indicator);
      expect(found, `indikator ${entry.indicator}`).toBeDefined();
      expect(entry.role).toBe('mandate');
      expect(entry.suggestedLevels).toBeNull();
      expect(entry.articles.length).toBeGreaterThan(0);
      expect(entry.argument).toContain(found?.indicator.name ?? '?');
    }
    // The topics the regulations share: governance, data, security, audit, apps, infrastructure.
    for (const n of [1, 5, 9, 10, 13, 14]) expect(numbers).toContain(n);
    // Every regulation puts the regional sites or services under one portal (6.3).
    expect(numbers).toContain(17);
    // A regulation that sets up a Service Desk maps it to user support (7.1), and only then.
    expect(numbers.includes(19)).toBe(/Service Desk Tier 2/.test(flat(seed)));
    // Risk, knowledge and change management (59/2020 indicators 21, 26, 27) have no Pemdi
    // counterpart: nothing of theirs is mapped that another topic does not also carry.
    expect(checkOtherMappings(p, findPack)).toEqual({ problems: [], unknown: [] });
  });

  it('quotes phrases that stand in the cited article of the seed text', () => {
    for (const entry of mapping) {
      for (const c of entry.articles) {
        const where = `Pemdi ${entry.indicator}: ${c.ref}`;
        const ref = parseArticleRef(c.ref);
        expect(ref, where).not.toBeNull();
        const quote = flat(c.quote);
        expect(seedFlat, where).toContain(quote);
        if (ref?.kind === 'article') {
          expect(flat(seedArticle(seed, ref.article) ?? ''), where).toContain(quote);
        }
      }
    }
    expect(checkCitations(p, seed)).toEqual([]);
  });
});

describe('picking the mapping of the evaluation instrument', () => {
  const bengkulu = profile('kota-bengkulu');

  it('finds an entry by the instrument, never across instruments', () => {
    // Indicator 21 is Manajemen Risiko in 59/2020; Pemdi has only 20 indicators.
    expect(mappingFor(bengkulu, 21)?.indicator).toBe(21);
    expect(mappingFor(bengkulu, 21, P59)?.indicator).toBe(21);
    expect(mappingFor(bengkulu, 21, PEMDI)).toBeUndefined();
    // Indicator 3 is Manajemen Data in 59/2020 and SDM in Pemdi: different articles.
    const data59 = mappingFor(bengkulu, 3, P59);
    const sdm = mappingFor(bengkulu, 3, PEMDI);
    expect(data59?.covers).not.toBe(sdm?.covers);
    expect(sdm?.covers).toMatch(/SDM|kompetensi/i);
    expect(mappingOf(oldShape(bengkulu), PEMDI)).toBeNull();
    expect(mappingFor(oldShape(bengkulu), 1, PEMDI)).toBeUndefined();
    expect(mappingOf(bengkulu, 'instrumen-lain')).toBeNull();
  });

  it('plans regulation links by the chosen pack', () => {
    const plan59 = regulationEvidencePlan(bengkulu);
    const planPemdi = regulationEvidencePlan(bengkulu, PEMDI);
    expect(plan59?.links.map((l) => l.indicator)).toEqual(
      bengkulu.mapping.filter((e) => e.articles.length > 0).map((e) => e.indicator),
    );
    expect(regulationEvidencePlan(bengkulu, P59)).toEqual(plan59);
    const pemdiNumbers = (mappingOf(bengkulu, PEMDI) ?? []).map((e) => e.indicator);
    expect(planPemdi?.links.map((l) => l.indicator)).toEqual(pemdiNumbers);
    // Legal basis only: no levels backed, and the note says so.
    for (const link of planPemdi?.links ?? []) {
      expect(link.levels).toEqual([]);
      expect(link.note).toMatch(/^Dasar kewajiban \(bukan bukti pelaksanaan\): Pasal/);
    }
    // No mapping for the pack: the document is still planned, with no links.
    const unmapped = regulationEvidencePlan(oldShape(bengkulu), PEMDI);
    expect(unmapped?.document).toEqual(planPemdi?.document);
    expect(unmapped?.links).toEqual([]);
  });

  it('says quietly that a profile does not map to the instrument', () => {
    expect(noMappingText(pemdi.shortTitle)).toBe(
      'Profil ini belum memetakan pasal ke indikator PermenPANRB 8/2026',
    );
  });
});

describe('compliance per pack', () => {
  const balikpapan = profile('kota-balikpapan');
  const audit = balikpapan.obligations.find((o) =>
    o.rules.some((r) => r.kind === 'indicators'),
  ) as Profile['obligations'][number];
  const rule = audit.rules.find((r) => r.kind === 'indicators');
  const numbers = rule?.kind === 'indicators' ? rule.indicators : [];
  const answers = Object.fromEntries(numbers.map((n) => [n, 5]));

  it('checks indicator rules on a 59/2020 evaluation as before', () => {
    const r = checkObligation(audit, balikpapan, snapshot(pack59, answers), pack59);
    expect(r.checks.find((c) => c.indicators.length > 0)?.indicators).toEqual(numbers);
    expect(r.reason).not.toContain('belum memetakan');
  });

  it('reads the rule on its Pemdi counterpart, never on the 59/2020 numbers', () => {
    const r = checkObligation(audit, balikpapan, snapshot(pemdi, answers), pemdi);
    const check = r.checks[audit.rules.findIndex((x) => x.kind === 'indicators')];
    // 29–31 are audit indicators on 59/2020; on Pemdi their counterpart is indicator 9.
    expect(check?.indicators).toEqual([9]);
    expect(check?.reason).toContain('instrumen PermenPANRB 59/2020');
    expect(check?.reason).toContain('evaluasi memakai PermenPANRB 8/2026');
    expect(check?.reason).toContain('menurut pemetaan pasal profil ini');
    expect(check?.reason).not.toContain('belum memetakan');
    // An old profile without a Pemdi mapping says so, and falls back on the pack's crosswalk.
    const old = checkObligation(audit, oldShape(balikpapan), snapshot(pemdi, answers), pemdi);
    expect(old.indicators).toEqual([9]);
    expect(old.reason).toContain('menurut padanan indikator pada paket PermenPANRB 8/2026');
    expect(old.reason).toContain(
      'Profil ini belum memetakan pasal ke indikator PermenPANRB 8/2026.',
    );
  });
});

describe('profile files with several mappings', () => {
  const bengkulu = profile('kota-bengkulu');
  const fileOf = (p: unknown) =>
    `${JSON.stringify({ format: PROFILE_FILE_FORMAT, formatVersion: 1, profile: p }, null, 2)}\n`;
  const custom = (p: Profile): Profile => ({ ...p, id: 'kota-contoh' });

  it('imports an old single-instrument file unchanged', () => {
    const old = oldShape(custom(bengkulu));
    expect('otherMappings' in old).toBe(false);
    const result = parseProfileFile(fileOf(old));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.profile.otherMappings).toBeUndefined();
    expect(result.profile.mapping).toEqual(bengkulu.mapping);
    // And is written back exactly as it came.
    expect(serializeProfile(result.profile)).toBe(fileOf(old));
  });

  it('round-trips the Pemdi mapping', () => {
    const result = parseProfileFile(serializeProfile(custom(bengkulu)));
    expect(result.ok && result.profile.otherMappings).toEqual(bengkulu.otherMappings);
  });

  it('refuses a Pemdi mapping to an indicator Pemdi does not have', () => {
    const bad = custom(bengkulu);
    const other = bad.otherMappings?.[0];
    const entry = other?.mapping[0];
    if (!other || !entry) throw new Error('no Pemdi mapping');
    const broken = {
      ...bad,
      otherMappings: [{ ...other, mapping: [...other.mapping, { ...entry, indicator: 21 }] }],
    };
    const result = parseProfileFile(fileOf(broken));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContain(
      `Pemetaan indikator 21 (${PEMDI}): Indikator 21 tidak ada pada instrumen`,
    );
  });

  it('refuses two mappings for one instrument, and a duplicated indicator', () => {
    const other = bengkulu.otherMappings?.[0];
    if (!other) throw new Error('no Pemdi mapping');
    const twice = parseProfile({ ...custom(bengkulu), otherMappings: [other, other] });
    expect(!twice.ok && twice.errors).toContain(
      `Pemetaan instrumen lain: pemetaan untuk instrumen "${PEMDI}" ganda`,
    );
    const own = parseProfile({
      ...custom(bengkulu),
      otherMappings: [{ instrumentId: P59, mapping: [] }],
    });
    expect(!own.ok && own.errors).toContain(
      `Pemetaan instrumen lain: pemetaan untuk instrumen "${P59}" ganda`,
    );
    const dup = parseProfile({
      ...custom(bengkulu),
      otherMappings: [{ ...other, mapping: [other.mapping[0], other.mapping[0]] }],
    });
    expect(dup.ok).toBe(false);
  });

  it('warns about a mapping to an instrument the app does not know', () => {
    const other = bengkulu.otherMappings?.[0];
    if (!other) throw new Error('no Pemdi mapping');
    const result = parseProfileFile(
      fileOf({
        ...custom(bengkulu),
        otherMappings: [{ ...other, instrumentId: 'instrumen-lain' }],
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toContain(
      'Instrumen "instrumen-lain" tidak dikenal aplikasi ini; pemetaan indikatornya tidak dapat diperiksa.',
    );
  });

  it('flags a Pemdi quote that is not in its article', () => {
    const other = bengkulu.otherMappings?.[0];
    const entry = other?.mapping[0];
    const citation = entry?.articles[0];
    if (!other || !entry || !citation) throw new Error('no Pemdi mapping');
    const wrong: Profile = {
      ...bengkulu,
      otherMappings: [
        {
          ...other,
          mapping: [
            { ...entry, articles: [{ ...citation, quote: 'kalimat yang tidak ada dalam pasal' }] },
            ...other.mapping.slice(1),
          ],
        },
      ],
    };
    const problems = checkCitations(wrong);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.where).toBe(`Pemetaan indikator ${entry.indicator} (${PEMDI})`);
  });
});
