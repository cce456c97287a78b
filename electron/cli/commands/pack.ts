/**
 * `spbe-eval pack export <id> [--version v] -o pack.json`: a built-in pack in its file format,
 * the JSON exactly as shipped. `spbe-eval pack validate <pack.json>`: every check the app makes
 * when it loads a pack (size, JSON, schema, arithmetic, consistency); exit 0 with a one-line
 * summary when sound, 2 with every reason (one per line) when not.
 */
import { indicatorEntries, type InstrumentPack } from '../../../shared/instrument';
import {
  MAX_PACK_FILE_BYTES,
  packFileText,
  packFileTooBig,
  parsePackFile,
} from '../../../shared/instrument/pack-file';
import permenpanrb592020 from '../../../shared/instrument/packs/permenpanrb-59-2020.json';
import permenpanrb82026 from '../../../shared/instrument/packs/permenpanrb-8-2026.json';
import { CliError, EXIT_INVALID, EXIT_OK, type CliFile, type CliIo } from '../io';
import { resolvePack } from '../packs';

/** The shipped JSON of each built-in pack (the loaded pack has its defaults filled in). */
const shipped: readonly unknown[] = [permenpanrb592020, permenpanrb82026];

function shippedJson(pack: InstrumentPack): unknown {
  const raw = shipped.find((j) => {
    const r = j as { id?: unknown; version?: unknown };
    return r.id === pack.id && r.version === pack.version;
  });
  return raw ?? pack;
}

export async function packExportCommand(
  io: CliIo,
  id: string,
  options: { version?: string; output: string },
): Promise<void> {
  const pack = resolvePack(id, options.version);
  await io.writeFile(options.output, packFileText(shippedJson(pack)));
  io.out(`Paket ${pack.id} versi ${pack.version} ditulis ke ${options.output}`);
}

/** One line saying what a sound pack holds. */
export function packSummary(pack: InstrumentPack): string {
  const groups = pack.tiers
    .map((t, depth) => {
      let n = 0;
      const walk = (gs: InstrumentPack['groups'], d: number): void => {
        for (const g of gs) {
          if (d === depth) n += 1;
          else if (g.groups) walk(g.groups, d + 1);
        }
      };
      walk(pack.groups, 0);
      return `${n} ${t.label.toLowerCase()}`;
    })
    .join(', ');
  const scale =
    pack.valueScale.kind === 'decimal'
      ? `nilai desimal ${pack.valueScale.min}–${pack.valueScale.max} (${pack.valueScale.decimals} angka desimal)`
      : `tingkat ${pack.valueScale.min}–${pack.valueScale.max}`;
  return `Paket sah: ${pack.id} versi ${pack.version} (${pack.shortTitle}, ${pack.indexLabel}; status ${pack.status}): ${groups}, ${indicatorEntries(pack).length} indikator, ${scale}, ${pack.rating.length} predikat`;
}

export async function packValidateCommand(io: CliIo, file: string): Promise<number> {
  let handle: CliFile;
  try {
    handle = await io.openFile(file);
  } catch {
    throw new CliError(`Berkas "${file}" tidak dapat dibaca`);
  }
  let bytes: Uint8Array;
  try {
    // Bounded: the size is known before a byte is read, and a huge file is never parsed.
    if (handle.size > MAX_PACK_FILE_BYTES) {
      throw new CliError(`Berkas "${file}" ditolak: ${packFileTooBig(handle.size)}`);
    }
    bytes = await handle.read(0, handle.size);
  } finally {
    await handle.close();
  }
  const result = parsePackFile(bytes);
  if (!result.ok) {
    io.err(`Paket "${file}" ditolak (${result.errors.length} masalah):`);
    for (const e of result.errors) io.err(e);
    return EXIT_INVALID;
  }
  io.out(packSummary(result.pack));
  return EXIT_OK;
}
