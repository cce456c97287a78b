/**
 * First half of a merge: reads the sources and decides, per indicator, what merges by itself
 * (identical answers, an answer on one side only, an answer changed on one side since the common
 * ancestor) and what is a conflict for the coordinator. Nothing is changed; the UI shows the
 * analysis, the coordinator settles the conflicts, and `applyMerge` builds the result.
 */
import type { Answer } from '../assessment/answer';
import { sameContent } from '../assessment/answer';
import type { EvaluationSnapshot } from '../assessment/snapshot';
import { evaluationName } from '../assessment/evaluation';
import type { BundleManifest } from '../bundle/manifest';
import type { InstrumentPack, InstrumentRef } from '../instrument/schema';
import { findPack } from '../instrument/packs';
import { findIndicator, levelOfValue } from '../instrument/tree';
import type { Tombstone } from '../assessment/tombstone';
import { descendsFrom, isBlankAnswer, sharesLineage } from '../assessment/lineage';
import { planDeletions, withoutDeleted, type DeletionPlan } from './tombstones';
import {
  MergeError,
  type Conflict,
  type ConflictSide,
  type ConflictStart,
  type MergeSource,
  type ProvenanceHow,
} from './types';

export interface AutoOutcome {
  kind: 'auto';
  indicator: number;
  how: Exclude<ProvenanceHow, 'resolved'>;
  /** The copy taken (the most recently updated of its identical group). */
  answer: Answer;
  sourceId: string;
  /** Every source holding the taken content. */
  from: string[];
  /** Sources whose older version gave way (for how = newer). */
  superseded: string[];
  /** Every copy of the answer in every source, for the merged lineage. */
  copies: { sourceId: string; answer: Answer }[];
}

export interface ConflictOutcome {
  kind: 'conflict';
  indicator: number;
  conflict: Conflict;
  copies: { sourceId: string; answer: Answer }[];
}

export type IndicatorOutcome = AutoOutcome | ConflictOutcome;

export interface MergeAnalysis {
  pack: InstrumentPack;
  /** Base first (when given), then the bundles in the order given. */
  sources: MergeSource[];
  outcomes: IndicatorOutcome[];
  conflicts: Conflict[];
  /**
   * Differences the coordinator must confirm before applying (another instansi or year). Empty
   * in the normal case. (Another instrument or the same file twice is refused: MergeError.)
   */
  mismatches: string[];
  /** Deletions carried by the sources: applied by themselves, or conflicts to decide. */
  deletions: DeletionPlan;
}

/** A merge source from a validated bundle. */
export function sourceFromBundle(
  id: string,
  fileName: string,
  opened: { manifest: BundleManifest; manifestHash: string },
  fileHash: string | null = null,
): MergeSource {
  const m = opened.manifest;
  return {
    id,
    kind: 'bundle',
    label: fileName,
    snapshot: m.snapshot,
    exportedBy: { memberId: m.exportedBy.memberId, name: m.exportedBy.name, nip: m.exportedBy.nip },
    exportedAt: m.exportedAt,
    manifestHash: opened.manifestHash,
    fileHash,
    scope: m.scope,
    tombstones: m.tombstones ?? null,
  };
}

/** The coordinator's own evaluation (and the deletions made in it) as the base of a merge. */
export function sourceFromBase(
  snapshot: EvaluationSnapshot,
  tombstones: readonly Tombstone[] = [],
): MergeSource {
  return {
    id: 'base',
    kind: 'base',
    label: `Evaluasi di komputer koordinator (${evaluationName(snapshot.evaluation)})`,
    local: true,
    snapshot,
    exportedBy: null,
    exportedAt: null,
    manifestHash: null,
    fileHash: null,
    scope: { kind: 'all' },
    tombstones,
  };
}

/**
 * Instruments as people know them: the short title ("PermenPANRB 8/2026"), or the id of a pack
 * this app does not know; with versions when the titles alone do not tell them apart.
 */
function instrumentTitles(
  refs: readonly InstrumentRef[],
  merged: InstrumentRef,
): { of: (ref: InstrumentRef) => string } {
  const known = (ref: InstrumentRef) => findPack(ref.id, ref.version) ?? findPack(ref.id);
  const title = (ref: InstrumentRef): string => known(ref)?.shortTitle ?? `"${ref.id}"`;
  const withVersion = refs.some((r) => title(r) === title(merged));
  return {
    of: (ref) => (withVersion || !known(ref) ? `${title(ref)} versi ${ref.version}` : title(ref)),
  };
}

const norm = (s: string): string => s.trim().toLocaleLowerCase('id-ID').replace(/\s+/g, ' ');

