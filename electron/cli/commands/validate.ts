/**
 * `spbe-eval validate <file.spbe>`: every check an import makes (format, versions, names, sizes,
 * each evidence file's SHA-256, the instrument, the values, references), then a summary of what
 * the bundle holds. Exit 0 when valid, 2 with the reason when not.
 */
import { describeScope, type BundleManifest } from '../../../shared/bundle';
import { formatDateTime } from '../../../shared/format/date';
import { formatBytes } from '../../../shared/format/number';
import { isBlankAnswer } from '../../../shared/assessment/lineage';
import type { CliIo } from '../io';
import { openBundleFile } from './bundle-file';

export function bundleSummary(manifest: BundleManifest): Record<string, unknown> {
  const s = manifest.snapshot;
  return {
    instansi: s.evaluation.instansi.name,
    year: s.evaluation.year,
    instrument: manifest.instrument,
    formatVersion: manifest.formatVersion,
    app: manifest.app,
    exportedBy: manifest.exportedBy,
    exportedAt: manifest.exportedAt,
    scope: manifest.scope,
    answers: s.answers.filter((a) => !isBlankAnswer(a)).length,
    evidence: s.evidence.length,
    evidenceIncluded: manifest.evidenceIncluded,
    evidenceBytes: manifest.files.reduce((t, f) => t + f.size, 0),
    members: s.members.length,
    auditEvents: s.audit.length,
  };
}

export async function validateCommand(
  io: CliIo,
  file: string,
  options: { password?: string; json: boolean; appVersion: string },
): Promise<void> {
  const { bundle, handle } = await openBundleFile(io, file, options);
  await handle.close();
  const m = bundle.manifest;
  const summary = bundleSummary(m);
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          valid: true,
          file,
          encrypted: bundle.encrypted,
          manifestHash: bundle.manifestHash,
          ...summary,
        },
        null,
        2,
      ),
    );
    return;
  }
  const s = m.snapshot;
  const bytes = m.files.reduce((t, f) => t + f.size, 0);
  io.out(
    [
      `Berkas sah: ${file}`,
      `Instansi: ${s.evaluation.instansi.name}, tahun ${s.evaluation.year}`,
      `Instrumen: ${m.instrument.id} versi ${m.instrument.version}`,
      `Diekspor oleh: ${m.exportedBy.name} pada ${formatDateTime(m.exportedAt)} (aplikasi ${m.app.version}, format ${m.formatVersion})`,
      `Cakupan: ${describeScope(m.scope)}`,
      `Jawaban terisi: ${summary.answers as number} indikator`,
      `Bukti dukung: ${s.evidence.length} dokumen (${m.evidenceIncluded ? `isi disertakan, ${formatBytes(bytes)}` : 'hanya metadata, tanpa isi'})`,
      `Tim: ${s.members.length} orang; riwayat: ${s.audit.length} catatan`,
      `Terenkripsi: ${bundle.encrypted ? 'ya (AES-256)' : 'tidak'}`,
      `SHA-256 manifest: ${bundle.manifestHash}`,
    ].join('\n'),
  );
}
