/**
 * What importing a validated bundle would do, before anything is written: create a new
 * evaluation or update the one with the same id, what would change (answers added, changed, kept,
 * in conflict; evidence added), and whether the user must confirm first because the bundle is of
 * another instansi or another year than the evaluations already here. The importer shows this
 * summary, asks when `confirmations` is not empty, and only then writes in one transaction.
 */
import type { Answer } from '../assessment/answer';
import { isBlankAnswer, isNoAnswerBeside, relateAnswers } from '../assessment/lineage';
import type { Evaluation, EvaluationId } from '../assessment';
import type { BundleManifest } from './manifest';
import { describeScope } from './scope';

/** What the database knows of an evaluation already stored. */
export interface ExistingEvaluation {
  evaluation: Evaluation;
  answers: readonly Answer[];
  /** Hashes of the evidence bytes already stored for it (or in the whole blob store). */
  evidenceHashes: ReadonlySet<string>;
}

export type ImportConfirmation =
  | { kind: 'otherInstansi'; bundleInstansi: string; existingInstansi: string[] }
  | { kind: 'otherYear'; instansi: string; bundleYear: number; existingYears: number[] }
  | {
      kind: 'targetDiffers';
      field: 'instansi' | 'year';
      bundleValue: string;
      existingValue: string;
    };

export interface ImportChanges {
  /** Indicators with an answer in the bundle and none (or a blank one) here. */
  answersAdded: number[];
  /** Indicators whose answer in the bundle is newer than the one here. */
  answersChanged: number[];
  /** Indicators whose answer is the same on both sides. */
  answersUnchanged: number[];
  /** Indicators whose answer here is newer than the bundle's: the import keeps the local one. */
  answersKeptLocal: number[];
  /** Indicators changed on both sides since they parted: settle them through a merge. */
  answersInConflict: number[];
  /** Evidence documents the bundle adds (by hash, not stored yet). */
  evidenceAdded: number;
  /** Bytes the import would store (only files not already stored). */
  bytesAdded: number;
}

export interface ImportPlan {
  action: 'create' | 'update';
  /** The evaluation an update writes into. */
  targetId: EvaluationId | null;
  /** Questions the user must answer "yes" to before the import may run. */
  confirmations: ImportConfirmation[];
  summary: {
    instansi: string;
    year: number;
    exportedBy: string;
    exportedAt: number;
    scope: string;
    evidenceIncluded: boolean;
    answers: number;
    evidence: number;
    members: number;
  };
  changes: ImportChanges;
}

const norm = (s: string): string => s.trim().toLocaleLowerCase('id-ID').replace(/\s+/g, ' ');

const isBlank = isBlankAnswer;

export function importPlan(
  manifest: BundleManifest,
  existing: readonly ExistingEvaluation[],
): ImportPlan {
  const { snapshot } = manifest;
  const ev = snapshot.evaluation;
  const target = existing.find((e) => e.evaluation.id === ev.id);
  const confirmations: ImportConfirmation[] = [];

  if (target) {
    if (norm(target.evaluation.instansi.name) !== norm(ev.instansi.name)) {
      confirmations.push({
        kind: 'targetDiffers',
        field: 'instansi',
        bundleValue: ev.instansi.name,
        existingValue: target.evaluation.instansi.name,
      });
    }
    if (target.evaluation.year !== ev.year) {
      confirmations.push({
        kind: 'targetDiffers',
        field: 'year',
        bundleValue: String(ev.year),
        existingValue: String(target.evaluation.year),
      });
    }
  } else if (existing.length > 0) {
    const sameInstansi = existing.filter(
      (e) => norm(e.evaluation.instansi.name) === norm(ev.instansi.name),
    );
    if (sameInstansi.length === 0) {
      confirmations.push({
        kind: 'otherInstansi',
        bundleInstansi: ev.instansi.name,
        existingInstansi: [...new Set(existing.map((e) => e.evaluation.instansi.name))],
      });
    } else if (!sameInstansi.some((e) => e.evaluation.year === ev.year)) {
      confirmations.push({
        kind: 'otherYear',
        instansi: ev.instansi.name,
        bundleYear: ev.year,
        existingYears: [...new Set(sameInstansi.map((e) => e.evaluation.year))].sort(),
      });
    }
  }

  const changes: ImportChanges = {
    answersAdded: [],
    answersChanged: [],
    answersUnchanged: [],
    answersKeptLocal: [],
    answersInConflict: [],
    evidenceAdded: 0,
    bytesAdded: 0,
  };
  const localAnswers = new Map((target?.answers ?? []).map((a) => [a.indicator, a]));
  for (const incoming of [...snapshot.answers].sort((a, b) => a.indicator - b.indicator)) {
    const local = localAnswers.get(incoming.indicator);
    // A local answer cleared since it parted from this copy is weighed, not filled over.
    if (!local || isNoAnswerBeside(local, incoming)) {
      if (!isBlank(incoming)) changes.answersAdded.push(incoming.indicator);
      continue;
    }
    const relation = relateAnswers(local, incoming);
    if (relation === 'same') changes.answersUnchanged.push(incoming.indicator);
    else if (relation === 'secondNewer') changes.answersChanged.push(incoming.indicator);
    else if (relation === 'firstNewer') changes.answersKeptLocal.push(incoming.indicator);
    else changes.answersInConflict.push(incoming.indicator);
  }
  const stored = target?.evidenceHashes ?? new Set<string>();
  const counted = new Set<string>();
  for (const e of snapshot.evidence) {
    if (stored.has(e.hash) || counted.has(e.hash)) continue;
    counted.add(e.hash);
    changes.evidenceAdded += 1;
    if (manifest.evidenceIncluded) changes.bytesAdded += e.size;
  }

  return {
    action: target ? 'update' : 'create',
    targetId: target ? target.evaluation.id : null,
    confirmations,
    summary: {
      instansi: ev.instansi.name,
      year: ev.year,
      exportedBy: manifest.exportedBy.name,
      exportedAt: manifest.exportedAt,
      scope: describeScope(manifest.scope),
      evidenceIncluded: manifest.evidenceIncluded,
      answers: snapshot.answers.filter((a) => !isBlank(a)).length,
      evidence: snapshot.evidence.length,
      members: snapshot.members.length,
    },
    changes,
  };
}

/** The confirmation question in Indonesian, for the dialog. */
export function confirmationText(c: ImportConfirmation): string {
  switch (c.kind) {
    case 'otherInstansi':
      return `Berkas ini berisi evaluasi ${c.bundleInstansi}, bukan ${c.existingInstansi.join(' atau ')}. Tetap impor?`;
    case 'otherYear':
      return `Berkas ini berisi evaluasi ${c.instansi} tahun ${c.bundleYear}, sedangkan yang tersimpan tahun ${c.existingYears.join(', ')}. Tetap impor?`;
    case 'targetDiffers':
      return c.field === 'instansi'
        ? `Evaluasi tujuan tercatat untuk ${c.existingValue}, tetapi berkas menyebut ${c.bundleValue}. Tetap perbarui?`
        : `Evaluasi tujuan tercatat untuk tahun ${c.existingValue}, tetapi berkas menyebut tahun ${c.bundleValue}. Tetap perbarui?`;
  }
}
