/**
 * Everything a report is built from besides the evaluation itself, read from the database: the
 * earlier evaluations of the same instansi (for "last year" and the trend), the regional profile
 * (built-in, or a custom one stored in `db.profiles`), and the logo's bytes. The report screen
 * and the print route both read through here, so the preview, the PDF and the office files are
 * built from the same inputs.
 */
import type { Evaluation, EvaluationId, EvaluationSnapshot } from '../../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../../shared/instrument';
import { findProfile, parseProfile, type Profile } from '../../../../shared/profiles';
import {
  choosePrevious,
  isEarlierEvaluationOf,
  previousFromSnapshot,
  type PreviousCandidate,
  type PreviousEvaluation,
  reportProfileFromRegional,
  type ReportProfile,
} from '../../../../shared/report';
import { blobStore } from '../../db/blob-store';
import { db } from '../../db/db';
import { readSnapshot } from '../../db/snapshot';

/** The regional profile with this id: built-in first, then a valid custom one; else null. */
export async function lookupProfile(id: string | null): Promise<Profile | null> {
  if (!id) return null;
  const builtIn = findProfile(id);
  if (builtIn) return builtIn;
  const row = await db.profiles.get(id);
  if (!row) return null;
  // A stored profile that no longer validates (older format, damaged) is left out of the
  // report rather than half-used; the profile screens are where it gets repaired.
  const parsed = parseProfile(row.profile);
  return parsed.ok ? parsed.profile : null;
}

/** Results of earlier evaluations of the same instansi, one per year, oldest first. */
export async function loadPrevious(current: Evaluation): Promise<PreviousEvaluation[]> {
  const earlier = (await db.evaluations.toArray()).filter((e) => isEarlierEvaluationOf(current, e));
  const candidates: PreviousCandidate[] = [];
  for (const evaluation of earlier) {
    const pack = findPack(evaluation.instrument.id, evaluation.instrument.version);
    if (!pack) continue; // an instrument this app does not know cannot be scored here
    const snapshot = await readSnapshot(evaluation.id);
    if (!snapshot) continue;
    candidates.push({ evaluation, previous: previousFromSnapshot(pack, snapshot) });
  }
  return choosePrevious(current, candidates);
}

/** The logo image, or null when there is none (or its bytes are missing). */
export async function loadLogo(hash: string | null): Promise<Blob | null> {
  if (!hash) return null;
  const row = await blobStore.get(hash);
  if (!row) return null;
  return row.data.type ? row.data : new Blob([row.data], { type: row.type });
}

export interface ReportSources {
  snapshot: EvaluationSnapshot;
  pack: InstrumentPack;
  previous: PreviousEvaluation[];
  profile: ReportProfile | null;
  logo: Blob | null;
}

export class ReportSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportSourceError';
  }
}

/** All inputs of one evaluation's report, read once (the print route). */
export async function loadReportSources(id: EvaluationId): Promise<ReportSources> {
  const snapshot = await readSnapshot(id);
  if (!snapshot) throw new ReportSourceError('Evaluasi tidak ditemukan. Mungkin sudah dihapus.');
  const { evaluation } = snapshot;
  const pack = findPack(evaluation.instrument.id, evaluation.instrument.version);
  if (!pack) {
    throw new ReportSourceError(
      `Evaluasi ini memakai instrumen ${evaluation.instrument.id} versi ${evaluation.instrument.version} yang tidak dikenal oleh aplikasi ini.`,
    );
  }
  const [previous, regional, logo] = await Promise.all([
    loadPrevious(evaluation),
    lookupProfile(evaluation.profileId),
    loadLogo(evaluation.instansi.logoHash),
  ]);
  const profile = regional ? reportProfileFromRegional(regional, snapshot, pack) : null;
  return { snapshot, pack, previous, profile, logo };
}
