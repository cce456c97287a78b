/**
 * `spbe-eval merge a.spbe b.spbe ... -o merged.spbe [--prefer <asesor>]`: merges assessors'
 * bundles headlessly. Everything without a conflict merges by itself. With conflicts and no
 * --prefer nothing is written but a JSON list of the conflicts next to the output
 * (merged.conflicts.json) and the exit code is 3; with --prefer each conflict where that
 * assessor is on exactly one side is settled toward it and the reason recorded. The merged bundle
 * is written atomically, with the evidence bytes when the inputs carry all of them, and the merge
 * record (for the Berita Acara) next to it as merged.merge.json. Deletions the files carry
 * (tombstones) apply by themselves; one set against a concurrent edit is listed in the conflicts
 * file like an answer conflict (never settled by --prefer: it is decided in the app).
 */
import { evidenceHashSchema } from '../../../shared/assessment';
import { referencedHashes } from '../../../shared/bundle';
import { writeBundle, type EvidenceSource } from '../../../shared/bundle/zip';
import { formatNumber } from '../../../shared/format/number';
import { defaultPack } from '../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  blindInputsSentence,
  MergeError,
  resolveByPreference,
  sourceFromBundle,
  type Conflict,
  type MergeAnalysis,
  type MergeSource,
} from '../../../shared/merge';
import { CliError, EXIT_CONFLICTS, type CliIo } from '../io';
import { fileSha256, openBundleFile, type OpenedFile } from './bundle-file';

export interface MergeOptions {
  output: string;
  prefer?: string;
  password?: string;
  outputPassword?: string;
  base?: string;
  /** Who runs the merge (recorded as the exporter and the decider). */
  by: string;
  json: boolean;
  appVersion: string;
  now?: number;
}

const stem = (file: string): string => file.replace(/\.spbe$/i, '');

export function conflictsJson(analysis: MergeAnalysis, conflicts: readonly Conflict[]) {
  return {
    format: 'evaluasi-spbe-conflicts',
    inputs: analysis.sources.map((s) => ({
      source: s.id,
      file: s.label,
      exportedBy: s.exportedBy?.name ?? null,
      exportedAt: s.exportedAt,
      manifestHash: s.manifestHash,
    })),
    deletionConflicts: analysis.deletions.conflicts.map((c) => ({
      key: c.key,
      entity: c.entity,
      label: c.label,
      deletedBy: c.tombstone.by.name,
      deletedAt: c.tombstone.at,
      deletedIn: c.deletedIn,
      deletedDescription: c.deletedDescription,
      edited: c.edited,
    })),
    conflicts: conflicts.map((c) => ({
      indicator: c.indicator,
      indicatorName: c.indicatorName,
      sides: c.sides.map((side) => ({
        sources: side.sourceIds,
        files: side.sourceLabels,
        assessor: side.assessor?.name ?? null,
        assessorId: side.assessor?.memberId ?? null,
        value: side.answer.value,
        levelName: side.levelName,
        justification: side.answer.justification,
        agency: side.answer.agency,
        updatedAt: side.answer.updatedAt,
        evidence: side.evidence.map((e) => ({
          hash: e.hash,
          fileName: e.fileName,
          title: e.title,
        })),
      })),
    })),
  };
}

