/**
 * "Only mine": an assessor exports the indicators assigned to them, not the whole evaluation. The
 * restricted snapshot keeps the evaluation and the team (the coordinator needs to know who), the
 * answers and evidence links of those indicators, the evidence documents those links use, and
 * the audit events of those indicators plus the ones not tied to any indicator.
 */
import type { EvaluationSnapshot } from '../assessment/snapshot';
import { rangeProse } from '../report/text';
import type { BundleScope } from './manifest';

export function restrictSnapshot(
  snapshot: EvaluationSnapshot,
  indicators: readonly number[],
): EvaluationSnapshot {
  const keep = new Set(indicators);
  const links = snapshot.links.filter((l) => keep.has(l.indicator));
  const used = new Set<string>(links.map((l) => l.evidenceId));
  return {
    evaluation: snapshot.evaluation,
    answers: snapshot.answers.filter((a) => keep.has(a.indicator)),
    evidence: snapshot.evidence.filter((e) => used.has(e.id)),
    links,
    members: snapshot.members,
    audit: snapshot.audit.filter((e) => e.indicator === null || keep.has(e.indicator)),
  };
}

/** The scope record of a manifest for an export over all indicators or a list of them. */
export function scopeOf(indicators: readonly number[] | undefined): BundleScope {
  if (indicators === undefined) return { kind: 'all' };
  return { kind: 'indicators', indicators: [...new Set(indicators)].sort((a, b) => a - b) };
}

/** The scope in words: "semua indikator" or "indikator 1–3 dan 5" (ranges as in the report). */
export function describeScope(scope: BundleScope): string {
  if (scope.kind === 'all') return 'semua indikator';
  return `indikator ${rangeProse(scope.indicators)}`;
}
