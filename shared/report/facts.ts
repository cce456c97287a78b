/**
 * The facts of a report, computed once from the snapshot and the pack: scores (through
 * shared/scoring, never recomputed here), indicators with their evidence, groups with last year,
 * recommendations by gain, the what-if, the team. Sections only phrase these facts.
 */
import {
  answerStatusLabel,
  evidenceKindLabel,
  instansiKindLabel,
  memberRoleLabel,
  memberRoles,
  snapshotValues,
  type EvidenceLink,
} from '../assessment';
import { formatDate } from '../format/date';
import { formatNumber, formatPercent } from '../format/number';
import { findIndicator, indicatorEntries, leafTier, levelOfValue } from '../instrument/tree';
import type { InstrumentPack, Tier } from '../instrument/schema';
import {
  formatExternalInput,
  formatValue,
  isDecimalScale,
  levelFloor,
  valueNoun,
} from '../instrument/value';
import {
  add,
  compare,
  div,
  fromNumber,
  roundHalfUp,
  sub,
  toNumber,
  ZERO,
  type Rational,
} from '../math/rational';
import { noIndexText } from '../scoring/no-index';
import { present, ratingOf, score, targetDifferenceOf, type ScoreResult } from '../scoring/score';
import { belowTargetByGain, raiseByOneLevel } from '../scoring/what-if';
import type { BuildReportInput, PreviousEvaluation } from './input';
import type {
  EvidenceCitation,
  EvidenceFact,
  GroupFact,
  IndicatorFact,
  ProvisionalInfo,
  RecommendationFact,
  ReportHeadline,
  TeamMemberFact,
  UnsupportedClaim,
  VerificationFact,
  WhatIfFact,
} from './model';
import {
  citeDocument,
  kindAndCitation,
  levelsText,
  rangeProse,
  rangeText,
  strongestFirst,
  summarise,
} from './text';
import { capitalized } from '../format/text';

export interface Facts {
  input: BuildReportInput;
  pack: InstrumentPack;
  result: ScoreResult;
  year: number;
  /** "Wali Kota Balikpapan": the title exactly as the instansi writes it. */
  headOfRegion: string;
  /** Place for dates and signatures. */
  place: string;
  instansiName: string;
  topTier: Tier;
  leafTier: Tier;
  indicators: IndicatorFact[];
  groups: GroupFact[];
  evidence: EvidenceFact[];
  team: TeamMemberFact[];
  recommendations: RecommendationFact[];
  whatIf: WhatIfFact | null;
  verification: VerificationFact | null;
  headline: ReportHeadline;
  provisional: ProvisionalInfo | null;
  /**
   * What the index is computed from while indicators await an external value (null when none
   * do): "4 indikator yang menunggu nilai eksternal dengan nilai anggapan 1,00", or "12 indikator
   * yang sudah dinilai dan 4 indikator …" when some are scored.
   */
  indexBasis: string | null;
  /** The most recent earlier year on the same instrument, when any. */
  lastYear: PreviousEvaluation | null;
  /** Earlier years with an index on the same instrument, oldest first. */
  history: PreviousEvaluation[];
  /** Earlier years with an index on another instrument (not comparable), oldest first. */
  otherHistory: PreviousEvaluation[];
  /** "tingkat" or "nilai": the word for an indicator value of this pack. */
  noun: string;
  /** Whether indicator values are decimals (Pemdi) rather than integer levels. */
  decimal: boolean;
  /** An indicator value as printed: "3" or "2,50". */
  value: (v: number) => string;
  dateDisplay: string;
  /** Presents a value like an index ("3,00"). */
  show: (value: number) => string;
  /** Difference of two values as presented (each rounded first), signed: "+0,24", "-0,10". */
  difference: (a: number | Rational, b: number | Rational) => { value: number; display: string };
}

const roleOrder = (role: string): number => memberRoles.indexOf(role as never);

