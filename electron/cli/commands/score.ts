/**
 * `spbe-eval score <file>`: the indices and predikat of a set of indicator levels, exactly as
 * the app computes them (shared/scoring). The file is the JSON levels form or a .spbe bundle
 * (recognised by its extension or its zip header), which is fully validated first.
 */
import { formatWeight } from '../../../shared/format/number';
import {
  checkValues,
  levelsInputSchema,
  score,
  valuesFromLevels,
  type ScoreResult,
} from '../../../shared/scoring';
import type { InstrumentPack } from '../../../shared/instrument';
import { snapshotValues } from '../../../shared/assessment';
import { CliError, type CliIo } from '../io';
import { resolvePack } from '../packs';
import { renderTable } from '../table';
import { looksLikeBundle, openBundleFile } from './bundle-file';

const decoder = new TextDecoder('utf-8', { fatal: true });

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
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes));
  } catch (e) {
    const reason = e instanceof SyntaxError ? e.message : 'bukan teks UTF-8';
    throw new CliError(`Berkas "${file}" bukan JSON yang sah (${reason})`);
  }
  const parsed = levelsInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` pada "${issue.path.join('.')}"` : '';
    throw new CliError(`Isi berkas "${file}" tidak sesuai format${where}: ${issue?.message ?? ''}`);
  }
  const pack = resolvePack(parsed.data.instrument, parsed.data.version);
  const values = valuesFromLevels(parsed.data.levels);
  const problems = checkValues(pack, values);
  if (problems.length > 0) {
    throw new CliError(`Isi berkas "${file}" tidak sah: ${problems.join('; ')}`);
  }
  return { pack, values };
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
    level: i.level,
    levelName: i.levelName,
    gap: i.gap,
  }));
  out.missing = result.missing;
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
      `${pack.indexLabel}: ${result.overall.display} (predikat ${result.overall.rating})${result.overall.provisional ? ' — SEMENTARA' : ''}`,
    );
  } else {
    lines.push(`${pack.indexLabel}: belum dapat dihitung (belum ada indikator yang dijawab)`);
  }
  if (result.missing.length > 0) {
    lines.push(
      `Belum dijawab ${result.missing.length} dari ${result.total} indikator: ${result.missing.join(', ')}. Indeks dihitung dari indikator yang sudah dijawab saja.`,
    );
  }
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
