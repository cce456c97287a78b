/**
 * The report e2e cases seeded as fixture evaluations: Balikpapan 2026 (the case, a Wali
 * Kota), Mojokerto 2026 (a Bupati's, partly assessed) with their built-in regional profiles, and
 * an Indeks Pemdi evaluation (PermenPANRB 8/2026), each under a new id and dated 3 Desember 2026,
 * and the report model the app must build from each.
 */
import type { EvaluationSnapshot } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { findProfile } from '../../../shared/profiles';
import { buildReport, reportProfileFromRegional, type ReportModel } from '../../../shared/report';
import { fixtureSnapshot } from './seed';

export type ReportCase = 'balikpapan-2026' | 'mojokerto-2026-partial' | 'pemdi-2026';

/** A fixture evaluation under a new id, dated 3 Desember 2026; `verified`: every answer verified. */
export function seededCase(name: ReportCase, id: string, verified: boolean): EvaluationSnapshot {
  const s = fixtureSnapshot(name);
  s.evaluation.id = id as never;
  s.evaluation.profileId =
    name === 'balikpapan-2026'
      ? 'kota-balikpapan'
      : name === 'mojokerto-2026-partial'
        ? 'kabupaten-mojokerto'
        : null;
  s.evaluation.reportDate = '2026-12-03';
  // Member ids are shared between fixtures: those of the Pemdi one get its id as a prefix, so
  // that seeding both keeps each team (updatedBy/addedBy name a member too).
  const member = (v: unknown): unknown =>
    name === 'pemdi-2026' && typeof v === 'string' && v !== '' ? `${id}:${v}` : v;
  const rebind = <T extends { evaluationId: unknown }>(rows: T[]): T[] =>
    rows.map((r) => {
      const row: Record<string, unknown> = { ...r, evaluationId: id };
      for (const key of ['updatedBy', 'addedBy'] as const) {
        if (key in row) row[key] = member(row[key]);
      }
      return row as T;
    });
  return {
    ...s,
    answers: rebind(s.answers).map((a) => (verified ? { ...a, status: 'verified' as const } : a)),
    evidence: rebind(s.evidence),
    links: rebind(s.links),
    members: rebind(s.members).map((m) => ({ ...m, id: member(m.id) as typeof m.id })),
    audit: [],
  };
}

/** The report model of a seeded case, as the app builds it on its report date. */
export function caseModel(snapshot: EvaluationSnapshot): ReportModel {
  const { id, version } = snapshot.evaluation.instrument;
  const pack = findPack(id, version);
  if (!pack) throw new Error(`no pack ${id}`);
  const profile = snapshot.evaluation.profileId ? findProfile(snapshot.evaluation.profileId) : null;
  return buildReport({
    snapshot,
    pack,
    profile: profile ? reportProfileFromRegional(profile, snapshot, pack) : null,
    now: new Date(2026, 11, 3, 12),
  });
}
