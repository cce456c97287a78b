/**
 * Compliance with the regulation's obligations, as far as the evaluation's answers and evidence
 * show it: for each obligation of the profile, its rules are checked against the snapshot and the
 * result says what was looked at. `met`: everything the rules ask for is in the evaluation.
 * `notMet`: something is shown missing (a level below the minimum, no document, only old
 * documents). `unknown`: the answers or dates needed are not there yet. Never a guess: a rule
 * can only see answers and evidence metadata, and its reason says so.
 *
 * A rule names indicators of the profile's own instrument. On an evaluation with another one
 * (a 59/2020 profile on a Pemdi evaluation) each named indicator is carried to its counterpart:
 * the indicator the profile maps the same articles to on that instrument, or else the pack's
 * crosswalk. Only a single counterpart counts; with none, or several, the rule stays unknown and
 * says why. The minimum level is read on the counterpart's own level scale, and the reason says
 * which counterpart was used and how it was found.
 */
import type { ComplianceDecision } from '../assessment/evaluation';
import type { EvidenceId } from '../assessment/ids';
import { evidenceKindLabel, type Evidence, type EvidenceKind } from '../assessment/evidence';
import type { EvaluationSnapshot } from '../assessment/snapshot';
import { formatDate } from '../format/date';
import { joinList } from '../format/list';
import { findIndicator, indicatorEntries, levelOfValue } from '../instrument/tree';
import type { InstrumentPack } from '../instrument/schema';
import { formatValue, isDecimalScale, levelFloor } from '../instrument/value';
import { findPack } from '../instrument/packs';
import {
  mappingOf,
  noMappingText,
  type ComplianceRule,
  type Obligation,
  type Profile,
} from './schema';

export type ComplianceStatus = 'met' | 'notMet' | 'unknown';
type ComplianceDecisionStatus = ComplianceDecision['status'];

/**
 * The one source of the words for an obligation's status, on the dashboard's compliance panel,
 * in the report (preview, DOCX) and in its workbook: the automatic finding...
 */
export const complianceStatusLabel: Record<ComplianceStatus, string> = {
  met: 'Terpenuhi',
  notMet: 'Belum terpenuhi',
  unknown: 'Belum dapat dinilai',
};

/**
 * ...and the team's decision on it, in the same words. Keeping the finding ("evidenceFound",
 * "evidenceMissing") reads as the finding itself: "Terpenuhi", and "Belum terpenuhi" or, where
 * the data to judge it is not there yet, "Belum dapat dinilai". A confirmation by the team and
 * "not applicable" have words of their own.
 */
export function complianceDecisionLabel(
  decision: ComplianceDecisionStatus,
  finding: ComplianceStatus,
): string {
  switch (decision) {
    case 'confirmed':
      return `${complianceStatusLabel.met} (dikonfirmasi tim)`;
    case 'evidenceFound':
      return complianceStatusLabel.met;
    case 'evidenceMissing':
      return finding === 'unknown' ? complianceStatusLabel.unknown : complianceStatusLabel.notMet;
    case 'notApplicable':
      return 'Tidak berlaku';
  }
}

/** The decision that keeps an automatic finding as it is (what the panel preselects). */
export const keptFinding = (finding: ComplianceStatus): ComplianceDecisionStatus =>
  finding === 'met' ? 'evidenceFound' : 'evidenceMissing';

export interface RuleCheck {
  status: ComplianceStatus;
  /** What was checked and found, in Indonesian. */
  reason: string;
  indicators: number[];
  evidenceIds: EvidenceId[];
}

export interface ObligationCompliance extends RuleCheck {
  obligationId: string;
  title: string;
  /** One result per rule of the obligation, in order. */
  checks: RuleCheck[];
}

type IndicatorsRule = Extract<ComplianceRule, { kind: 'indicators' }>;
type DocumentRule = Extract<ComplianceRule, { kind: 'document' }>;

const kindsText = (kinds: readonly EvidenceKind[]): string =>
  kinds.map((k) => evidenceKindLabel[k]).join(' atau ');

const docText = (e: Evidence): string => {
  const parts = [`"${e.title.trim() || e.fileName}"`];
  if (e.number.trim() !== '') parts.push(`nomor ${e.number.trim()}`);
  if (e.documentDate) parts.push(`tanggal ${formatDate(e.documentDate)}`);
  return parts.join(', ');
};

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/** The calendar years a document may be dated in: the last `years` years up to the evaluation's. */
const windowOf = (evaluationYear: number, years: number): { from: number; to: number } => ({
  from: evaluationYear - years + 1,
  to: evaluationYear,
});