export async function mergeCommand(
  io: CliIo,
  files: readonly string[],
  options: MergeOptions,
): Promise<number> {
  if (files.length < 2) {
    throw new CliError('Perintah merge memerlukan paling sedikit dua berkas .spbe');
  }
  if (files.includes(options.output) || options.base === options.output) {
    throw new CliError(
      `Berkas keluaran "${options.output}" tidak boleh sama dengan berkas masukan`,
    );
  }
  const opened: OpenedFile[] = [];
  try {
    for (const file of [...(options.base ? [options.base] : []), ...files]) {
      opened.push(await openBundleFile(io, file, options));
    }
    const sources: MergeSource[] = [];
    let n = 0;
    for (const o of opened) {
      const fileHash = await fileSha256(io, o.file);
      const isBase = options.base !== undefined && o === opened[0];
      const source = sourceFromBundle(
        isBase ? 'base' : String((n += 1)),
        o.file,
        o.bundle,
        fileHash,
      );
      sources.push(isBase ? { ...source, kind: 'base' } : source);
    }
    const pack = opened[0]!.bundle.pack;
    let analysis: MergeAnalysis;
    try {
      analysis = analyzeMerge({
        pack,
        base: sources.find((s) => s.kind === 'base') ?? null,
        inputs: sources.filter((s) => s.kind === 'bundle'),
      });
    } catch (e) {
      if (e instanceof MergeError) throw new CliError(e.message);
      throw e;
    }
    if (analysis.mismatches.length > 0) {
      throw new CliError(
        `Berkas tidak dapat digabung: ${analysis.mismatches.join('; ')}. Gabungkan hanya berkas evaluasi instansi dan tahun yang sama.`,
      );
    }
    const now = options.now ?? Date.now();
    const decidedBy = { memberId: null, name: options.by };
    const { resolutions, unresolved } = options.prefer
      ? resolveByPreference(analysis, options.prefer, decidedBy, now)
      : { resolutions: [], unresolved: analysis.conflicts };
    const deletionConflicts = analysis.deletions.conflicts;
    if (unresolved.length > 0 || deletionConflicts.length > 0) {
      const list = `${stem(options.output)}.conflicts.json`;
      await io.writeFileAtomic(list, async (sink) => {
        const w = sink.getWriter();
        await w.write(
          new TextEncoder().encode(
            `${JSON.stringify(conflictsJson(analysis, unresolved), null, 2)}\n`,
          ),
        );
        await w.close();
      });
      const what = [
        ...(unresolved.length > 0
          ? [
              `${unresolved.length} konflik perlu diputuskan (indikator ${unresolved.map((c) => c.indicator).join(', ')})`,
            ]
          : []),
        ...(deletionConflicts.length > 0
          ? [
              `${deletionConflicts.length} penghapusan berbenturan dengan perubahan (${deletionConflicts.map((c) => c.label).join(', ')})`,
            ]
          : []),
      ].join(' dan ');
      io.err(
        `Kesalahan: ${what}; daftarnya ditulis ke ${list}. Putuskan di aplikasi${unresolved.length > 0 ? ', atau jalankan lagi dengan --prefer <nama asesor>' : ''}.`,
      );
      return EXIT_CONFLICTS;
    }

    const { snapshot, record, tombstones } = applyMerge(analysis, resolutions, {
      now,
      mergedBy: decidedBy,
    });
    // Evidence bytes travel when the inputs hold every file the merged evaluation references.
    const holder = new Map<string, OpenedFile>();
    for (const o of opened)
      for (const f of o.bundle.files) if (!holder.has(f.hash)) holder.set(f.hash, o);
    const needed = referencedHashes({ snapshot });
    const includeEvidence = [...needed].every((h) => holder.has(h));
    const evidenceSource: EvidenceSource = (hash) => {
      const o = holder.get(hash);
      if (!o) throw new Error(`bukti ${hash} tidak ada`);
      return o.bundle.openEvidence(evidenceHashSchema.parse(hash));
    };
    let bytesWritten = 0;
    await io.writeFileAtomic(options.output, async (sink) => {
      const result = await writeBundle(
        sink,
        {
          snapshot,
          pack: pack ?? defaultPack(),
          appVersion: options.appVersion,
          exportedBy: decidedBy,
          exportedAt: now,
          evidenceSource,
          tombstones,
        },
        { includeEvidence, password: options.outputPassword, hash: io.hash, crc32: io.crc32 },
      );
      bytesWritten = result.bytesWritten;
    });
    const recordFile = `${stem(options.output)}.merge.json`;
    await io.writeFileAtomic(recordFile, async (sink) => {
      const w = sink.getWriter();
      await w.write(new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`));
      await w.close();
    });

    const counts = { identical: 0, oneSide: 0, newer: 0, resolved: 0 };
    for (const p of record.provenance) counts[p.how] += 1;
    if (options.json) {
      io.out(
        JSON.stringify(
          {
            output: options.output,
            record: recordFile,
            bytesWritten,
            counts,
            totals: record.totals,
          },
          null,
          2,
        ),
      );
    } else {
      io.out(
        [
          `Digabung: ${sources.length} berkas → ${options.output} (${formatNumber(bytesWritten / 1024, 0)} KB${includeEvidence ? ', dengan isi bukti dukung' : ', tanpa isi bukti dukung karena tidak semua berkas menyertakannya'})`,
          `Jawaban: ${record.provenance.length} indikator — ${counts.identical} sama, ${counts.oneSide} dari satu pihak, ${counts.newer} versi terbaru, ${counts.resolved} diputuskan${options.prefer && counts.resolved > 0 ? ` (mengutamakan ${options.prefer})` : ''}`,
          `Bukti dukung: ${record.totals.evidence} dokumen (${record.totals.evidenceDuplicates} salinan sama digabung); tim: ${record.totals.members} orang`,
          ...(record.deletions && record.deletions.length > 0
            ? [
                `Penghapusan diterapkan: ${record.deletions.map((d) => `${d.label} (oleh ${d.deletedBy || '—'})`).join(', ')}`,
              ]
            : []),
          ...(record.blindInputs && record.blindInputs.length > 0
            ? [blindInputsSentence(record.blindInputs)!]
            : []),
          `Catatan penggabungan (untuk Berita Acara): ${recordFile}`,
        ].join('\n'),
      );
    }
    return 0;
  } finally {
    for (const o of opened) await o.handle.close().catch(() => undefined);
  }
}