export function computeFacts(input: BuildReportInput): Facts {
  const { snapshot, pack } = input;
  const fv = (v: number): string => formatValue(pack, v);
  const { evaluation } = snapshot;
  const instansi = evaluation.instansi;
  const values = snapshotValues(snapshot);
  const result = score(pack, values);
  const decimals = pack.rounding.displayDecimals;
  const decimal = isDecimalScale(pack);
  /**
   * A score() difference with its sign, as the report prints it ("+0,17", "-0,28"). Its number is
   * the one the text says (2,485 shown 2,49: -0,01; -0,0045 where the exact shortfall is said),
   * not the judged -0,015 a spreadsheet would show as -0,02 beside it.
   */
  const signed = (p: { value: number; display: string; exact: Rational }) => {
    const said = Number(p.display.replace(',', '.'));
    return {
      value: Number.isFinite(said) ? said : p.value,
      display: compare(p.exact, fromNumber(0)) > 0 ? `+${p.display}` : p.display,
    };
  };
  const show = (value: number): string => present(fromNumber(value), decimals).display;
  const difference = (a: number | Rational, b: number | Rational) => {
    const ra = roundHalfUp(typeof a === 'number' ? fromNumber(a) : a, decimals);
    const rb = roundHalfUp(typeof b === 'number' ? fromNumber(b) : b, decimals);
    const diff = sub(ra, rb);
    const p = present(diff, decimals);
    return {
      value: p.value,
      display: compare(diff, fromNumber(0)) > 0 ? `+${p.display}` : p.display,
    };
  };

  const topTier = pack.tiers[0] ?? leafTier(pack);
  const leaf = leafTier(pack);
  const answers = new Map(snapshot.answers.map((a) => [a.indicator, a]));
  const evidenceById = new Map(snapshot.evidence.map((e) => [e.id as string, e]));

  const linksByIndicator = new Map<number, EvidenceLink[]>();
  const linksByEvidence = new Map<string, EvidenceLink[]>();
  for (const link of snapshot.links) {
    if (!evidenceById.has(link.evidenceId)) continue;
    const a = linksByIndicator.get(link.indicator) ?? [];
    a.push(link);
    linksByIndicator.set(link.indicator, a);
    const b = linksByEvidence.get(link.evidenceId) ?? [];
    b.push(link);
    linksByEvidence.set(link.evidenceId, b);
  }

  const scoreByNumber = new Map(result.indicators.map((i) => [i.number, i]));
  const indicators: IndicatorFact[] = indicatorEntries(pack).map(({ indicator, path, scale }) => {
    const s = scoreByNumber.get(indicator.number);
    const answer = answers.get(indicator.number);
    const links = [...(linksByIndicator.get(indicator.number) ?? [])].sort(strongestFirst);
    const evidence: EvidenceCitation[] = [];
    for (const link of links) {
      const doc = evidenceById.get(link.evidenceId);
      if (!doc) continue;
      evidence.push({
        evidenceId: doc.id,
        title: doc.title,
        kind: doc.kind,
        kindLabel: evidenceKindLabel[doc.kind],
        number: doc.number,
        documentDate: doc.documentDate,
        dateDisplay: doc.documentDate ? formatDate(doc.documentDate) : null,
        fileName: doc.fileName,
        levels: [...link.levels].sort((a, b) => a - b),
        note: link.note,
        text: citeDocument(doc, link.note),
      });
    }
    const top = path[0];
    const group = path[path.length - 1];
    const justification = answer?.justification.trim() ?? '';
    const lowest = scale.levels[0]?.level ?? 1;
    const claimed = s?.level ?? null;
    // A value converted from another agency's index (SDI, SJIG, IPS) is that agency's finding,
    // not a level the team claims with documents: no evidence can support or fail it.
    const fromExternal = indicator.externalIndex !== undefined;
    const claimSupported =
      claimed === null || fromExternal || claimed <= lowest
        ? null
        : links.some((l) => l.levels.includes(claimed));
    const entered = fromExternal ? answer?.external : null;
    return {
      number: indicator.number,
      name: indicator.name,
      weight: indicator.weight,
      code: indicator.code ?? null,
      scaleName: scale.name,
      domain: top && path.length > 1 ? { id: top.id, number: top.number, name: top.name } : null,
      aspect: group ? { id: group.id, number: group.number, name: group.name } : null,
      value: s?.value ?? null,
      valueDisplay: s?.valueDisplay ?? null,
      level: s?.level ?? null,
      levelName: s?.levelName ?? null,
      target: pack.targets.indicatorLevel,
      targetDisplay: fv(pack.targets.indicatorLevel),
      gap: s?.gap ?? null,
      gapDisplay: s?.gapDisplay ?? null,
      meetsTarget: s?.meetsTarget ?? null,
      awaitingExternal: s?.awaitingExternal ?? false,
      externalInput:
        entered && s?.awaitingExternal === false
          ? {
              source: indicator.externalIndex?.shortName ?? '',
              display: formatExternalInput(entered.input),
              year: entered.year,
            }
          : null,
      gainPerLevel: s?.gainPerLevel ?? 0,
      agency: answer?.agency.trim() ?? '',
      status: answer?.status ?? null,
      statusLabel: answer ? answerStatusLabel[answer.status] : 'Belum diisi',
      justification,
      justificationSummary: summarise(justification),
      reviewNote: answer?.reviewNote.trim() ?? '',
      evidence,
      claimSupported,
    };
  });

  const earlier = [...(input.previous ?? [])]
    .filter((p) => p.year < evaluation.year && p.overall)
    .sort((a, b) => a.year - b.year);
  const samePack = (p: PreviousEvaluation): boolean =>
    p.instrument === undefined || p.instrument.id === pack.id;
  const history = earlier.filter(samePack);
  const otherHistory = earlier.filter((p) => !samePack(p));
  const lastYear = history[history.length - 1] ?? null;

  const tierLabel = new Map(pack.tiers.map((t) => [t.id, t.label]));
  const groups: GroupFact[] = result.groups.map((g) => {
    const prev = lastYear?.groups?.find((p) => p.id === g.id);
    return {
      id: g.id,
      tier: g.tier,
      tierLabel: tierLabel.get(g.tier) ?? g.tier,
      number: g.number,
      name: g.name,
      weight: g.weight,
      parentId: g.parentId,
      value: g.result?.value ?? null,
      display: g.result?.display ?? null,
      target: g.target,
      targetDisplay: show(g.target),
      // As the overall row: worked from the index as shown, with the exact shortfall where 2,50
      // hides that an aspect at 2,495 is below its target of 2,50.
      targetDifference: g.result
        ? signed(targetDifferenceOf(pack, g.result.exact, fromNumber(g.target)))
        : null,
      answered: g.answered,
      total: g.total,
      missing: g.missing,
      previous:
        lastYear && prev && prev.value !== null && prev.display !== null
          ? { year: lastYear.year, value: prev.value, display: prev.display }
          : null,
    };
  });

  const evidence: EvidenceFact[] = snapshot.evidence
    .map((doc) => {
      const links = [...(linksByEvidence.get(doc.id) ?? [])].sort(
        (a, b) => a.indicator - b.indicator,
      );
      return {
        id: doc.id as string,
        title: doc.title.trim(),
        kind: doc.kind,
        kindLabel: evidenceKindLabel[doc.kind],
        number: doc.number.trim(),
        documentDate: doc.documentDate,
        dateDisplay: doc.documentDate ? formatDate(doc.documentDate) : null,
        fileName: doc.fileName,
        size: doc.size,
        description: doc.description.trim(),
        indicators: [...new Set(links.map((l) => l.indicator))],
        links: links.map((l) => {
          const detail = [levelsText(l.levels), l.note.trim()].filter(Boolean).join('; ');
          return `Indikator ${l.indicator}${detail ? ` (${detail})` : ''}`;
        }),
      };
    })
    .sort(
      (a, b) =>
        (a.indicators[0] ?? Number.MAX_SAFE_INTEGER) -
          (b.indicators[0] ?? Number.MAX_SAFE_INTEGER) || a.title.localeCompare(b.title, 'id'),
    );

  const team: TeamMemberFact[] = [...snapshot.members]
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name, 'id'))
    .map((m) => ({
      name: m.name,
      nip: m.nip,
      position: m.position,
      role: m.role,
      roleLabel: memberRoleLabel(pack, m.role),
      indicators: [...m.indicators].sort((a, b) => a - b),
      indicatorsText: m.indicators.length > 0 ? rangeText(m.indicators) : '—',
    }));

  const facts = new Map(indicators.map((i) => [i.number, i]));
  const indexBasis = result.overall ? indexBasisOf(result.answered, indicators) : null;
  /**
   * The index gained as the report presents indices: the presented index at the target less the
   * presented index now ("0,06", the pack's display decimals), so it matches the headline;
   * "< 0,01" for a real gain too small to show.
   */
  const gainText = (reached: Rational | null): string => {
    if (!reached || !result.overall) return show(0);
    const shown = difference(reached, result.overall.exact);
    if (shown.value === 0 && compare(reached, result.overall.exact) > 0)
      return `< ${show(10 ** -decimals)}`;
    return shown.display.replace(/^\+/, '');
  };
  const articlesByIndicator = new Map(
    (input.profile?.indicatorArticles ?? []).map((a) => [a.indicator, [...a.articles]]),
  );
  const recommendations: RecommendationFact[] = belowTargetByGain(result)
    .map((s) => {
      const entry = findIndicator(pack, s.number);
      const fact = facts.get(s.number);
      const level = s.level ?? 0;
      const top = entry?.scale.levels[entry.scale.levels.length - 1]?.level ?? level + 1;
      const nextLevel = Math.min(level + 1, top);
      const next = entry?.indicator.levels.find((l) => l.level === nextLevel);
      // The level the target falls in: the target itself on an integer scale, else the level
      // whose range holds it (2,50 is "Berkembang", level 3).
      const targetLevelOfScale = entry
        ? (levelOfValue(pack, entry.scale, s.target)?.level ?? nextLevel)
        : nextLevel;
      // Every level up to the target's: level 1 with target 3 needs the criteria of 2 and 3.
      const stepLevels = Array.from({ length: Math.max(1, targetLevelOfScale - level) }, (_, k) =>
        Math.min(level + 1 + k, top),
      );
      const steps = [...new Set(stepLevels)].map((l) => {
        const scaleLevel = entry?.scale.levels.find((x) => x.level === l);
        const criteria = entry?.indicator.levels.find((x) => x.level === l);
        return {
          level: l,
          name: scaleLevel?.name ?? '',
          floorDisplay: fv(scaleLevel ? levelFloor(pack, scaleLevel) : l),
          criteria: criteria?.criteria || null,
          guidance:
            criteria && criteria.evidence.length > 0
              ? criteria.evidence
              : (criteria?.butir ?? []).map((x) => `${x.code} — ${x.text}`),
        };
      });
      // The exact index gained by reaching the target (from score(), never by hand).
      const reached = result.overall
        ? score(pack, { ...values, [s.number]: s.target }).overall
        : null;
      const gain =
        reached && result.overall ? sub(reached.exact, result.overall.exact) : fromNumber(0);
      const existingEvidence = (fact?.evidence ?? []).map(
        (e) =>
          `${kindAndCitation(e.kindLabel, e.text)}${e.levels.length > 0 ? ` — ${levelsText(e.levels)}` : ''}`,
      );
      return {
        rank: 0,
        number: s.number,
        name: s.name,
        aspectName: fact?.aspect?.name ?? '',
        weight: s.weight,
        gainPerLevel: s.gainPerLevel,
        gainDisplay: formatNumber(s.gainPerLevel, 4, 4),
        level,
        levelName: s.levelName ?? '',
        valueDisplay: s.valueDisplay ?? fv(level),
        nextLevel,
        nextLevelName: entry?.scale.levels.find((l) => l.level === nextLevel)?.name ?? '',
        targetLevel: s.target,
        targetDisplay: fv(s.target),
        targetLevelOfScale,
        levelsToTarget: decimal
          ? Math.max(0, targetLevelOfScale - level)
          : Math.max(0, Math.ceil(s.target - level)),
        criteria: next?.criteria ?? '',
        steps,
        gainToTarget: toNumber(gain),
        gainToTargetDisplay: gainText(reached?.exact ?? null),
        existingEvidence,
        regionalArticles: articlesByIndicator.get(s.number) ?? [],
        fulfilment: next?.fulfilment ?? [],
        evidence: next?.evidence ?? [],
        agency: fact?.agency ?? '',
        perStep: div(gain, fromNumber(Math.max(1, steps.length))),
      };
    })
    // Most index gained per level step first, then instrument order.
    .sort((a, b) => compare(b.perStep, a.perStep) || a.number - b.number)
    .map(({ perStep: _perStep, ...r }, index) => ({ ...r, rank: index + 1 }));

  const verification = verificationOf(input, pack, result, values, indicators, fv);

  let whatIf: WhatIfFact | null = null;
  if (recommendations.length > 0) {
    const scenario = raiseByOneLevel(pack, values);
    const after = scenario.result.after.overall;
    const before = scenario.result.before.overall;
    if (after && before) {
      // An indicator awaiting an external index has no entered value to raise: the scenario
      // raises the others only, and says so when the recommendations count more.
      const raised = scenario.indicators.length;
      const awaitingCount = recommendations.filter(
        (r) => facts.get(r.number)?.awaitingExternal,
      ).length;
      // Awaited indicators are the source agency's to raise, never counted among the team's.
      const awaitedApart = awaitingCount > 0 && raised + awaitingCount === recommendations.length;
      // Said in full: the workbook prints this sentence alone, where "tersebut" points at nothing.
      const raisedText =
        raised === recommendations.length
          ? `${raised} indikator di bawah target`
          : awaitedApart
            ? `${raised} indikator yang dinilai tim`
            : `${raised} dari ${recommendations.length} indikator di bawah target`;
      const awaitedText = awaitedApart
        ? ` Sebanyak ${awaitingCount} indikator lainnya menunggu nilai indeks dari instansi sumbernya, sehingga tidak dapat dinaikkan oleh tim.`
        : '';
      const provisionalNote = after.provisional
        ? `, dihitung dari ${indexBasis ?? 'indikator yang sudah dinilai'} (SEMENTARA)`
        : '';
      const sentence =
        raised === 0
          ? `Seluruh ${awaitingCount} indikator di bawah target menunggu nilai indeks dari instansi sumbernya, ` +
            `sehingga belum ada yang dapat dinaikkan oleh tim; ${pack.indexLabel} akan berubah setelah nilai tersebut dimasukkan.`
          : `Apabila ${raisedText} dinaikkan ${decimal ? 'ke batas bawah tingkat kematangan berikutnya' : 'satu tingkat'}, ${pack.indexLabel} menjadi ${after.display} (predikat ${after.rating})${provisionalNote}.${awaitedText}`;
      whatIf = {
        count: scenario.indicators.length,
        indicators: [...scenario.indicators].sort((a, b) => a - b),
        value: after.value,
        display: after.display,
        rating: after.rating,
        deltaDisplay: difference(after.exact, before.exact).display,
        sentence,
      };
    }
  }

  const targetIndex = pack.targets.index;
  const headline: ReportHeadline = {
    indexLabel: pack.indexLabel,
    value: result.overall?.value ?? null,
    display: result.overall?.display ?? null,
    rating: result.overall?.rating ?? null,
    target: {
      value: targetIndex,
      display: show(targetIndex),
      rating: ratingOf(pack, fromNumber(targetIndex)),
    },
    meetsTarget: result.overall ? result.overall.meetsTarget : null,
    targetDifference: result.overall ? signed(result.overall.targetDifference) : null,
    exactDisplay: result.overall?.exactDisplay ?? null,
    previous:
      lastYear && lastYear.overall
        ? {
            year: lastYear.year,
            value: lastYear.overall.value,
            display: lastYear.overall.display,
            rating: lastYear.overall.rating,
            provisional: lastYear.overall.provisional === true,
          }
        : null,
  };

  let provisional: ProvisionalInfo | null = null;
  if (result.missing.length > 0 || result.awaitingExternal.length > 0) {
    const missing = result.missing.map((n) => ({
      number: n,
      name: facts.get(n)?.name ?? '',
    }));
    const awaitingExternal = result.awaitingExternal.map((n) => {
      const ind = facts.get(n);
      return {
        number: n,
        name: ind?.name ?? '',
        assumedDisplay: result.overall ? (ind?.valueDisplay ?? fv(pack.valueScale.min)) : null,
      };
    });
    const parts: string[] = [];
    const none = noIndexText(pack, result);
    if (none) {
      // Nothing assessed: no index, and no assumed value counted (see shared/scoring/score.ts).
      parts.push(
        `Hasil ini bersifat SEMENTARA. ${none}` +
          (missing.length > 0
            ? ` Indikator yang belum dinilai: ${rangeProse(result.missing)}.`
            : ''),
      );
    } else if (missing.length > 0) {
      parts.push(
        `Hasil ini bersifat SEMENTARA: baru ${result.answered} dari ${result.total} indikator yang dinilai. ` +
          (indexBasis
            ? `${pack.indexLabel} sejauh ini dihitung dari ${indexBasis} `
            : `${pack.indexLabel} dihitung dari indikator yang sudah dinilai saja `) +
          `dan dapat berubah setelah penilaian selesai. Indikator yang belum dinilai: ${rangeProse(result.missing)}.`,
      );
    }
    if (awaitingExternal.length > 0 && !none) {
      const assumed = awaitingExternal[0]?.assumedDisplay ?? fv(pack.valueScale.min);
      parts.push(
        `${missing.length > 0 ? '' : 'Hasil ini bersifat SEMENTARA: '}indikator ${rangeProse(result.awaitingExternal)} ` +
          `menunggu nilai eksternal (dihitung ${assumed}) dari indeks instansi lain; ${pack.indexLabel} ` +
          'akan berubah setelah nilai tersebut dimasukkan.',
      );
    }
    provisional = {
      label: 'SEMENTARA',
      answered: result.answered,
      total: result.total,
      missing,
      awaitingExternal,
      text: parts.map(capitalized).join(' '),
    };
  }

  return {
    input,
    pack,
    result,
    year: evaluation.year,
    headOfRegion: `${instansi.headOfRegionTitle} ${instansi.regionName}`,
    place: input.profile?.signingPlace || instansi.regionName,
    instansiName: instansi.name || `${instansiKindLabel[instansi.kind]} ${instansi.regionName}`,
    topTier,
    leafTier: leaf,
    indicators,
    groups,
    evidence,
    team,
    recommendations,
    whatIf,
    verification,
    headline,
    provisional,
    indexBasis,
    lastYear,
    history,
    otherHistory,
    noun: valueNoun(pack),
    decimal,
    value: fv,
    dateDisplay: formatDate(input.now),
    show,
    difference,
  };
}