function checkSources(sources: readonly MergeSource[], pack: InstrumentPack): string[] {
  if (sources.length < 2) {
    throw new MergeError('Penggabungan memerlukan paling sedikit dua evaluasi.');
  }
  const ids = new Set<string>();
  for (const s of sources) {
    if (ids.has(s.id)) throw new MergeError(`Id sumber "${s.id}" dipakai dua kali.`);
    ids.add(s.id);
  }
  const wrong = sources.filter(
    (s) =>
      s.snapshot.evaluation.instrument.id !== pack.id ||
      s.snapshot.evaluation.instrument.version !== pack.version,
  );
  if (wrong.length > 0) {
    const titles = instrumentTitles(
      wrong.map((s) => s.snapshot.evaluation.instrument),
      pack,
    );
    const named = titles.of;
    throw new MergeError(
      `${wrong
        .map(
          (s) => `Berkas "${s.label}" memakai instrumen ${named(s.snapshot.evaluation.instrument)}`,
        )
        .join(
          '; ',
        )}, sedangkan penggabungan ini memakai ${named(pack)}. Hanya evaluasi dengan instrumen yang sama yang dapat digabung: keluarkan ${wrong.length === 1 ? 'berkas tersebut' : 'berkas-berkas tersebut'} dari penggabungan.`,
      [],
      wrong.map((s) => s.id),
    );
  }
  // The same file twice is never a merge of two assessors (the Berita Acara would list one file
  // as two and count its answers as agreed by both): refused, the later copies named to take out.
  const seen = new Map<string, string>();
  const twice: { source: MergeSource; first: string }[] = [];
  for (const s of sources) {
    if (!s.manifestHash) continue;
    const other = seen.get(s.manifestHash);
    if (other) twice.push({ source: s, first: other });
    else seen.set(s.manifestHash, s.label);
  }
  if (twice.length > 0) {
    throw new MergeError(
      `${twice
        .map(
          ({ source, first }) => `"${source.label}" berisi hal yang sama persis dengan "${first}"`,
        )
        .join(
          '; ',
        )}: berkas yang sama ditambahkan dua kali. Keluarkan ${twice.length === 1 ? 'salinannya' : 'salinan-salinannya'} dari penggabungan.`,
      [],
      twice.map(({ source }) => source.id),
    );
  }
  const mismatches: string[] = [];
  const first = sources[0]!.snapshot.evaluation;
  for (const s of sources.slice(1)) {
    const ev = s.snapshot.evaluation;
    if (norm(ev.instansi.name) !== norm(first.instansi.name)) {
      mismatches.push(
        `"${s.label}" berisi evaluasi ${ev.instansi.name}, bukan ${first.instansi.name}`,
      );
    }
    if (ev.year !== first.year) {
      mismatches.push(`"${s.label}" berisi evaluasi tahun ${ev.year}, bukan ${first.year}`);
    }
  }
  return mismatches;
}

function assessorOf(
  source: MergeSource,
  answer: Answer,
): { memberId: Answer['updatedBy']; name: string } | null {
  if (answer.updatedBy) {
    const m = source.snapshot.members.find((x) => x.id === answer.updatedBy);
    if (m) return { memberId: m.id, name: m.name };
  }
  return source.exportedBy
    ? { memberId: source.exportedBy.memberId, name: source.exportedBy.name }
    : null;
}

/**
 * Who gave the base's copy of an answer: the member who last edited it in the coordinator's
 * evaluation (an assessor whose file was imported there, or the coordinator); null when the copy
 * is not the base's or its author is not on the team.
 */
export function baseAnswerer(source: MergeSource, answer: Answer): string | null {
  if (source.kind !== 'base' || !answer.updatedBy) return null;
  return source.snapshot.members.find((m) => m.id === answer.updatedBy)?.name ?? null;
}

function sideEvidence(source: MergeSource, indicator: number): ConflictSide['evidence'] {
  const byId = new Map(source.snapshot.evidence.map((e) => [e.id as string, e]));
  return source.snapshot.links
    .filter((l) => l.indicator === indicator)
    .flatMap((l) => {
      const e = byId.get(l.evidenceId);
      return e
        ? [{ hash: e.hash, fileName: e.fileName, title: e.title, levels: l.levels, note: l.note }]
        : [];
    });
}

export function levelNameOf(
  pack: InstrumentPack,
  indicator: number,
  value: number | null,
): string | null {
  if (value === null) return null;
  const entry = findIndicator(pack, indicator);
  if (!entry) return null;
  return levelOfValue(pack, entry.scale, value)?.name ?? null;
}