const windowText = (w: { from: number; to: number }): string =>
  w.from === w.to ? `tahun ${w.to}` : `tahun ${w.from}–${w.to}`;

function combine(statuses: readonly ComplianceStatus[]): ComplianceStatus {
  if (statuses.includes('notMet')) return 'notMet';
  if (statuses.includes('unknown')) return 'unknown';
  return 'met';
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

type IndicatorFinding =
  | { state: 'ok'; text: string; evidence: Evidence[] }
  | { state: 'below' | 'noEvidence' | 'staleEvidence'; text: string }
  | { state: 'unanswered' | 'undatedEvidence' | 'notInPack'; text: string };

function checkIndicator(
  n: number,
  rule: IndicatorsRule,
  snapshot: EvaluationSnapshot,
  pack: InstrumentPack,
): IndicatorFinding {
  const entry = findIndicator(pack, n);
  if (!entry) return { state: 'notInPack', text: `indikator ${n} tidak ada pada instrumen` };
  const answer = snapshot.answers.find((a) => a.indicator === n);
  if (!answer || answer.value === null) {
    return { state: 'unanswered', text: `indikator ${n} belum dinilai` };
  }
  const level = levelOfValue(pack, entry.scale, answer.value)?.level;
  if (level === undefined) {
    return { state: 'unanswered', text: `nilai indikator ${n} di luar skala` };
  }
  // "bertingkat 3" on a level scale; "bernilai 2,50 (tingkat 2)" on a decimal one.
  const standing = isDecimalScale(pack)
    ? `bernilai ${formatValue(pack, answer.value)} (tingkat ${level})`
    : `bertingkat ${level}`;
  if (level < rule.minLevel) {
    return {
      state: 'below',
      text: `indikator ${n} ${standing}, di bawah ${rule.minLevel}`,
    };
  }
  if (!rule.requireEvidence) {
    return { state: 'ok', text: `indikator ${n} ${standing}`, evidence: [] };
  }
  const linkedIds = new Set(
    snapshot.links.filter((l) => l.indicator === n).map((l) => l.evidenceId as string),
  );
  const linked = snapshot.evidence.filter(
    (e) =>
      linkedIds.has(e.id) &&
      (rule.evidenceKinds.length === 0 || rule.evidenceKinds.includes(e.kind)),
  );
  const kinds = rule.evidenceKinds.length > 0 ? ` berjenis ${kindsText(rule.evidenceKinds)}` : '';
  if (linked.length === 0) {
    return {
      state: 'noEvidence',
      text: `indikator ${n} ${standing}, tetapi tidak ada bukti dukung${kinds} yang tertaut`,
    };
  }
  if (rule.evidenceWithinYears === null) {
    return {
      state: 'ok',
      text: `indikator ${n} ${standing} dengan bukti ${joinList(linked.map(docText))}`,
      evidence: linked,
    };
  }
  const w = windowOf(snapshot.evaluation.year, rule.evidenceWithinYears);
  const recent = linked.filter(
    (e) =>
      e.documentDate !== null && yearOf(e.documentDate) >= w.from && yearOf(e.documentDate) <= w.to,
  );
  if (recent.length > 0) {
    return {
      state: 'ok',
      text: `indikator ${n} ${standing} dengan bukti ${joinList(recent.map(docText))}`,
      evidence: recent,
    };
  }
  if (linked.some((e) => e.documentDate === null)) {
    return {
      state: 'undatedEvidence',
      text: `indikator ${n} ${standing}, tetapi tanggal bukti dukungnya belum diisi`,
    };
  }
  return {
    state: 'staleEvidence',
    text: `indikator ${n} ${standing}, tetapi bukti dukungnya tidak bertanggal ${windowText(w)} (${joinList(linked.map(docText))})`,
  };
}

const refKey = (ref: string): string => normalize(ref);

type Counterpart =
  { ok: true; indicators: number[]; preface: string } | { ok: false; reason: string };

/**
 * The indicators of `pack` a rule written on the profile's own instrument speaks to: per named
 * indicator, the one the profile maps the same articles to on `pack` (its own mapping of that
 * indicator cites them), else the pack's crosswalk from the profile's instrument. Each named
 * indicator needs exactly one counterpart; nothing is guessed.
 */
function counterpartOf(rule: IndicatorsRule, profile: Profile, pack: InstrumentPack): Counterpart {
  const own = findPack(profile.instrumentId)?.shortTitle ?? `"${profile.instrumentId}"`;
  const mapped = mappingOf(profile, pack.id);
  const per = rule.indicators.map((n) => {
    const refs = (profile.mapping.find((e) => e.indicator === n)?.articles ?? []).map((a) => a.ref);
    const keys = new Set(refs.map(refKey));
    const byArticles = (mapped ?? []).filter((e) =>
      e.articles.some((a) => keys.has(refKey(a.ref))),
    );
    if (byArticles.length > 0) {
      const to = unique(byArticles.map((e) => e.indicator)).sort((a, b) => a - b);
      const cited = unique(
        byArticles.flatMap((e) => e.articles.map((a) => a.ref).filter((r) => keys.has(refKey(r)))),
      );
      return { n, to, via: 'articles' as const, cited };
    }
    const to = unique(
      pack.crosswalk
        .filter((c) => c.fromPack === profile.instrumentId && c.from === n)
        .flatMap((c) => c.to),
    ).sort((a, b) => a - b);
    return { n, to, via: 'crosswalk' as const, cited: [] as string[] };
  });
  const named = `Aturan ini menyebut indikator ${joinList(rule.indicators)} instrumen ${own}, sedangkan evaluasi memakai ${pack.shortTitle}`;
  const unmapped = mapped === null ? `${noMappingText(pack.shortTitle)}. ` : '';
  const none = per.filter((p) => p.to.length === 0);
  const many = per.filter((p) => p.to.length > 1);
  if (none.length > 0 || many.length > 0) {
    const why = [
      ...(none.length > 0
        ? [
            `indikator ${joinList(none.map((p) => p.n))} tidak berpadanan dengan indikator ${pack.shortTitle} mana pun, baik menurut pemetaan pasal profil ini maupun menurut padanan indikator paket`,
          ]
        : []),
      ...many.map(
        (p) =>
          `indikator ${p.n} berpadanan dengan lebih dari satu indikator ${pack.shortTitle} (${joinList(p.to)}) sehingga padanannya tidak dapat dipilih tanpa menebak`,
      ),
    ];
    return {
      ok: false,
      reason: `${unmapped}${named}; ${why.join('; ')}. Aturan ini tidak dapat diperiksa pada evaluasi ini.`,
    };
  }
  const ways: string[] = [];
  for (const via of ['articles', 'crosswalk'] as const) {
    const group = per.filter((p) => p.via === via);
    if (group.length === 0) continue;
    const to = unique(group.flatMap((p) => p.to)).sort((a, b) => a - b);
    const how =
      via === 'articles'
        ? `menurut pemetaan pasal profil ini (${joinList(unique(group.flatMap((p) => p.cited)))})`
        : `menurut padanan indikator pada paket ${pack.shortTitle} (saran aplikasi)`;
    ways.push(
      `padanan indikator ${joinList(group.map((p) => p.n))} adalah indikator ${joinList(to)} ${how}`,
    );
  }
  return {
    ok: true,
    indicators: unique(per.flatMap((p) => p.to)).sort((a, b) => a - b),
    preface: `${unmapped}${named}; ${ways.join('; ')}. Tingkat paling sedikit ${rule.minLevel} dibaca pada skala indikator ${pack.shortTitle} tersebut.`,
  };
}

function checkIndicatorsRule(
  rule: IndicatorsRule,
  snapshot: EvaluationSnapshot,
  pack: InstrumentPack,
  profile: Profile,
): RuleCheck {
  if (profile.instrumentId === pack.id) return checkOnIndicators(rule, snapshot, pack);
  const counterpart = counterpartOf(rule, profile, pack);
  if (!counterpart.ok) {
    return { status: 'unknown', reason: counterpart.reason, indicators: [], evidenceIds: [] };
  }
  const check = checkOnIndicators({ ...rule, indicators: counterpart.indicators }, snapshot, pack);
  return { ...check, reason: `${counterpart.preface} ${check.reason}` };
}

/** The rule on indicators of the evaluation's own instrument. */
function checkOnIndicators(
  rule: IndicatorsRule,
  snapshot: EvaluationSnapshot,
  pack: InstrumentPack,
): RuleCheck {
  const indicators = [...rule.indicators];
  const findings = indicators.map((n) => checkIndicator(n, rule, snapshot, pack));
  const okCount = findings.filter((f) => f.state === 'ok').length;
  const failed = findings.some(
    (f) => f.state === 'below' || f.state === 'noEvidence' || f.state === 'staleEvidence',
  );
  const open = findings.some(
    (f) => f.state === 'unanswered' || f.state === 'undatedEvidence' || f.state === 'notInPack',
  );
  let status: ComplianceStatus;
  if (rule.match === 'all') status = failed ? 'notMet' : open ? 'unknown' : 'met';
  else status = okCount > 0 ? 'met' : open ? 'unknown' : 'notMet';

  const quantifier =
    indicators.length === 1
      ? 'Indikator'
      : rule.match === 'all'
        ? 'Setiap indikator'
        : 'Salah satu indikator';
  // On a decimal scale, the lowest value of the minimum level too, when the indicators agree.
  const floors = unique(
    indicators.flatMap((n) => {
      const level = findIndicator(pack, n)?.scale.levels.find((l) => l.level === rule.minLevel);
      return level ? [formatValue(pack, levelFloor(pack, level))] : [];
    }),
  );
  const floor = isDecimalScale(pack) && floors.length === 1 ? ` (nilai ${floors[0]})` : '';
  let asked = `${quantifier} ${joinList(indicators)} paling sedikit tingkat ${rule.minLevel}${floor}`;
  if (rule.requireEvidence) {
    const kinds = rule.evidenceKinds.length > 0 ? ` berjenis ${kindsText(rule.evidenceKinds)}` : '';
    asked += `, dengan bukti dukung${kinds} yang tertaut`;
    if (rule.evidenceWithinYears !== null) {
      asked += ` dan bertanggal ${windowText(windowOf(snapshot.evaluation.year, rule.evidenceWithinYears))}`;
    }
  }
  const found = findings.map((f) => f.text).join('; ');
  const evidenceIds = unique(
    findings.flatMap((f) => (f.state === 'ok' ? f.evidence.map((e) => e.id) : [])),
  );
  return {
    status,
    reason: `Diperiksa: ${asked}. Ditemukan: ${found}.`,
    indicators,
    evidenceIds,
  };
}

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('id-ID');

/**
 * What proves a document obligation: a document of the kinds whose title holds a phrase, or one
 * linked to an indicator the phrase names ("Arsitektur SPBE" → the Arsitektur indicators), so a
 * decree filed under a plain title still counts. A team the evaluation itself records (the Tim
 * Asesor Internal whose members sign the report) is shown by the evaluation, not by a title.
 */
function checkDocumentRule(
  rule: DocumentRule,
  snapshot: EvaluationSnapshot,
  pack: InstrumentPack,
): RuleCheck {
  const phrases = rule.titleIncludes.map(normalize);
  if (
    phrases.some((p) => p.includes('tim asesor')) &&
    snapshot.members.length > 0 &&
    rule.withinYears === null
  ) {
    return {
      status: 'met',
      reason:
        `Diperiksa: susunan Tim Asesor Internal dalam evaluasi ini. Ditemukan: ${snapshot.members.length} ` +
        'anggota tercatat; laporan ini disusun dan ditandatangani oleh tim tersebut.',
      indicators: [],
      evidenceIds: [],
    };
  }
  const named = new Set(
    indicatorEntries(pack)
      .filter((e) => phrases.some((p) => normalize(e.indicator.name).includes(p)))
      .map((e) => e.indicator.number),
  );
  const linkedToNamed = new Set(
    snapshot.links.filter((l) => named.has(l.indicator)).map((l) => l.evidenceId as string),
  );
  const matching = snapshot.evidence.filter(
    (e) =>
      rule.evidenceKinds.includes(e.kind) &&
      (phrases.some((p) => normalize(e.title).includes(p)) || linkedToNamed.has(e.id)),
  );
  const phrasesText = joinList(
    rule.titleIncludes.map((p) => `"${p}"`),
    'atau',
  );
  let asked = `dokumen bukti dukung berjenis ${kindsText(rule.evidenceKinds)} yang judulnya memuat ${phrasesText} atau yang ditautkan pada indikator tentang hal itu`;
  let qualifying = matching;
  let status: ComplianceStatus;
  let found: string;
  if (rule.withinYears === null) {
    status = matching.length > 0 ? 'met' : 'notMet';
    found = matching.length > 0 ? joinList(matching.map(docText)) : 'tidak ada';
  } else {
    const w = windowOf(snapshot.evaluation.year, rule.withinYears);
    asked += ` dan bertanggal ${windowText(w)}`;
    qualifying = matching.filter(
      (e) =>
        e.documentDate !== null &&
        yearOf(e.documentDate) >= w.from &&
        yearOf(e.documentDate) <= w.to,
    );
    if (qualifying.length > 0) {
      status = 'met';
      found = joinList(qualifying.map(docText));
    } else if (matching.some((e) => e.documentDate === null)) {
      status = 'unknown';
      found = `${joinList(matching.map(docText))}, tetapi tanggal dokumen belum diisi`;
    } else {
      status = 'notMet';
      found = matching.length > 0 ? `hanya ${joinList(matching.map(docText))}` : 'tidak ada';
    }
  }
  const ids = new Set(qualifying.map((e) => e.id as string));
  const indicators = unique(
    snapshot.links.filter((l) => ids.has(l.evidenceId)).map((l) => l.indicator),
  ).sort((a, b) => a - b);
  return {
    status,
    reason: `Diperiksa: ${asked}. Ditemukan: ${found}.`,
    indicators,
    evidenceIds: qualifying.map((e) => e.id),
  };
}

function checkSelfAssessmentRule(snapshot: EvaluationSnapshot, pack: InstrumentPack): RuleCheck {
  const numbers = indicatorEntries(pack).map((e) => e.indicator.number);
  const valued = new Set(snapshot.answers.filter((a) => a.value !== null).map((a) => a.indicator));
  const done = numbers.filter((n) => valued.has(n)).length;
  const year = snapshot.evaluation.year;
  const asked = `penilaian mandiri tahun ${year} lengkap (setiap indikator instrumen bernilai)`;
  if (done === numbers.length) {
    return {
      status: 'met',
      reason: `Diperiksa: ${asked}. Ditemukan: ${done} dari ${numbers.length} indikator bernilai.`,
      indicators: [],
      evidenceIds: [],
    };
  }
  return {
    status: 'unknown',
    reason: `Diperiksa: ${asked}. Ditemukan: ${done} dari ${numbers.length} indikator bernilai; kewajiban ini terlihat terpenuhi setelah penilaian mandiri selesai.`,
    indicators: [],
    evidenceIds: [],
  };
}

/** One obligation against the evaluation. `pack` is the evaluation's instrument. */
export function checkObligation(
  obligation: Obligation,
  profile: Profile,
  snapshot: EvaluationSnapshot,
  pack: InstrumentPack,
): ObligationCompliance {
  const checks = obligation.rules.map((rule): RuleCheck => {
    switch (rule.kind) {
      case 'indicators':
        return checkIndicatorsRule(rule, snapshot, pack, profile);
      case 'document':
        return checkDocumentRule(rule, snapshot, pack);
      case 'selfAssessment':
        return checkSelfAssessmentRule(snapshot, pack);
    }
  });
  return {
    obligationId: obligation.id,
    title: obligation.title,
    status: combine(checks.map((c) => c.status)),
    reason: checks.map((c) => c.reason).join(' '),
    indicators: unique(checks.flatMap((c) => c.indicators)).sort((a, b) => a - b),
    evidenceIds: unique(checks.flatMap((c) => c.evidenceIds)),
    checks,
  };
}

/**
 * Every obligation of the profile against the evaluation, in the profile's order. `pack` must be
 * the evaluation's instrument (a different one is a programming error and throws).
 */
export function checkCompliance(
  profile: Profile,
  snapshot: EvaluationSnapshot,
  pack: InstrumentPack,
): ObligationCompliance[] {
  const ref = snapshot.evaluation.instrument;
  if (ref.id !== pack.id || ref.version !== pack.version) {
    throw new Error(
      `Instrumen ${pack.id} ${pack.version} bukan instrumen evaluasi ini (${ref.id} ${ref.version})`,
    );
  }
  return profile.obligations.map((o) => checkObligation(o, profile, snapshot, pack));
}

/** Counts per status, for a dashboard summary. */
export function complianceSummary(
  results: readonly ObligationCompliance[],
): Record<ComplianceStatus, number> {
  const summary: Record<ComplianceStatus, number> = { met: 0, notMet: 0, unknown: 0 };
  for (const r of results) summary[r.status] += 1;
  return summary;
}