/**
 * How far the index is backed by evidence (see `VerificationFact`). A claim is backed when a
 * document linked to the indicator is tagged for the claimed level; the lowest level needs none.
 * "One level lower" is the floor of the level below (the level itself on an integer scale), so
 * the lowered index comes from score() on values the pack allows, never from float arithmetic.
 */
/**
 * "12 indikator yang sudah dinilai dan 4 indikator yang menunggu nilai eksternal dengan nilai
 * anggapan 1,00" (only the awaited ones when none is scored): what the index counts while
 * external values are awaited, or null when none is.
 */
function indexBasisOf(answered: number, indicators: IndicatorFact[]): string | null {
  const awaiting = indicators.filter((i) => i.awaitingExternal);
  if (awaiting.length === 0) return null;
  const assumed = [...new Set(awaiting.map((i) => i.valueDisplay ?? ''))];
  const value = assumed.length === 1 && assumed[0] ? ` ${assumed[0]}` : '';
  const external = `${awaiting.length} indikator yang menunggu nilai eksternal dengan nilai anggapan${value}`;
  return answered > 0 ? `${answered} indikator yang sudah dinilai dan ${external}` : external;
}

function verificationOf(
  input: BuildReportInput,
  pack: InstrumentPack,
  result: ScoreResult,
  values: Readonly<Partial<Record<number, number | null>>>,
  indicators: readonly IndicatorFact[],
  fv: (v: number) => string,
): VerificationFact | null {
  if (!result.overall) return null;
  const total = fromNumber(pack.totalWeight);
  let supported = ZERO;
  let unsupportedWeight = ZERO;
  const lowered: Record<number, number | null | undefined> = { ...values };
  const unsupported: UnsupportedClaim[] = [];
  for (const ind of indicators) {
    if (ind.claimSupported === true) supported = add(supported, fromNumber(ind.weight));
    if (ind.claimSupported !== false || ind.level === null) continue;
    const entry = findIndicator(pack, ind.number);
    const below = entry?.scale.levels.find((l) => l.level === (ind.level as number) - 1);
    if (!below) continue;
    const value = levelFloor(pack, below);
    lowered[ind.number] = value;
    unsupportedWeight = add(unsupportedWeight, fromNumber(ind.weight));
    unsupported.push({
      number: ind.number,
      name: ind.name,
      weight: ind.weight,
      valueDisplay: ind.valueDisplay ?? fv(ind.level),
      levelName: ind.levelName ?? '',
      loweredDisplay: fv(value),
      hasEvidence: ind.evidence.length > 0,
    });
  }
  const share = (w: Rational): string => formatPercent(toNumber(div(w, total)), 1);
  const after = unsupported.length > 0 ? score(pack, lowered).overall : null;
  const statement =
    `${pack.indexLabel} dalam laporan ini adalah hasil penilaian mandiri oleh Tim Asesor Internal ` +
    'dan masih akan diverifikasi oleh asesor eksternal Kementerian Pendayagunaan Aparatur Negara dan ' +
    'Reformasi Birokrasi.';
  const noun = valueNoun(pack);
  let sentence =
    `Bukti dukung yang ditandai untuk ${noun} yang diklaim mencakup ${share(supported)} dari bobot ` +
    `${pack.indexLabel}.`;
  // Values converted from another agency's index rest on that index, not on the team's documents.
  const converted = indicators.filter((i) => i.externalInput !== null);
  if (converted.length > 0) {
    const weight = converted.reduce((w, i) => add(w, fromNumber(i.weight)), ZERO);
    sentence +=
      ` Nilai ${converted.length} indikator (bobot ${share(weight)}) dikonversi dari indeks yang ` +
      'ditetapkan instansi lain, sehingga tidak bergantung pada bukti dukung tim.';
  }
  if (after) {
    sentence +=
      ` Sebanyak ${unsupported.length} indikator (bobot ${share(unsupportedWeight)}) belum didukung bukti ` +
      `untuk ${noun} yang diklaim; jika setiap tingkat yang belum didukung bukti satu tingkat lebih ` +
      `rendah, ${pack.indexLabel} menjadi ${after.display} (predikat ${after.rating}).`;
  }
  return {
    statement,
    supportedWeight: toNumber(supported),
    totalWeight: pack.totalWeight,
    supportedShareDisplay: share(supported),
    unsupported,
    unsupportedWeight: toNumber(unsupportedWeight),
    unsupportedShareDisplay: share(unsupportedWeight),
    lowered: after ? { value: after.value, display: after.display, rating: after.rating } : null,
    sentence,
  };
}