/** Decides per indicator what merges by itself and what is a conflict. */
export function analyzeMerge(input: {
  pack: InstrumentPack;
  base?: MergeSource | null;
  inputs: readonly MergeSource[];
}): MergeAnalysis {
  const sources = [...(input.base ? [input.base] : []), ...input.inputs];
  const mismatches = checkSources(sources, input.pack);
  const deletions = planDeletions(sources, input.base?.id ?? null);
  // Conflict sides show the documents as they will be: without those a deletion removes.
  const gone = new Set(deletions.applied.map((d) => d.key));
  const byId = new Map(
    sources.map((s) => [s.id, { ...s, snapshot: withoutDeleted(s.snapshot, gone) }]),
  );

  const indicators = new Set<number>();
  for (const s of sources) for (const a of s.snapshot.answers) indicators.add(a.indicator);

  const outcomes: IndicatorOutcome[] = [];
  const conflicts: Conflict[] = [];
  for (const indicator of [...indicators].sort((a, b) => a - b)) {
    const copies = sources.flatMap((s) =>
      s.snapshot.answers
        .filter((a) => a.indicator === indicator)
        .map((answer) => ({ sourceId: s.id, answer })),
    );
    // A blank copy with a past in common with a filled one is a deliberate clearing and counts
    // like an edit; a blank copy that was never filled is no answer at all.
    const filled = copies.filter(
      (c) =>
        !isBlankAnswer(c.answer) ||
        copies.some((d) => !isBlankAnswer(d.answer) && sharesLineage(c.answer, d.answer)),
    );
    if (filled.length === 0) {
      const taken = latest(copies);
      outcomes.push({
        kind: 'auto',
        indicator,
        how: copies.length > 1 ? 'identical' : 'oneSide',
        answer: taken.answer,
        sourceId: taken.sourceId,
        from: copies.map((c) => c.sourceId),
        superseded: [],
        copies,
      });
      continue;
    }
    // Drop every copy another copy grew from: only the newer one changed since they parted.
    const current = filled.filter((c) => !filled.some((d) => descendsFrom(d.answer, c.answer)));
    const superseded = filled.filter((c) => !current.includes(c)).map((c) => c.sourceId);
    const groups: { sourceId: string; answer: Answer }[][] = [];
    for (const c of current) {
      const group = groups.find((g) => sameContent(g[0]!.answer, c.answer));
      if (group) group.push(c);
      else groups.push([c]);
    }
    if (groups.length === 1) {
      const group = groups[0]!;
      const taken = latest(group);
      const how: AutoOutcome['how'] =
        superseded.length > 0 ? 'newer' : group.length > 1 ? 'identical' : 'oneSide';
      outcomes.push({
        kind: 'auto',
        indicator,
        how,
        answer: taken.answer,
        sourceId: taken.sourceId,
        from: unique(group.map((c) => c.sourceId)),
        superseded: unique(superseded),
        copies,
      });
      continue;
    }
    const entry = findIndicator(input.pack, indicator);
    const conflict: Conflict = {
      indicator,
      indicatorName: entry?.indicator.name ?? `Indikator ${indicator}`,
      sides: groups.map((group) => {
        const taken = latest(group);
        const source = byId.get(taken.sourceId)!;
        const groupSources = unique(group.map((c) => c.sourceId)).map((id) => byId.get(id)!);
        return {
          sourceId: taken.sourceId,
          sourceIds: groupSources.map((s) => s.id),
          sourceLabels: groupSources.map((s) => s.label),
          exporters: unique(groupSources.flatMap((s) => (s.exportedBy ? [s.exportedBy.name] : []))),
          assessor: assessorOf(source, taken.answer),
          answer: taken.answer,
          levelName: levelNameOf(input.pack, indicator, taken.answer.value),
          evidence: sideEvidence(source, indicator),
        };
      }),
    };
    conflict.start = startOf(current, copies, (id) => byId.get(id)!.label);
    conflicts.push(conflict);
    outcomes.push({ kind: 'conflict', indicator, conflict, copies });
  }
  return { pack: input.pack, sources, outcomes, conflicts, mismatches, deletions };
}

/**
 * What the conflicting copies grew from: the newest copy (in any source) that every one of them
 * descends from. A base edited since it was sent out (say, updated with one assessor's file) is
 * itself a side, never the starting point.
 */
function startOf(
  current: readonly { sourceId: string; answer: Answer }[],
  copies: readonly { sourceId: string; answer: Answer }[],
  labelOf: (sourceId: string) => string,
): ConflictStart {
  const common = copies.filter((c) => current.every((d) => descendsFrom(d.answer, c.answer)));
  if (common.length > 0) {
    // The newest common version is the one the others of `common` are ancestors of.
    const newest =
      common.find((c) => common.every((d) => !descendsFrom(d.answer, c.answer))) ?? common[0]!;
    const same = common.filter((c) => c.answer.revision === newest.answer.revision);
    return {
      kind: 'known',
      value: newest.answer.value,
      sourceLabels: unique(same.map((c) => labelOf(c.sourceId))),
    };
  }
  const shared = current.some((c, i) =>
    current.some((d, j) => i !== j && sharesLineage(c.answer, d.answer)),
  );
  return shared ? { kind: 'unknown' } : { kind: 'none' };
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function latest<T extends { answer: Answer }>(xs: readonly T[]): T {
  let best = xs[0]!;
  for (const x of xs) if (x.answer.updatedAt > best.answer.updatedAt) best = x;
  return best;
}
