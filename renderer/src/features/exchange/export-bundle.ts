/**
 * Exporting an evaluation to a .spbe file: the user picks where (platform.saveFile), the bundle
 * streams into it (shared/bundle/zip writeBundle, evidence read from the blob store; in a browser
 * the stored evidence Blobs themselves become parts of the file, never copied into script
 * memory), and only once the file is complete are the exported answers sealed
 * (db/commands/export.ts). Cancelling or a failure aborts the save, so no file is left behind and
 * the database is as it was.
 */
import type { EvaluationId, Evaluation, MemberId } from '../../../../shared/assessment';
import { scopeOf, type BundleProgress } from '../../../../shared/bundle';
import { writeBundle, type WriteBundleResult } from '../../../../shared/bundle/zip';
import type { InstrumentPack } from '../../../../shared/instrument';
import type { Actor } from '../../db/commands/actor';
import { webSha256 } from '../../db/commands/hash';
import {
  evidenceSourceFromDb,
  readExportSnapshot,
  readTombstones,
  sealExport,
  type SealResult,
} from '../../db/commands/export';
import type { Platform } from '../../platform';
import type { SavedFile } from '../../platform/types';

export interface ExportRequest {
  evaluationId: EvaluationId;
  pack: InstrumentPack;
  /** "Only mine": these indicators; undefined for every indicator. */
  indicators?: readonly number[];
  includeEvidence: boolean;
  /** AES-256 when non-empty. */
  password?: string;
  exporter: { memberId: MemberId | null; name: string; nip: string };
  actor: Actor;
  suggestedName: string;
  /**
   * Written to the team folder (automatically, a few seconds after each change): the history
   * records it once a day per file instead of on every write.
   */
  teamFolder?: boolean;
}

export interface ExportOutcome {
  saved: SavedFile;
  result: WriteBundleResult;
  seal: SealResult;
}

/**
 * A file name for the export, naming the evaluation as the report does:
 * "Evaluasi Pemdi Kabupaten Belitung Timur 2026 - Siti Aisyah - 2026-12-07.spbe" ("Evaluasi SPBE"
 * for PermenPANRB 59/2020; the instansi with its kind, as Kota and Kabupaten Bandung both exist).
 */
export function exportFileName(
  evaluation: Pick<Evaluation, 'year'> & {
    instansi: Pick<Evaluation['instansi'], 'name' | 'regionName'>;
  },
  pack: Pick<InstrumentPack, 'indexLabel'>,
  who: string,
  at: Date = new Date(),
  mine = false,
): string {
  const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  const index = pack.indexLabel.replace(/^Indeks\s+/i, '').trim() || 'SPBE';
  const region =
    evaluation.instansi.name.replace(/^Pemerintah\s+/i, '').trim() ||
    evaluation.instansi.regionName.trim();
  const parts = [
    `Evaluasi ${index} ${region} ${evaluation.year}`,
    who.trim() + (mine ? ' (indikator saya)' : ''),
    day,
  ].filter((p) => p.trim() !== '');
  // Only characters every file system accepts.
  const name = parts
    .join(' - ')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ._()-]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${name || 'Evaluasi SPBE'}.spbe`;
}

/**
 * Runs an export. Resolves null when the user cancelled the save dialog; rejects with the
 * writer's `BundleError` (cancelled: code "aborted") or a storage error, having written nothing.
 */
export async function exportEvaluation(
  platform: Pick<Platform, 'saveFile'>,
  request: ExportRequest,
  options: { signal?: AbortSignal; onProgress?: (p: BundleProgress) => void } = {},
): Promise<ExportOutcome | null> {
  let outcome: { result: WriteBundleResult; exported: number[] } | undefined;
  let snapshotAnswers: Awaited<ReturnType<typeof readExportSnapshot>>['answers'] = [];
  const saved = await platform.saveFile(
    { kind: 'bundle', suggestedName: request.suggestedName, title: 'Simpan berkas .spbe' },
    async (sink, signal, info) => {
      // Read after the user chose where to save, so the file holds the latest state.
      const snapshot = await readExportSnapshot(request.evaluationId);
      snapshotAnswers = snapshot.answers;
      // Where the platform takes Blob parts, stored evidence reaches the file by reference.
      const result = await writeBundle(
        info?.blobs ? { blobParts: info.blobs } : sink,
        {
          snapshot,
          pack: request.pack,
          appVersion: __APP_VERSION__,
          exportedBy: request.exporter,
          evidenceSource: evidenceSourceFromDb,
          tombstones: await readTombstones(request.evaluationId),
        },
        {
          includeEvidence: request.includeEvidence,
          indicators: request.indicators,
          password: request.password || undefined,
          signal,
          onProgress: options.onProgress,
          hash: webSha256,
        },
      );
      outcome = { result, exported: result.manifest.snapshot.answers.map((a) => a.indicator) };
    },
    options.signal,
  );
  if (!saved || !outcome) return null;
  const exported = new Set(outcome.exported);
  const seal = await sealExport(
    request.evaluationId,
    snapshotAnswers.filter((a) => exported.has(a.indicator)),
    request.actor,
    {
      fileName: saved.name,
      scope: scopeOf(request.indicators),
      includeEvidence: request.includeEvidence,
      encrypted: Boolean(request.password),
      ...(request.teamFolder ? { teamFolder: true } : {}),
    },
  );
  return { saved, result: outcome.result, seal };
}
