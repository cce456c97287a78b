/**
 * `spbe-eval rekap <folder atau berkas…> -o rekap.xlsx [--json]`: the rekap of many Pemda.
 * Every .spbe (folders are read one level deep) is validated exactly as an import validates it,
 * one at a time (random access, nothing of a file kept but its row); a refused file is listed with
 * its reason and never stops the rekap. Exit 0, or 2 when no valid file was found.
 */
import path from 'node:path';
import { findPack } from '../../../shared/instrument';
import {
  distribution,
  isRefused,
  LatestRows,
  rekapRow,
  type RefusedFile,
} from '../../../shared/rekap/rekap';
import { rekapWorkbook } from '../../../shared/rekap/workbook';
import { withExactIndex } from '../../../shared/scoring';
import { CliError, EXIT_INVALID, EXIT_OK, type CliIo } from '../io';
import { openBundleFile } from './bundle-file';

export interface RekapOptions {
  output?: string;
  json: boolean;
  password?: string;
  appVersion: string;
  /** The rekap's date (tests); now by default. */
  now?: Date;
}

/** The .spbe files named: files as given, folders expanded (sorted, one level). */
async function filesOf(io: CliIo, args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const entries = io.listDir ? await io.listDir(arg) : null;
    if (entries === null) files.push(arg);
    else
      files.push(
        ...entries
          .filter((n) => n.toLowerCase().endsWith('.spbe') && !n.startsWith('.'))
          .sort((a, b) => a.localeCompare(b))
          .map((n) => path.join(arg, n)),
      );
  }
  return files;
}

/** "Berkas "x" tidak sah: alasan" → "alasan" (the file is named in its own column). */
const reasonOf = (file: string, message: string): string =>
  message.replace(`Berkas "${file}" tidak sah: `, '').replace(`Berkas "${file}" `, '');

export async function rekapCommand(
  io: CliIo,
  args: readonly string[],
  options: RekapOptions,
): Promise<number> {
  if (args.length === 0)
    throw new CliError(
      'Perintah rekap memerlukan folder atau berkas: spbe-eval rekap <folder> -o rekap.xlsx',
    );
  if (!options.output && !options.json)
    throw new CliError('Perintah rekap memerlukan berkas hasil: -o <rekap.xlsx> (atau --json)');
  const files = await filesOf(io, args);
  const latest = new LatestRows();
  const refused: RefusedFile[] = [];
  for (const file of files) {
    try {
      const { bundle, handle } = await openBundleFile(io, file, options);
      await handle.close();
      const row = rekapRow({ file, manifest: bundle.manifest, pack: bundle.pack });
      if (isRefused(row)) refused.push(row);
      else latest.add(row);
    } catch (e) {
      if (e instanceof CliError) refused.push({ file, reason: reasonOf(file, e.message) });
      else
        refused.push({
          file,
          reason: `tidak dapat dibaca (${e instanceof Error ? e.message : String(e)})`,
        });
    }
  }
  const { kept, superseded } = latest.result();
  const dist = distribution(kept, findPack);
  if (options.output) {
    const bytes = await rekapWorkbook({
      kept,
      superseded,
      refused,
      distribution: dist,
      packOf: findPack,
      madeAt: options.now ?? new Date(),
    });
    await io.writeFile(options.output, bytes);
  }
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          files: files.length,
          rows: kept.map((r) => ({
            file: r.file,
            instansi: r.instansi,
            region: r.region,
            province: r.province,
            year: r.year,
            instrument: { id: r.pack.id, version: r.pack.version },
            index: r.index?.value ?? null,
            indexDisplay: r.index?.display ?? null,
            indexExactDisplay: r.index?.exactDisplay ?? null,
            predikat: r.predikat,
            final: r.final,
            answered: r.answered,
            verified: r.verified,
            total: r.total,
            groups: r.groups.map((g) => ({ id: g.id, name: g.name, value: g.value })),
            values: r.values,
            exportedAt: r.exportedAt,
          })),
          superseded: superseded.map((r) => r.file),
          refused,
          distribution: dist,
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [
      `Rekap: ${files.length} berkas dibaca, ${kept.length} instansi-tahun dimuat` +
        (superseded.length > 0 ? `, ${superseded.length} berkas digantikan yang lebih baru` : '') +
        `, ${refused.length} berkas ditolak.`,
      ...kept.map(
        (r) =>
          `  ${r.instansi} ${r.year} (${r.pack.shortTitle}): ${r.index ? `${r.pack.indexLabel} ${withExactIndex(r.index.display, r.index.exactDisplay)}, ${r.predikat}` : 'belum dapat dihitung'}${r.final ? '' : ' — sementara'}`,
      ),
      ...refused.map((r) => `  Ditolak: ${r.file}: ${r.reason}`),
    ];
    if (options.output) lines.push(`Ditulis: ${options.output}`);
    io.out(lines.join('\n'));
  }
  if (kept.length === 0) {
    io.err(
      files.length === 0
        ? 'Kesalahan: tidak ada berkas .spbe di folder atau daftar yang diberikan.'
        : 'Kesalahan: tidak ada berkas sah untuk direkap.',
    );
    return EXIT_INVALID;
  }
  return EXIT_OK;
}
