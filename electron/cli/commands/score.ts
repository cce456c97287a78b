/**
 * `spbe-eval score <file>`: the indices and predikat of a set of indicator levels, exactly as
 * the app computes them (shared/scoring). The file is the JSON values form (values-input.ts) or a .spbe bundle
 * (recognised by its extension or its zip header), which is fully validated first.
 */
import { rangeProse } from '../../../shared/report/text';
import { formatWeight } from '../../../shared/format/number';
import { noIndexText, score, withExactIndex, type ScoreResult } from '../../../shared/scoring';
import {
  cautionFor,
  externalIndicators,
  formatValue,
  type InstrumentPack,
} from '../../../shared/instrument';
import { snapshotValues } from '../../../shared/assessment';
import { CliError, type CliIo } from '../io';
import { parseJsonFile, readValuesForm } from '../values-input';
import { renderTable } from '../table';
import { looksLikeBundle, openBundleFile } from './bundle-file';

export async function readScoreInput(
  io: CliIo,
  file: string,
): Promise<{ pack: InstrumentPack; values: Record<number, number | null> }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch {
    throw new CliError(`Berkas "${file}" tidak dapat dibaca`);
  }
  return readValuesForm(parseJsonFile(bytes, file), file);
}

/** The JSON form printed by `score --json`. */
export function scoreJson(pack: InstrumentPack, result: ScoreResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    instrument: result.instrument,
    overall: result.overall
      ? {
          value: result.overall.value,
          display: result.overall.display,
          rating: result.overall.rating,
          // Where the presented index hides the side of a predikat bound or the target.
          ...(result.overall.exactDisplay ? { exactDisplay: result.overall.exactDisplay } : {}),
          provisional: result.overall.provisional,
        }
      : null,
  };
  for (const tier of pack.tiers) {
    out[`${tier.id}s`] = result.groups
      .filter((g) => g.tier === tier.id)
      .map((g) => ({
        id: g.id,
        number: g.number,
        name: g.name,
        weight: g.weight,
        ...(g.parentId ? { parent: g.parentId } : {}),
        value: g.result?.value ?? null,
        display: g.result?.display ?? null,
        missing: g.missing,
      }));
  }
  out.indicators = result.indicators.map((i) => ({
    number: i.number,
    value: i.value,
    valueDisplay: i.valueDisplay,
    level: i.level,
    levelName: i.levelName,
    gap: i.gap,
    gapDisplay: i.gapDisplay,
    awaitingExternal: i.awaitingExternal,
  }));
  out.missing = result.missing;
  out.awaitingExternal = result.awaitingExternal;
  out.complete = result.complete;
  return out;
}

export function scoreText(pack: InstrumentPack, result: ScoreResult): string {
  const lines: string[] = [];
  lines.push(
    `${pack.indexLabel} menurut ${pack.shortTitle} (paket ${pack.id} versi ${pack.version})`,
  );
  lines.push('');
  const rows: string[][] = [];
  const walk = (parentId: string | null, indent: string): void => {
    for (const g of result.groups.filter((x) => x.parentId === parentId)) {
      const tier = pack.tiers.find((t) => t.id === g.tier);
      rows.push([
        `${indent}${tier?.label ?? ''} ${g.number}`,
        g.name,
        formatWeight(g.weight),
        g.result?.display ?? '—',
        g.missing.length > 0 ? `${g.answered}/${g.total}` : '',
      ]);
      walk(g.id, `${indent}  `);
    }
  };
  walk(null, '');
  lines.push(
    renderTable(
      [
        { header: 'Bagian' },
        { header: 'Nama' },
        { header: 'Bobot', align: 'right' },
        { header: 'Indeks', align: 'right' },
        { header: 'Terjawab', align: 'right' },
      ],
      rows,
    ),
  );
  lines.push('');
  if (result.overall) {
    lines.push(
      `${pack.indexLabel}: ${withExactIndex(result.overall.display, result.overall.exactDisplay)} (predikat ${result.overall.rating})${result.overall.provisional ? ' — SEMENTARA' : ''}`,
    );
  } else {
    lines.push(`${pack.indexLabel}: belum dapat dihitung`);
    // Nothing assessed: no assumed value is counted either (shared/scoring/score.ts).
    lines.push(noIndexText(pack, result) ?? '');
    const caution = cautionFor(pack, undefined);
    if (caution) lines.push(`Catatan: ${caution}`);
    return lines.join('\n');
  }
  if (result.missing.length > 0) {
    lines.push(
      `Belum dijawab ${result.missing.length} dari ${result.total} indikator: ${result.missing.join(', ')}. Indeks dihitung dari indikator yang sudah dijawab saja.`,
    );
  }
  if (result.awaitingExternal.length > 0) {
    const assumed =
      externalIndicators(pack).find((i) => i.number === result.awaitingExternal[0])?.externalIndex
        ?.assumedValue ?? pack.valueScale.min;
    lines.push(
      `Menunggu nilai eksternal: indikator ${rangeProse(result.awaitingExternal)} (dihitung dengan nilai anggapan ${formatValue(pack, assumed)} sampai indeks sumbernya diisi).`,
    );
  }
  const caution = cautionFor(pack, undefined);
  if (caution) lines.push(`Catatan: ${caution}`);
  return lines.join('\n');
}

/** The values of a .spbe bundle, after every check of an import. */
async function readBundleScoreInput(
  io: CliIo,
  file: string,
  options: { password?: string; appVersion: string },
): Promise<{ pack: InstrumentPack; values: Record<number, number | null> }> {
  const { bundle, handle } = await openBundleFile(io, file, options);
  await handle.close();
  return { pack: bundle.pack, values: snapshotValues(bundle.manifest.snapshot) };
}

export async function scoreCommand(
  io: CliIo,
  file: string,
  json: boolean,
  bundleOptions: { password?: string; appVersion: string } = { appVersion: '' },
): Promise<void> {
  const { pack, values } = (await looksLikeBundle(io, file))
    ? await readBundleScoreInput(io, file, bundleOptions)
    : await readScoreInput(io, file);
  const result = score(pack, values);
  io.out(json ? JSON.stringify(scoreJson(pack, result), null, 2) : scoreText(pack, result));
}
